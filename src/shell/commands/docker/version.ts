/**
 * `docker version` (cli/command/system/version.go): the 27.5.1 client and engine. A template named "version"
 * runs on versionInfo{Client clientVersion; Server *types.Version}: defaultVersionTemplate with no --format,
 * {{json .}} for "json", else the format (a parse error: exit 64), with getDetailsOrder added to the
 * functions. Its output goes through a tabwriter (minwidth 20, padding 1), and an execution error is printed
 * as Go words it (no "template parsing error" in front), exit 1, after what was written.
 */
import { daemonKernelVersion } from '../../../docker';
import type { Verb } from './cli';
import { flagString } from './flags';
import type { GoJson } from './gojson';
import { tabwrite } from './tabwriter';
import { runTemplate, templateParseStatus, type TemplateFuncs } from './template';
import { closedStruct, isObject, mapOf, sliceOf, STRING, type GoType } from './template_values';
import { VERSION_FLAGS } from './verb_flags';

/** version.go defaultVersionTemplate: what `docker version` prints with no --format. */
const DEFAULT_TEMPLATE = `{{with .Client -}}
Client:{{if ne .Platform nil}}{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}{{end}}
 Version:	{{.Version}}
 API version:	{{.APIVersion}}{{if ne .APIVersion .DefaultAPIVersion}} (downgraded from {{.DefaultAPIVersion}}){{end}}
 Go version:	{{.GoVersion}}
 Git commit:	{{.GitCommit}}
 Built:	{{.BuildTime}}
 OS/Arch:	{{.Os}}/{{.Arch}}
 Context:	{{.Context}}
{{- end}}

{{- if ne .Server nil}}{{with .Server}}

Server:{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}
 {{- range $component := .Components}}
 {{$component.Name}}:
  {{- if eq $component.Name "Engine" }}
  Version:	{{.Version}}
  API version:	{{index .Details "ApiVersion"}} (minimum version {{index .Details "MinAPIVersion"}})
  Go version:	{{index .Details "GoVersion"}}
  Git commit:	{{index .Details "GitCommit"}}
  Built:	{{index .Details "BuildTime"}}
  OS/Arch:	{{index .Details "Os"}}/{{index .Details "Arch"}}
  Experimental:	{{index .Details "Experimental"}}
  {{- else }}
  Version:	{{$component.Version}}
  {{- $detailsOrder := getDetailsOrder $component}}
  {{- range $key := $detailsOrder}}
  {{$key}}:	{{index $component.Details $key}}
   {{- end}}
  {{- end}}
 {{- end}}
 {{- end}}{{- end}}`;

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
          KernelVersion: daemonKernelVersion(),
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
    KernelVersion: daemonKernelVersion(),
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

/** version.go getDetailsOrder: a component's detail keys, sorted (the version template's own function). */
const VERSION_FUNCS: TemplateFuncs = {
  getDetailsOrder: ([c]) => {
    const details = c && isObject(c.v) ? c.v.Details : null;
    const keys = isObject(details) ? Object.keys(details).sort() : [];
    return { v: keys, t: sliceOf('[]string', STRING) };
  },
};

export const versionVerbSpec: Verb = {
  path: 'docker version',
  use: 'docker version [OPTIONS]',
  short: 'Show the Docker version information',
  flags: VERSION_FLAGS,
  args: { exact: 0 },
  run(io, p) {
    const format = flagString(p, 'format');
    const src = format === '' ? DEFAULT_TEMPLATE : format === 'json' ? '{{json .}}' : format;
    const status = templateParseStatus((t) => io.err(t), src, VERSION_FUNCS, 'version');
    if (status !== null) return status;
    const { out, error } = runTemplate(src, VERSION_INFO, { type: VERSION_TYPE, funcs: VERSION_FUNCS });
    io.out(tabwrite(`${out}\n`, 20, 1));
    if (!error) return 0;
    error.tmplName = 'version';
    io.err(`${error.goText()}\n`);
    return 1;
  },
};
