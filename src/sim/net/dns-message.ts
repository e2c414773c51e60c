/**
 * A DNS question and its answer as data: what a udp-send probe to port 53 carries, so
 * that its packets have the sizes of the wire format and tcpdump can print them
 * (print-domain.c). The sizes follow what the rig's captures showed
 * (test/fixtures/tcpdump/capdns*.txt): Docker's embedded DNS writes every record's
 * owner name in full (no compression; `web` A is 40 bytes, a PTR for 172.18.0.2 85),
 * while the LAN's server points back at the question (example.com A: 45 bytes).
 */

export type DnsType = 'A' | 'AAAA' | 'PTR';

export interface DnsRecord {
  type: DnsType;
  /** An address (A, AAAA) or a name without its final dot (PTR). */
  data: string;
}

export interface DnsAnswer {
  rcode: 'NoError' | 'NXDomain';
  /** The AA bit: the LAN's server is authoritative for its zone; the embedded DNS is not. */
  authoritative: boolean;
  records: readonly DnsRecord[];
  /** Whether the records' owner names are compression pointers (2 bytes) rather than written out. */
  compressed: boolean;
}

export interface DnsExchange {
  /** The query id, the same in the question and its answer. */
  id: number;
  type: DnsType;
  /** The name asked, without its final dot. */
  name: string;
  answer: DnsAnswer;
}

const HEADER = 12;
/** Type, class, TTL and RDLENGTH of a resource record. */
const RECORD_FIXED = 10;

/** A name as labels on the wire: a length byte per label, then the root's 0. */
function nameLength(name: string): number {
  return name.split('.').filter((l) => l !== '').reduce((n, label) => n + label.length + 1, 1);
}

function dataLength(record: DnsRecord): number {
  if (record.type === 'A') return 4;
  if (record.type === 'AAAA') return 16;
  return nameLength(record.data);
}

/** The question's DNS message length: header, name, type and class. */
export function questionLength(dns: Pick<DnsExchange, 'name'>): number {
  return HEADER + nameLength(dns.name) + 4;
}

/** The answer's DNS message length: the question echoed, then each record. */
export function answerLength(dns: DnsExchange): number {
  const owner = dns.answer.compressed ? 2 : nameLength(dns.name);
  return questionLength(dns) + dns.answer.records.reduce((n, r) => n + owner + RECORD_FIXED + dataLength(r), 0);
}

/** A udp-send probe's IP lengths (IPv4 20 + UDP 8 around each message). */
export function dnsProbeSizes(dns: DnsExchange): { size: number; replySize: number } {
  return { size: 28 + questionLength(dns), replySize: 28 + answerLength(dns) };
}

/**
 * What tcpdump 4.99 prints for a DNS message without -v (print-domain.c's ns_print):
 * a query is `ID+ TYPE? NAME. (LEN)` (`+`: recursion desired); an answer is
 * `ID[ RCODE][*] AN/NS/AR RECORDS (LEN)` (`*`: authoritative; recursion is available
 * from both servers here, so no `-`), each record as ` TYPE DATA`, comma-separated.
 */
export function dnsText(dns: DnsExchange, answer: boolean): string {
  if (!answer) return `${dns.id}+ ${dns.type}? ${dns.name}. (${questionLength(dns)})`;
  const a = dns.answer;
  const rcode = a.rcode === 'NoError' ? '' : ` ${a.rcode}`;
  const records = a.records.map((r) => ` ${r.type} ${r.type === 'PTR' ? `${r.data}.` : r.data}`).join(',');
  return `${dns.id}${rcode}${a.authoritative ? '*' : ''} ${a.records.length}/0/0${records} (${answerLength(dns)})`;
}
