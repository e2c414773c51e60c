/**
 * Placeholder page shown while the simulator core (src/sim) is being built.
 * It states what vethlab is and what exists today; it shows no simulated data.
 */
export function App() {
  return (
    <main className="page">
      <h1>vethlab</h1>
      <p className="lead">A browser playground for Docker container networking.</p>
      <p>
        The goal: type <code>docker run</code> or <code>docker network create</code>, see the bridges, veth pairs
        and containers as a graph, and follow each packet hop by hop through routing, the bridge and every
        iptables rule it meets. Everything will run in your browser: no server, no Docker.
      </p>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">Status</h2>
        <p>
          The simulator core (the netfilter and Linux kernel models) is being built. The topology canvas and the
          terminal are not here yet.
        </p>
      </section>
    </main>
  );
}
