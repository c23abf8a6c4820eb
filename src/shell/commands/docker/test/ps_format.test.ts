/** docker ps --format: a template gets every field it names, however it reaches them. */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';
import { templateFields } from '../template';

describe('docker ps --format', () => {
  it('prints the fields a table names, and every field to {{json .}} and whole-row templates', async () => {
    const net = await Scenario.start();
    await net.run('docker network create n1');
    await net.run('docker run -d --name web --network n1 -p 8080:80 nginx');
    await net.run('sleep 3');
    const table = await net.run(
      "docker ps --format 'table {{.Names}}\\t{{.Networks}}\\t{{.CreatedAt}}\\t{{.Ports}}'",
    );
    expect(table.stdout).toBe(
      'NAMES     NETWORKS   CREATED AT                      PORTS\n' +
        'web       n1         2026-11-28 00:00:00 +0000 UTC   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n',
    );
    const json = JSON.parse((await net.run("docker ps --format '{{json .}}'")).stdout) as Record<
      string,
      string
    >;
    expect(json['Networks']).toBe('n1');
    expect(json['Size']).toBe('1.09kB (virtual 192MB)');
    expect(json['Status']).toBe('Up 3 seconds');
    expect((await net.run("docker ps --format '{{.Names}}: {{.Networks}} {{.State | upper}}'")).stdout).toBe(
      'web: n1 RUNNING\n',
    );
    // The JSON of a row is its context's methods by sorted name, not HTML-escaped (templates "json").
    expect((await net.run("docker ps --format '{{json .Ports}}'")).stdout).toBe(
      '"0.0.0.0:8080->80/tcp, [::]:8080->80/tcp"\n',
    );
  });

  it('checks a format before listing: parse and execution errors on an empty context, exit 1', async () => {
    // container/list.go buildContainerListOptions: the format as typed is parsed, then executed on
    // NewContainerContext(); errors say "failed to parse/execute template" whether or not a container runs.
    const net = await Scenario.start();
    const cases: [string, string][] = [
      [
        "docker ps --format '{{.Foo}}'",
        'failed to execute template: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext\n',
      ],
      // "table " counts in the columns: the check runs on the format as typed.
      [
        "docker ps --format 'table {{.Names}}\\t{{.Foo}}'",
        'failed to execute template: template: :1:20: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext\n',
      ],
      ["docker ps -a --format '{{.Name'", 'failed to parse template: template: :1: unclosed action\n'],
      [
        'docker ps --format \'{{.Names}}: {{index . "Networks"}}\'',
        'failed to execute template: template: :1:14: executing "" at <index . "Networks">: error calling index: can\'t index item of type formatter.ContainerContext\n',
      ],
    ];
    for (const [cmd, err] of cases) {
      const r = await net.run(cmd);
      expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', err, 1]);
    }
    // The empty context's ID is "": slicing it fails in the check, whatever the containers' IDs.
    expect((await net.run("docker ps --format '{{slice .ID 0 5}}'")).stderr).toBe(
      'failed to execute template: template: :1:2: executing "" at <slice .ID 0 5>: error calling slice: index out of range: 5\n',
    );
    await net.run('docker run -d --name web busybox sleep 1d');
    for (const [cmd, err] of cases) {
      const r = await net.run(cmd);
      expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', err, 1]);
    }
    const exec = await net.run("docker ps --format '{{.Names}} {{.ID.Len}}'");
    expect(exec.stderr).toBe(
      'failed to execute template: template: :1:16: executing "" at <.ID.Len>: can\'t evaluate field Len in type string\n',
    );
    expect((await net.run('docker ps --format "{{.Names}}"')).stdout).toBe('web\n');
    // Spaces around a format are trimmed (formatter.go preFormat).
    expect((await net.run("docker ps --format '  {{.Names}} '")).stdout).toBe('web\n');
  });

  it('--quiet wins over a custom format, with a warning; the format is still checked', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name web busybox sleep 1d');
    const id = (await net.run('docker ps -q')).stdout;
    const q = await net.run("docker ps -q --format '{{.Names}}'");
    expect([q.stdout, q.stderr, q.exitCode]).toEqual([
      id,
      'WARNING: Ignoring custom format, because both --format and --quiet are set.\n',
      0,
    ]);
    const bad = await net.run("docker ps -q --format '{{.Foo}}'");
    expect(bad.stderr).toBe(
      'WARNING: Ignoring custom format, because both --format and --quiet are set.\n' +
        'failed to execute template: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext\n',
    );
    expect(bad.exitCode).toBe(1);
  });

  it('knows which fields a template reads: the names of lone field chains, else any', () => {
    expect([...(templateFields('{{.ID}}\t{{.Image}} {{.A.B}}') ?? [])]).toEqual(['ID', 'Image', 'A']);
    expect(templateFields('{{json .}}')).toBe(null);
    expect(templateFields('{{.}}')).toBe(null);
    expect(templateFields('{{.ID | upper}}')).toBe(null);
    expect(templateFields('{{range .Ports}}{{end}}')).toBe(null);
  });
});
