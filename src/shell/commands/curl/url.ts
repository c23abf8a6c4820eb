/**
 * The URLs curl 7.88.1 takes (lib/urlapi.c, reduced): an optional scheme (none means http, as the tool
 * guesses), a host name or IPv4 address, an optional port, the path ("/" when empty). The Host header
 * carries the port only when it is not the scheme's default.
 */

export interface Url {
  scheme: string;
  host: string;
  port: number;
  path: string;
  /** The URL as curl normalises it (url_effective). */
  text: string;
  hostHeader: string;
}

const DEFAULT_PORT: Readonly<Record<string, number>> = { http: 80, https: 443 };

export type UrlParse = { ok: true; url: Url } | { ok: false; code: number; msg: string };

export function parseUrl(raw: string): UrlParse {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d*))?([/?#].*)?$/.exec(raw);
  if (!m) return { ok: false, code: 3, msg: 'URL using bad/illegal format or missing URL' };
  const scheme = (m[1] ?? 'http').toLowerCase();
  const def = DEFAULT_PORT[scheme];
  if (def === undefined)
    return { ok: false, code: 1, msg: `Protocol "${scheme}" not supported or disabled in libcurl` };
  const host = (m[2] ?? '').toLowerCase();
  if (host === '') return { ok: false, code: 3, msg: 'URL using bad/illegal format or missing URL' };
  const port = m[3] ? Number(m[3]) : def;
  if (port > 65535) return { ok: false, code: 3, msg: 'URL using bad/illegal format or missing URL' };
  let path = m[4] ?? '/';
  if (!path.startsWith('/')) path = `/${path}`;
  path = path.replace(/#.*/, '');
  const hostPort = port === def ? host : `${host}:${port}`;
  return {
    ok: true,
    url: { scheme, host, port, path, text: `${scheme}://${hostPort}${path}`, hostHeader: hostPort },
  };
}
