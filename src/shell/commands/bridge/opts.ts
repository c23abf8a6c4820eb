/** `bridge`'s global options (bridge/bridge.c main), as parsed before the object word. */
import type { NsId } from '../../../kernel';

export interface BridgeOpts {
  json: boolean;
  pretty: boolean;
  details: number;
  stats: number;
  oneline: boolean;
  compressVlans: boolean;
  /** The namespace the command acts in (-n NAME switches into it). */
  ns: NsId;
}
