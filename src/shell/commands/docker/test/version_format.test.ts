/** `docker version --format` (cli/command/system/version.go): a template named "version" on versionInfo. */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

async function run(net: Scenario, cmd: string): Promise<[string, string, number]> {
  const r = await net.run(cmd);
  return [r.stdout, r.stderr, r.exitCode];
}

describe('docker version --format', () => {
  it('reads the client and server structs; APIVersion is the Go name of JSON "ApiVersion"', async () => {
    const net = await Scenario.start();
    expect(await run(net, "docker version --format '{{.Server.Version}}'")).toEqual(['27.5.1\n', '', 0]);
    expect(
      await run(
        net,
        "docker version -f '{{.Client.APIVersion}} {{.Server.MinAPIVersion}} {{.Client.Platform.Name}}'",
      ),
    ).toEqual(['1.47 1.24 Docker Engine - Community\n', '', 0]);
    expect(
      await run(net, "docker version -f '{{range .Server.Components}}{{.Name}}={{.Version}} {{end}}'"),
    ).toEqual(['Engine=27.5.1 containerd=1.7.25 runc=1.2.4 docker-init=0.19.0 \n', '', 0]);
    const json = JSON.parse((await run(net, 'docker version --format json'))[0]) as {
      Client: { ApiVersion: string; Context: string };
      Server: { KernelVersion: string; Experimental?: boolean };
    };
    expect([json.Client.ApiVersion, json.Client.Context, json.Server.KernelVersion]).toEqual([
      '1.47',
      'default',
      '6.18.44-fc-v782',
    ]);
    expect(json.Server.Experimental).toBe(undefined);
  });

  it("an unknown field: what was written and a newline, then Go's error as is, exit 1; a parse error exits 64", async () => {
    const net = await Scenario.start();
    expect(await run(net, "docker version --format 'v{{.Foo}}'")).toEqual([
      'v\n',
      'template: version:1:3: executing "version" at <.Foo>: can\'t evaluate field Foo in type system.versionInfo\n',
      1,
    ]);
    expect(await run(net, "docker version --format '{{.Client.ApiVersion}}'")).toEqual([
      '\n',
      'template: version:1:9: executing "version" at <.Client.ApiVersion>: can\'t evaluate field ApiVersion in type system.clientVersion\n',
      1,
    ]);
    expect(await run(net, "docker version --format '{{.Server'")).toEqual([
      '',
      'template parsing error: template: version:1: unclosed action\n',
      64,
    ]);
  });

  it('with no format runs version.go defaultVersionTemplate (getDetailsOrder lists the other components)', async () => {
    const net = await Scenario.start();
    expect(await run(net, 'docker version')).toEqual([
      `Client: Docker Engine - Community
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
`,
      '',
      0,
    ]);
    // getDetailsOrder is the version template's own function (Funcs), not one of the other commands'.
    expect(await run(net, "docker version -f '{{getDetailsOrder (index .Server.Components 1)}}'")).toEqual([
      '[GitCommit]\n',
      '',
      0,
    ]);
    expect(await run(net, "docker ps --format '{{getDetailsOrder .}}'")).toEqual([
      '',
      'failed to parse template: template: :1: function "getDetailsOrder" not defined\n',
      1,
    ]);
  });
});
