/**
 * The records "what changed" (changes.ts) makes: one per object a line added, removed or changed, with the
 * graph ids to highlight. The sink is what the per-kind differs write to.
 */
import type { NsId } from '../kernel';
import type { World } from './world';

export type ChangeOp = 'add' | 'del' | 'set';

export type ChangeWhat =
  | 'netns'
  | 'device'
  | 'veth'
  | 'bridge'
  | 'port'
  | 'move'
  | 'rename'
  | 'up'
  | 'down'
  | 'addr'
  | 'route'
  | 'neigh'
  | 'fdb'
  | 'rule'
  | 'chain'
  | 'sysctl'
  | 'container'
  | 'status'
  | 'network'
  | 'publish';

export interface Change {
  op: ChangeOp;
  what: ChangeWhat;
  /** The main object, as text (`veth1a2b3c4 ↔ eth0`, `172.17.0.2/16`, `default via 172.17.0.1 dev eth0`). */
  subject: string;
  /** Where it happened: the device, chain or bridge the subject belongs to (may be ''). */
  on: string;
  /** Whose namespace: `host`, a container name, an `ip netns` name. */
  where: string;
  /** Graph ids to highlight: `ns:ID`, `dev:ID`, `link:ID`, `ctr:ID`. */
  ids: string[];
}

/** What a per-kind differ writes to: the two Worlds, the list, and who a namespace is (its title). */
export interface DiffSink {
  readonly a: World;
  readonly b: World;
  push(c: Change): void;
  where(ns: NsId): string;
}
