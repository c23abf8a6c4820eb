/**
 * Image references as github.com/distribution/reference parses them (regexp.go's grammar, normalize.go
 * ParseNormalizedNamed and splitDockerDomain, reference.go Parse, helpers.go FamiliarName/FamiliarString,
 * ParseAnyReference): "busybox" is docker.io/library/busybox, shown familiar again as "busybox". Errors are
 * the package's texts, which the daemon returns as they are.
 */

/** A parsed reference: a name (domain + path) with an optional tag and digest, or a bare digest. */
export interface ImageRef {
  /** '' for a bare digest (ParseAnyReference of an image id). */
  domain: string;
  path: string;
  tag: string;
  digest: string;
}

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])`;
const DOMAIN_AND_PORT = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_NAME = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;

/** RepositoryNameTotalLengthMax */
const NAME_MAX = 255;

export class ReferenceError extends Error {}

/** go-digest Parse, reduced to the algorithms Docker knows: sha256, sha384, sha512 with their lengths. */
function parseDigest(d: string): string {
  const i = d.indexOf(':');
  if (i < 1 || i + 1 >= d.length) throw new ReferenceError('invalid checksum digest format');
  const alg = d.slice(0, i);
  const len = { sha256: 64, sha384: 96, sha512: 128 }[alg];
  if (len === undefined) throw new ReferenceError('unsupported digest algorithm');
  if (d.length - i - 1 !== len) throw new ReferenceError('invalid checksum digest length');
  if (!/^[a-f0-9]+$/.test(d.slice(i + 1))) throw new ReferenceError('invalid checksum digest format');
  return d;
}

/** reference.Parse: the full grammar, no normalisation. */
function parse(s: string): ImageRef {
  const m = REFERENCE.exec(s);
  if (!m) {
    if (s === '') throw new ReferenceError('repository name must have at least one component');
    if (REFERENCE.test(s.toLowerCase())) throw new ReferenceError('repository name must be lowercase');
    throw new ReferenceError('invalid reference format');
  }
  const name = m[1] as string;
  const nm = ANCHORED_NAME.exec(name);
  const domain = nm?.[1] ?? '';
  const path = nm ? (nm[2] as string) : name;
  if (path.length > NAME_MAX)
    throw new ReferenceError(`repository name must not be more than ${NAME_MAX} characters`);
  return { domain, path, tag: m[2] ?? '', digest: m[3] === undefined ? '' : parseDigest(m[3]) };
}

/**
 * splitDockerDomain: index.docker.io is docker.io; a first component with '.' or ':', "localhost" or an
 * upper-case letter is a registry.
 */
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  let domain = 'docker.io';
  let remote = name;
  if (slash >= 0) {
    const maybe = name.slice(0, slash);
    if (maybe === 'index.docker.io') remote = name.slice(slash + 1);
    else if (maybe === 'localhost' || /[.:]/.test(maybe) || maybe.toLowerCase() !== maybe) {
      domain = maybe;
      remote = name.slice(slash + 1);
    }
  }
  if (domain === 'docker.io' && !remote.includes('/')) remote = `library/${remote}`;
  return [domain, remote];
}

/** ParseNormalizedNamed: "busybox" -> docker.io/library/busybox; throws ReferenceError. */
export function parseNormalizedNamed(s: string): ImageRef {
  if (IDENTIFIER.test(s))
    throw new ReferenceError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  const [domain, remainder] = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote)
    throw new ReferenceError(`invalid reference format: repository name (${remote}) must be lowercase`);
  return parse(`${domain}/${remainder}`);
}

/** ParseAnyReference: a 64-hex id or a digest is a bare digest reference, anything else a name. */
export function parseAnyReference(s: string): ImageRef {
  if (IDENTIFIER.test(s)) return { domain: '', path: '', tag: '', digest: `sha256:${s}` };
  try {
    return { domain: '', path: '', tag: '', digest: parseDigest(s) };
  } catch {
    return parseNormalizedNamed(s);
  }
}

/** FamiliarName: docker.io is dropped, and "library/" of an official image. */
export function familiarName(r: ImageRef): string {
  if (r.domain !== 'docker.io') return `${r.domain}/${r.path}`;
  const rest = r.path.startsWith('library/') ? r.path.slice('library/'.length) : null;
  return rest !== null && !rest.includes('/') ? rest : r.path;
}

/** FamiliarString: the familiar name with ":tag" and "@digest"; a bare digest as it is. */
export function familiarString(r: ImageRef): string {
  if (r.path === '') return r.digest;
  return `${familiarName(r)}${r.tag ? `:${r.tag}` : ''}${r.digest ? `@${r.digest}` : ''}`;
}

/** TagNameOnly: a name without tag or digest gets ":latest". */
export function tagNameOnly(r: ImageRef): ImageRef {
  return r.path !== '' && r.tag === '' && r.digest === '' ? { ...r, tag: 'latest' } : r;
}
