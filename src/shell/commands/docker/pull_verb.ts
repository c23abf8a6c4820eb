/**
 * `docker pull` (cli/command/image/pull.go): the catalogue's images are already here, so the registry only
 * confirms them ("Image is up to date"); any other reference fails as the registry cannot be reached.
 */
import { findImage, normalizeRef } from '../../../docker';
import type { Verb } from './cli';
import { flagBool } from './flags';
import { pullError } from './pull';

const PULL_FLAGS = [
  { long: 'all-tags', short: 'a', kind: 'bool' as const },
  { long: 'disable-content-trust', kind: 'bool' as const },
  { long: 'platform', kind: 'value' as const },
  { long: 'quiet', short: 'q', kind: 'bool' as const },
];

export const pullVerbSpec: Verb = {
  path: 'docker pull',
  use: 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  flags: PULL_FLAGS,
  args: { exact: 1 },
  run(io, p) {
    const ref = p.args[0] as string;
    const n = normalizeRef(ref);
    if (!n) {
      io.err('invalid reference format\n');
      return 1;
    }
    const img = findImage(ref);
    const quiet = flagBool(p, 'quiet');
    const official = !n.repository.includes('/');
    const full = `docker.io/${official ? 'library/' : ''}${n.repository}:${n.tag}`;
    if (!quiet && !ref.includes(':')) io.out('Using default tag: latest\n');
    if (!img) {
      io.err(`Error response from daemon: ${pullError(io.os.state.docker)}\n`);
      return 1;
    }
    if (!quiet) {
      io.out(`${n.tag}: Pulling from ${official ? 'library/' : ''}${n.repository}\n`);
      io.out(`Digest: sha256:${img.id.split('').reverse().join('')}\n`);
      io.out(`Status: Image is up to date for ${n.repository}:${n.tag}\n`);
    }
    io.out(`${full}\n`);
    return 0;
  },
};
