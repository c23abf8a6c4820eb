/**
 * `nslookup`: bind9's (the Docker host's dnsutils, netshoot's bind-tools) on GNU userlands, BusyBox 1.35's
 * applet when the flavour is busybox. Both talk DNS over the simulated UDP path.
 */
import type { CommandIO, SimCommand } from '../../types';
import { settle } from '../inet/socket';
import { runBind9 } from './bind9';
import { runBusyboxNslookup } from './busybox';

export const nslookupCommand: SimCommand = {
  name: 'nslookup',
  async run(io: CommandIO) {
    const code = await (io.proc.flavour === 'busybox' ? runBusyboxNslookup(io) : runBind9(io));
    await settle(io);
    return code;
  },
};
