/**
 * Errors the daemon answers with. The CLI prints `Error response from daemon: <message>` (docker run adds
 * "docker: " and a final '.'); the kind decides nothing else here but mirrors errdefs for readers.
 */
export type DockerErrorKind = 'notfound' | 'conflict' | 'invalid' | 'forbidden' | 'unavailable' | 'system';

export class DockerError extends Error {
  readonly kind: DockerErrorKind;
  constructor(kind: DockerErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/**
 * Something real Docker does that the playground does not model (a macvlan network): said as the playground,
 * not as a daemon error that would tell a student Docker cannot do it.
 */
export class NotSimulatedError extends Error {}

export function notFound(msg: string): DockerError {
  return new DockerError('notfound', msg);
}
export function conflict(msg: string): DockerError {
  return new DockerError('conflict', msg);
}
export function invalid(msg: string): DockerError {
  return new DockerError('invalid', msg);
}
export function forbidden(msg: string): DockerError {
  return new DockerError('forbidden', msg);
}
