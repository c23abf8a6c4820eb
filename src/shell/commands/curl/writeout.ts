/**
 * curl's --write-out (src/tool_writeout.c): %{variable} from the transfer, %{json} left out, \n \r \t
 * escapes, %% for a percent sign; an unknown variable is reported on stderr and replaced by nothing.
 */
import { formatIp4 } from '../../../lib';
import type { CommandIO } from '../../types';
import type { Transfer } from './transfer';
import type { Url } from './url';

function seconds(us: number): string {
  return (Math.max(0, us) / 1e6).toFixed(6);
}

function variable(name: string, t: Transfer, url: Url, endUs: number, exit: number): string | null {
  switch (name) {
    case 'http_code':
    case 'response_code':
      return String(t.httpCode).padStart(3, '0');
    case 'http_version':
      return t.httpCode ? t.httpVersion : '0';
    case 'remote_ip':
      return t.remote ? formatIp4(t.remote.ip) : '';
    case 'remote_port':
      return t.remote ? String(t.remote.port) : '';
    case 'local_ip':
      return t.local ? formatIp4(t.local.ip) : '';
    case 'local_port':
      return t.local ? String(t.local.port) : '';
    case 'size_download':
      return String(t.body.length);
    case 'size_header':
      return String(t.headersRaw.length);
    case 'url_effective':
    case 'url':
      return url.text;
    case 'content_type':
      return t.contentType ?? '';
    case 'num_connects':
      return t.connectUs !== null ? '1' : '0';
    case 'time_total':
      return seconds(endUs - t.startUs);
    case 'time_connect':
      return seconds(t.connectUs === null ? 0 : t.connectUs - t.startUs);
    case 'time_namelookup':
      return seconds(0);
    case 'exitcode':
      return String(exit);
    case 'errormsg':
      return exit ? (t.errMsg ?? '') : '';
    case 'scheme':
      return url.scheme.toUpperCase();
    default:
      return null;
  }
}

export function writeOut(
  io: CommandIO,
  fmt: string,
  t: Transfer,
  url: Url,
  endUs: number,
  exit: number,
): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i] as string;
    if (c === '%' && fmt[i + 1] === '%') {
      out += '%';
      i++;
    } else if (c === '%' && fmt[i + 1] === '{') {
      const end = fmt.indexOf('}', i);
      if (end < 0) {
        out += c;
        continue;
      }
      const name = fmt.slice(i + 2, end);
      const v = variable(name, t, url, endUs, exit);
      if (v === null) io.err(`curl: unknown --write-out variable: '${name}'\n`);
      else out += v;
      i = end;
    } else if (c === '\\' && i + 1 < fmt.length) {
      const e = fmt[i + 1] as string;
      out += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : `\\${e}`;
      i++;
    } else out += c;
  }
  return out;
}
