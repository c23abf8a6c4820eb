/**
 * Container labels: -l and --label-file (cli/command/container/opts.go, pkg/kvfile), merged with the image's
 * (daemon/commit.go merge), shown by inspect's Config.Labels and the formatters' Labels and Label "k".
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

async function outcome(net: Scenario, line: string): Promise<[string, string, number]> {
  const r = await net.run(line);
  return [r.stdout, r.stderr, r.exitCode];
}

describe('container labels', () => {
  it('-l k=v and -l k (empty value) on top of the image labels, in inspect', async () => {
    const net = await Scenario.start(3);
    await net.run('docker run -d --name web -l app=shop -l tier busybox sleep 1d');
    expect(await net.inspect('web', '{{.Config.Labels}}')).toBe('map[app:shop tier:]');
    expect(await net.inspect('web', '{{json .Config.Labels}}')).toBe('{"app":"shop","tier":""}');
    expect(await net.inspect('web', '{{.Config.Labels.app}}|{{index .Config.Labels "none"}}')).toBe('shop|');
    // No label at all: an empty map (the CLI always sends one), not null.
    await net.run('docker create --name plain alpine');
    expect(await net.inspect('plain', '{{json .Config.Labels}}')).toBe('{}');
    // The image's labels fill in the keys the user did not set; the user's win.
    await net.run("docker create --name ng -l 'maintainer=me' -l a=1 nginx");
    expect(await net.inspect('ng', '{{json .Config.Labels}}')).toBe('{"a":"1","maintainer":"me"}');
    await net.run('docker create --name ub ubuntu');
    expect(await net.inspect('ub', '{{json .Config.Labels}}')).toBe(
      '{"org.opencontainers.image.ref.name":"ubuntu","org.opencontainers.image.version":"24.04"}',
    );
    // The template's json does not escape HTML; inspect's indented JSON does (json.MarshalIndent).
    expect((await net.run("docker image inspect -f '{{json .Config.Labels}}' nginx busybox")).stdout).toBe(
      '{"maintainer":"NGINX Docker Maintainers <docker-maint@nginx.com>"}\nnull\n',
    );
    expect((await net.run('docker inspect ng')).stdout).toContain(
      '            "Labels": {\n                "a": "1",\n                "maintainer": "me"\n            }\n',
    );
    expect((await net.run('docker image inspect nginx')).stdout).toContain(
      '"maintainer": "NGINX Docker Maintainers \\u003cdocker-maint@nginx.com\\u003e"',
    );
  });

  it('ps: {{.Labels}} sorted k=v, {{.Label "k"}}, json without the method; a bare .Label is an error', async () => {
    const net = await Scenario.start(3);
    await net.run('docker run -d --name web -l tier=front -l app=shop busybox sleep 1d');
    expect(
      await outcome(net, 'docker ps --format \'{{.Names}} {{.Labels}} [{{.Label "app"}}] [{{.Label "x"}}]\''),
    ).toEqual(['web app=shop,tier=front [shop] []\n', '', 0]);
    expect(await outcome(net, "docker ps --format 'table {{.Names}}\\t{{.Labels}}'")).toEqual([
      'NAMES     LABELS\nweb       app=shop,tier=front\n',
      '',
      0,
    ]);
    const json = JSON.parse((await net.run("docker ps --format '{{json .}}'")).stdout) as Record<
      string,
      string
    >;
    expect(Object.keys(json)).not.toContain('Label');
    expect(json['Labels']).toBe('app=shop,tier=front');
    expect(await outcome(net, "docker ps --format '{{.Label}}'")).toEqual([
      '',
      'failed to execute template: template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0\n',
      1,
    ]);
    expect(await outcome(net, "docker ps --format '{{.Label 1}}'")).toEqual([
      '',
      'failed to execute template: template: :1:9: executing "" at <1>: expected string; found 1\n',
      1,
    ]);
  });

  it('--label-file: comments, blank lines, keys without "=" skipped; -l wins over the file', async () => {
    const net = await Scenario.start(3);
    await net.run("printf '# team labels\\n  a=1\\nb\\n\\nc=x y \\n' > /root/labels.txt");
    await net.run('cd /root');
    await net.run('docker create --name c1 --label-file labels.txt -l a=2 busybox');
    expect(await net.inspect('c1', '{{json .Config.Labels}}')).toBe('{"a":"2","c":"x y "}');
    expect(await outcome(net, 'docker create --label-file nope.txt busybox')).toEqual([
      '',
      "docker: open nope.txt: no such file or directory.\nSee 'docker create --help'.\n",
      125,
    ]);
    await net.run("printf 'x y=1\\n' > /root/bad.txt");
    expect(await outcome(net, 'docker run --label-file /root/bad.txt busybox')).toEqual([
      '',
      "docker: invalid env file (/root/bad.txt): variable 'x y' contains whitespaces.\nSee 'docker run --help'.\n",
      125,
    ]);
  });

  it('-l values are checked as flags (opts.ValidateLabel)', async () => {
    const net = await Scenario.start(3);
    expect(await outcome(net, 'docker run -l =x busybox')).toEqual([
      '',
      'invalid argument "=x" for "-l, --label" flag: invalid label \'=x\': empty name\nSee \'docker run --help\'.\n',
      125,
    ]);
    expect(await outcome(net, "docker create --label 'a b=1' busybox")).toEqual([
      '',
      'invalid argument "a b=1" for "-l, --label" flag: label \'a b\' contains whitespaces\nSee \'docker create --help\'.\n',
      125,
    ]);
  });

  it('network ls: {{.Labels}} sorted and {{.Label "k"}}; inspect writes them by sorted key', async () => {
    const net = await Scenario.start(3);
    await net.run('docker network create --label b=2 --label a=1 n1');
    expect(await net.inspect('n1', '{{json .Labels}}')).toBe('{"a":"1","b":"2"}');
    expect(await outcome(net, 'docker network create --label =x n2')).toEqual([
      '',
      'invalid argument "=x" for "--label" flag: invalid label \'=x\': empty name\nSee \'docker network create --help\'.\n',
      125,
    ]);
    expect(
      await outcome(
        net,
        'docker network ls --filter name=n1 --format \'{{.Name}} {{.Labels}} {{.Label "a"}}\'',
      ),
    ).toEqual(['n1 a=1,b=2 1\n', '', 0]);
    expect(await outcome(net, "docker network ls --filter name=n1 --format '{{.Label}}'")).toEqual([
      '',
      'template parsing error: template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0\n',
      1,
    ]);
  });

  it('a label or option named __proto__ is an ordinary key, on networks as on containers', async () => {
    const net = await Scenario.start(3);
    await net.run('docker network create --label __proto__=x --label a=b -o constructor=1 n1');
    expect(await net.inspect('n1', '{{json .Labels}} {{json .Options}}')).toBe(
      '{"__proto__":"x","a":"b"} {"constructor":"1"}',
    );
    await net.run('docker run -d --name w2 -l __proto__=y busybox sleep 1d');
    expect(await outcome(net, 'docker ps --format \'{{.Labels}} {{.Label "__proto__"}}\'')).toEqual([
      '__proto__=y y\n',
      '',
      0,
    ]);
  });
});
