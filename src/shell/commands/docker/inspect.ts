/**
 * `docker inspect` (cli/command/system/inspect.go + cli/command/inspect): each name is looked up as a
 * container, then an image, then a network; the results print as one 4-space-indented JSON array, or through
 * -f/--format one line each. Names not found: "Error: No such object: <name>" (stderr, exit 1), and "[]"
 * when nothing was found.
 */
import type { DockerState, JsonValue } from '../../../docker';
import {
  containerInspect,
  findImage,
  networkInspect,
  rfc3339Nano,
  tryFindContainer,
  tryFindNetwork,
} from '../../../docker';
import type { CommandIO } from '../../types';
import type { Verb } from './cli';
import { flagString } from './flags';
import { goMarshal } from './gojson';
import { execTemplate, TemplateError } from './template';
import { INSPECT_FLAGS } from './verb_flags';

function imageInspect(st: DockerState, ref: string): JsonValue | null {
  const img = findImage(ref);
  if (!img || !st.images.includes(`${img.repository}:${img.tag}`)) return null;
  return {
    Id: `sha256:${img.id}`,
    RepoTags: [`${img.repository}:${img.tag}`],
    RepoDigests: [],
    Parent: '',
    Comment: '',
    Created: rfc3339Nano(st.epochMs, -img.createdDaysAgo * 86_400_000_000),
    DockerVersion: '',
    Author: '',
    Config: {
      Hostname: '',
      Domainname: '',
      User: '',
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: [...img.env],
      Cmd: [...img.cmd],
      Image: '',
      Volumes: null,
      WorkingDir: '',
      Entrypoint: img.entrypoint.length > 0 ? [...img.entrypoint] : null,
      OnBuild: null,
      Labels: null,
    },
    Architecture: 'amd64',
    Os: 'linux',
    Size: img.sizeBytes,
  };
}

/** Print elements as the CLI's inspector does; returns the exit code. */
export function printInspect(io: CommandIO, format: string, found: JsonValue[], errors: string[]): number {
  if (format === '') {
    io.out(found.length === 0 ? '[]\n' : `${goMarshal(found)}\n`);
  } else {
    for (const f of found) {
      try {
        io.out(`${execTemplate(format === 'json' ? '{{json .}}' : format, f)}\n`);
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        io.err(`template: inspect:1:2: executing "inspect" at <${format}>: ${e.message}\n`);
        return 1;
      }
    }
  }
  if (errors.length > 0) {
    io.err(`${errors.join('\n')}\n`);
    return 1;
  }
  return 0;
}

/** `docker container inspect` / `docker image inspect` / the plain verb with --type: one kind of object. */
export function typedInspect(kind: 'container' | 'image'): Verb {
  return {
    ...inspectVerbSpec,
    path: `docker ${kind} inspect`,
    use: `docker ${kind} inspect [OPTIONS] ${kind === 'container' ? 'CONTAINER [CONTAINER...]' : 'IMAGE [IMAGE...]'}`,
    short: `Display detailed information on one or more ${kind}s`,
    flags: INSPECT_FLAGS.filter((f) => f.long !== 'type' && (kind === 'container' || f.long !== 'size')),
    run(io, p) {
      // These verbs ask the daemon for one kind of object: its "No such ..." error, not the CLI's.
      const st = io.os.state.docker;
      const found: JsonValue[] = [];
      const errors: string[] = [];
      for (const name of p.args) {
        const obj = kind === 'container' ? tryFindContainer(st, name) : null;
        const v = obj ? containerInspect(st, obj) : kind === 'image' ? imageInspect(st, name) : null;
        if (v) found.push(v);
        else if (kind === 'container') errors.push(`Error response from daemon: No such container: ${name}`);
        else
          errors.push(
            `Error response from daemon: No such image: ${name.includes(':') ? name : `${name}:latest`}`,
          );
      }
      return printInspect(io, flagString(p, 'format'), found, errors);
    },
  };
}

export const inspectVerbSpec: Verb = {
  path: 'docker inspect',
  use: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  flags: INSPECT_FLAGS,
  args: { min: 1 },
  run(io, p) {
    const st = io.os.state.docker;
    const type = flagString(p, 'type');
    const found: JsonValue[] = [];
    const errors: string[] = [];
    for (const name of p.args) {
      const c = type === '' || type === 'container' ? tryFindContainer(st, name) : null;
      if (c) {
        found.push(containerInspect(st, c));
        continue;
      }
      const img = type === '' || type === 'image' ? imageInspect(st, name) : null;
      if (img) {
        found.push(img);
        continue;
      }
      const n = type === '' || type === 'network' ? tryFindNetwork(st, name) : null;
      if (n) {
        found.push(networkInspect(st, n));
        continue;
      }
      errors.push(`Error: No such ${type === '' ? 'object' : type}: ${name}`);
    }
    return printInspect(io, flagString(p, 'format'), found, errors);
  },
};
