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
  findNetwork,
  networkInspect,
  rfc3339Nano,
  tryFindContainer,
} from '../../../docker';
import type { CommandIO } from '../../types';
import { daemonMessage, type Verb } from './cli';
import { flagString } from './flags';
import { goMarshal } from './gojson';
import { CONTAINER_JSON, IMAGE_INSPECT, NETWORK_INSPECT } from './inspect_types';
import { runTemplate, templateParseStatus, type GoType } from './template';
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
      // Written by encoding/json: a map's keys sorted.
      Labels: img.labels
        ? Object.fromEntries(Object.entries(img.labels).sort(([a], [b]) => (a < b ? -1 : 1)))
        : null,
    },
    Architecture: 'amd64',
    Os: 'linux',
    Size: img.sizeBytes,
  };
}

/** One name's result: the object (and the Go type the daemon's client decodes it into), or its error. */
export type InspectResult = { value: JsonValue; type: GoType } | { error: string };

/**
 * One object through a template (inspector.go TemplateInspector.Inspect): executed on the typed value first;
 * when that fails, on the raw JSON decoded into interface{} with missingkey=error (tryRawInspectFallback),
 * whose error is the one reported.
 */
function inspectOne(
  format: string,
  r: { value: JsonValue; type: GoType },
): { out: string } | { error: string } {
  const typed = runTemplate(format, r.value, { type: r.type });
  if (!typed.error) return { out: typed.out };
  const raw = runTemplate(format, r.value, { missingKeyError: true });
  return raw.error ? { error: raw.error.cliText() } : { out: raw.out };
}

/**
 * Print results as the CLI's inspector does (cli/command/inspect/inspector.go Inspect); returns the exit code.
 * No format: an indented JSON array; "json": a compact one. A template that does not parse: its error, exit
 * 64, before anything else. Otherwise one line per object; an object whose template fails, like a name not
 * found, adds its error, printed (stderr, in order) after the output, exit 1. Flush writes a lone newline when
 * no object printed anything.
 */
export function printInspect(io: CommandIO, format: string, results: InspectResult[]): number {
  const errors: string[] = [];
  if (format === '' || format === 'json') {
    for (const r of results) if ('error' in r) errors.push(r.error);
    // The daemon's JSON of each, written with its type (a map's keys sorted), the CLI's indentation around.
    const indent = format === '' ? '    ' : '';
    const found = results.flatMap((r) => ('error' in r ? [] : [goMarshal(r.value, indent, 1, true, r.type)]));
    const pad = indent === '' ? '' : `\n${indent}`;
    io.out(
      found.length === 0 ? '[]\n' : `[${found.map((f) => pad + f).join(',')}${indent === '' ? '' : '\n'}]\n`,
    );
  } else {
    const status = templateParseStatus((t) => io.err(t), format);
    if (status !== null) return status;
    let out = '';
    for (const r of results) {
      const one = 'error' in r ? r : inspectOne(format, r);
      if ('error' in one) errors.push(one.error);
      else out += `${one.out}\n`;
    }
    io.out(out === '' ? '\n' : out);
  }
  if (errors.length > 0) {
    io.err(`${errors.join('\n')}\n`);
    return 1;
  }
  return 0;
}

type Kind = 'container' | 'image' | 'network';

/**
 * Look `name` up as one kind of object, as the daemon's client would: the object and its Go type, or the
 * daemon's "not found" error (client errors read "Error response from daemon: ...").
 */
function lookup(st: DockerState, kind: Kind, name: string): InspectResult {
  if (kind === 'container') {
    const c = tryFindContainer(st, name);
    if (c) return { value: containerInspect(st, c), type: CONTAINER_JSON };
    return { error: `Error response from daemon: No such container: ${name}` };
  }
  if (kind === 'image') {
    const img = imageInspect(st, name);
    if (img) return { value: img, type: IMAGE_INSPECT };
    return {
      error: `Error response from daemon: No such image: ${name.includes(':') ? name : `${name}:latest`}`,
    };
  }
  try {
    return { value: networkInspect(st, findNetwork(st, name)), type: NETWORK_INSPECT };
  } catch (e) {
    return { error: `Error response from daemon: ${daemonMessage(e)}` };
  }
}

/** `docker container inspect` / `docker image inspect`: one kind of object, the daemon's errors. */
export function typedInspect(kind: 'container' | 'image'): Verb {
  return {
    ...inspectVerbSpec,
    path: `docker ${kind} inspect`,
    use: `docker ${kind} inspect [OPTIONS] ${kind === 'container' ? 'CONTAINER [CONTAINER...]' : 'IMAGE [IMAGE...]'}`,
    short: `Display detailed information on one or more ${kind}s`,
    flags: INSPECT_FLAGS.filter((f) => f.long !== 'type' && (kind === 'container' || f.long !== 'size')),
    run(io, p) {
      const st = io.os.state.docker;
      return printInspect(
        io,
        flagString(p, 'format'),
        p.args.map((name) => lookup(st, kind, name)),
      );
    },
  };
}

/** `docker network inspect` (cli/command/network/inspect.go): the same inspector on networks. */
export function networkInspectResults(io: CommandIO, names: string[]): InspectResult[] {
  return names.map((name) => lookup(io.os.state.docker, 'network', name));
}

const KINDS: Kind[] = ['container', 'image', 'network'];

export const inspectVerbSpec: Verb = {
  path: 'docker inspect',
  use: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  flags: INSPECT_FLAGS,
  args: { min: 1 },
  run(io, p) {
    const st = io.os.state.docker;
    const type = flagString(p, 'type');
    // system/inspect.go inspectAll: each kind in turn, not-found skipped; with --type, that kind's own error.
    const results = p.args.map((name): InspectResult => {
      if (type !== '')
        return KINDS.includes(type as Kind)
          ? lookup(st, type as Kind, name)
          : { error: `Error: No such ${type}: ${name}` };
      for (const kind of KINDS) {
        const r = lookup(st, kind, name);
        if (!('error' in r)) return r;
      }
      return { error: `Error: No such object: ${name}` };
    });
    return printInspect(io, flagString(p, 'format'), results);
  },
};
