/**
 * `curl` 7.88.1 (Debian 12, also what netshoot's lessons assume): each URL in turn over the simulated
 * TCP stack. Where output goes (src/tool_operate.c, tool_cb_wrt.c, tool_cb_dbg.c):
 * - the body to stdout or -o FILE (-O: the URL's last path part); -i puts the headers first, -I asks HEAD
 *   and prints the headers;
 * - the progress meter on stderr unless -s, --no-progress-meter, or the body goes to a terminal (stdout
 *   is a tty and no -o); a resolve failure without -v shows none;
 * - -v: the "*", ">" and "<" trace on stderr; "{ [N bytes data]" only when stdout is not a terminal;
 * - errors as "curl: (N) message" unless -s without -S; -f turns HTTP >= 400 into (22);
 * - -w after each transfer, even a failed one. The exit code is the last URL's.
 */
import { fsErrorOf } from '../../fs';
import type { CommandIO, SimCommand } from '../../types';
import { nowUs, settle } from '../inet/socket';
import { parseCurl, type CurlOpts } from './opts';
import { PROGRESS_HEADER, progressLine } from './progress';
import { endTrace, SIGINT, transfer, type Meter, type Transfer } from './transfer';
import { parseUrl, type Url } from './url';
import { writeOut } from './writeout';

const SIGINT_EXIT = 130;

function showMeter(io: CommandIO, o: CurlOpts, toFile: boolean): boolean {
  return !o.silent && !o.noProgress && (toFile || !io.isatty);
}

/** Write the output file: null when written, else why open() failed (its strerror text). */
async function writeFile(io: CommandIO, name: string, data: string): Promise<string | null> {
  if (name === '/dev/null') return null;
  const path = name.startsWith('/') ? name : `${io.cwd.replace(/\/$/, '')}/${name}`;
  try {
    await io.fs.writeFile(path, data);
    return null;
  } catch (e) {
    return fsErrorOf(e).message;
  }
}

/** One URL: returns curl's exit code for it. */
async function one(io: CommandIO, o: CurlOpts, raw: string, first: boolean): Promise<number> {
  const u = parseUrl(raw);
  const silentErr = o.silent && !o.showError;
  if (!u.ok) {
    if (!silentErr) io.err(`curl: (${u.code}) ${u.msg}\n`);
    return u.code;
  }
  const url: Url = u.url;
  const outName =
    first && o.output !== null ? o.output : o.remoteName ? (url.path.split('/').pop() ?? '') : null;
  const meterOn = showMeter(io, o, outName !== null);
  let meterStarted = false;
  const startUs = nowUs(io);
  let lastSec = 0;
  const startMeter = () => {
    if (!meterOn || meterStarted) return;
    meterStarted = true;
    io.err(PROGRESS_HEADER + progressLine(0, 0, 0));
  };
  const meter: Meter = {
    tick() {
      const sec = Math.floor((nowUs(io) - startUs) / 1e6);
      if (meterStarted && sec > lastSec) {
        lastSec = sec;
        io.err(progressLine(0, 0, nowUs(io) - startUs));
      }
    },
  };
  if (o.verbose) startMeter();
  // The meter starts once the name resolved (a resolve failure without -v shows none).
  const t: Transfer = await transfer(io, o, url, {
    tick() {
      startMeter();
      meter.tick();
    },
  });
  if (t.code === SIGINT) return SIGINT_EXIT;
  if (t.code !== 6 || o.verbose) startMeter();
  const endUs = nowUs(io);
  let code = t.code;
  let errMsg = t.errMsg;
  if (code === 0 && o.fail && t.httpCode >= 400) {
    code = 22;
    errMsg = `The requested URL returned error: ${t.httpCode}`;
  }
  if (code === 0) {
    const head = o.include || o.head ? t.headersRaw : '';
    const body = code === 0 ? t.body : '';
    if (o.verbose && body.length > 0 && !io.isatty) io.err(`{ [${body.length} bytes data]\n`);
    if (outName !== null) {
      const refused = await writeFile(io, outName, head + body);
      if (refused !== null) {
        // tool_cb_wrt.c tool_create_output_file: a warning (muted by -s), then the write callback fails.
        if (!o.silent) io.err(`Warning: Failed to open the file ${outName}: ${refused}\n`);
        code = 23;
        errMsg = `Failure writing output to destination`;
      }
    } else io.out(head + body);
  }
  if (meterStarted) {
    // The last line: the body's size and what came of it (-f: the size was announced, nothing written;
    // 23: the body came in full, the file could not take it).
    const full = code === 0 || code === 23;
    const total = full ? t.expected || t.body.length : code === 22 ? t.body.length : 0;
    io.err(`${progressLine(total, full ? t.body.length : 0, endUs - startUs)}\n`);
  }
  if (code === 0) endTrace(io, o, t, url);
  else if (o.verbose) io.err('* Closing connection 0\n');
  if (code !== 0 && !silentErr) io.err(`curl: (${code}) ${errMsg ?? ''}\n`);
  if (o.writeOut !== null) io.out(writeOut(io, o.writeOut, { ...t, errMsg }, url, endUs, code));
  return code;
}

export const curlCommand: SimCommand = {
  name: 'curl',
  async run(io: CommandIO) {
    const p = parseCurl(io.argv);
    if (!p.ok) {
      io.err(p.err);
      return p.code;
    }
    let code = 0;
    for (let i = 0; i < p.o.urls.length; i++) {
      code = await one(io, p.o, p.o.urls[i] as string, i === 0);
      if (code === SIGINT_EXIT) return code;
    }
    await settle(io);
    return code;
  },
};
