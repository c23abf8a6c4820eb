/**
 * `docker version` (cli/command/system/version.go): the 27.5.1 client and engine. --format runs a template
 * named "version" on versionInfo{Client clientVersion; Server *types.Version} (a parse error: exit 64;
 * "json": {{json .}}); its output goes through a tabwriter (minwidth 20, padding 1), and an execution error
 * is printed as Go words it (no "template parsing error" in front), exit 1, after what was written.
 */
import type { Verb } from './cli';
import { flagString } from './flags';
import type { GoJson } from './gojson';
import { tabwrite } from './tabwriter';
import { checkTemplate, runTemplate, TemplateError } from './template';
import { closedStruct, mapOf, sliceOf, STRING, type GoType } from './template_values';
import { VERSION_FLAGS } from './verb_flags';

const VERSION = `Client: Docker Engine - Community
 Version:           27.5.1
 API version:       1.47
 Go version:        go1.22.11
 Git commit:        9f9e405
 Built:             Wed Jan 22 13:41:48 2025
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          27.5.1
  API version:      1.47 (minimum version 1.24)
  Go version:       go1.22.11
  Git commit:       4c9b3b0
  Built:            Wed Jan 22 13:41:48 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.7.25
  GitCommit:        bcc810d6b9066471b0b6fa75f557a15a1cbf31bb
 runc:
  Version:          1.2.4
  GitCommit:        v1.2.4-0-g6c52b3f
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`;

const PLATFORM = { Name: 'Docker Engine - Community' };
const API = { ApiVersion: '1.47', MinAPIVersion: '1.24', GitCommit: '4c9b3b0', GoVersion: 'go1.22.11' };
/** The daemon's build time; the CLI shows it in time.ANSIC in the Engine component (reformatDate). */
const SERVER_BUILT = '2025-01-22T13:41:48.000000000+00:00';

/** versionInfo's JSON, as the Go structs marshal it (Experimental false is omitempty). */
const VERSION_INFO: GoJson = {
  Client: {
    Platform: PLATFORM,
    Version: '27.5.1',
    ApiVersion: '1.47',
    DefaultAPIVersion: '1.47',
    GitCommit: '9f9e405',
    GoVersion: 'go1.22.11',
    Os: 'linux',
    Arch: 'amd64',
    BuildTime: 'Wed Jan 22 13:41:48 2025',
    Context: 'default',
  },
  Server: {
    Platform: PLATFORM,
    Components: [
      {
        Name: 'Engine',
        Version: '27.5.1',
        Details: {
          ApiVersion: API.ApiVersion,
          Arch: 'amd64',
          BuildTime: 'Wed Jan 22 13:41:48 2025',
          Experimental: 'false',
          GitCommit: API.GitCommit,
          GoVersion: API.GoVersion,
          KernelVersion: '6.18.44',
          MinAPIVersion: API.MinAPIVersion,
          Os: 'linux',
        },
      },
      {
        Name: 'containerd',
        Version: '1.7.25',
        Details: { GitCommit: 'bcc810d6b9066471b0b6fa75f557a15a1cbf31bb' },
      },
      { Name: 'runc', Version: '1.2.4', Details: { GitCommit: 'v1.2.4-0-g6c52b3f' } },
      { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: 'de40ad0' } },
    ],
    Version: '27.5.1',
    ...API,
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: '6.18.44',
    BuildTime: SERVER_BUILT,
  },
};

const BOOL: GoType = { kind: 'scalar', name: 'bool' };
const platform = (name: string) => closedStruct(name, { Name: STRING });
const strings = (names: string[]) => Object.fromEntries(names.map((n) => [n, STRING]));
/** APIVersion is JSON "ApiVersion" (the structs' tags). */
const API_JSON = { APIVersion: 'ApiVersion' };

const VERSION_TYPE: GoType = closedStruct('system.versionInfo', {
  Client: closedStruct(
    'system.clientVersion',
    {
      Platform: platform('*system.platformInfo'),
      ...strings(['Version', 'APIVersion', 'DefaultAPIVersion', 'GitCommit', 'GoVersion', 'Os', 'Arch']),
      ...strings(['BuildTime', 'Context']),
    },
    API_JSON,
  ),
  Server: closedStruct(
    '*types.Version',
    {
      Platform: platform('struct { Name string }'),
      Components: sliceOf(
        '[]types.ComponentVersion',
        closedStruct('types.ComponentVersion', {
          Name: STRING,
          Version: STRING,
          Details: mapOf('map[string]string'),
        }),
      ),
      ...strings(['Version', 'APIVersion', 'MinAPIVersion', 'GitCommit', 'GoVersion', 'Os', 'Arch']),
      KernelVersion: STRING,
      Experimental: BOOL,
      BuildTime: STRING,
    },
    API_JSON,
  ),
});

export const versionVerbSpec: Verb = {
  path: 'docker version',
  use: 'docker version [OPTIONS]',
  short: 'Show the Docker version information',
  flags: VERSION_FLAGS,
  args: { exact: 0 },
  run(io, p) {
    const format = flagString(p, 'format');
    if (format === '') {
      io.out(VERSION);
      return 0;
    }
    const src = format === 'json' ? '{{json .}}' : format;
    try {
      checkTemplate(src);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      e.tmplName = 'version';
      io.err(`${e.cliText()}\n`);
      return 64;
    }
    const { out, error } = runTemplate(src, VERSION_INFO, { type: VERSION_TYPE });
    io.out(tabwrite(`${out}\n`, 20, 1));
    if (!error) return 0;
    error.tmplName = 'version';
    io.err(`${error.goText()}\n`);
    return 1;
  },
};
