/** The engine's one error type: what the daemon (or the client's own checks) answers to a request it refuses. */

/** A daemon (or client-side) error; `message` is the text after "Error response from daemon: ". */
export class DockerError extends Error {
  /** `client` errors are printed without the daemon prefix. */
  readonly side: 'daemon' | 'client';
  constructor(message: string, side: 'daemon' | 'client' = 'daemon') {
    super(message);
    this.name = 'DockerError';
    this.side = side;
  }
}

/** The daemon has no image by that name (ErrImageDoesNotExist): `docker run` then pulls it. */
export class ImageNotFoundError extends DockerError {}
