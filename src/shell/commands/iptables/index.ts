/**
 * `iptables` 1.8.9 with the nf_tables backend (iptables-nft), IPv4 only: parse (parse.ts, extensions in
 * ext_match.ts / ext_target.ts), run against the process's namespace (run.ts), print (list.ts).
 * `iptables-save` is save.ts.
 */
import type { CommandIO, SimCommand } from '../../types';
import { XT_PROG, XT_VERSION, XtError } from './errors';
import { IPTABLES_HELP } from './help';
import { parseIptables } from './parse';
import { runParsed } from './run';

export function runIptables(io: CommandIO): number {
  try {
    const p = parseIptables(io.argv);
    if (p.help) {
      io.out(IPTABLES_HELP);
      return 0;
    }
    if (p.version) {
      io.out(`${XT_PROG} ${XT_VERSION}\n`);
      return 0;
    }
    return runParsed(io, p);
  } catch (e) {
    if (e instanceof XtError) {
      io.err(e.text);
      return e.code;
    }
    throw e;
  }
}

export const iptablesCommand: SimCommand = { name: 'iptables', run: runIptables };
