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
    expect(
      (await net.run('docker ps --format \'{{.Names}}: {{index . "Networks"}} {{.State | upper}}\'')).stdout,
    ).toBe('web: n1 RUNNING\n');
    expect(
      (
        await net.run(
          'docker ps --format \'{{range $k, $v := .}}{{if eq $k "Command"}}{{$v}}{{end}}{{end}}\'',
        )
      ).stdout,
    ).toBe('"/docker-entrypoint.…"\n');
  });

  it('reports a template that fails as the CLI does, exit 1, instead of failing the simulator', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name web busybox sleep 1d');
    const exec = await net.run("docker ps --format '{{.Names}} {{.ID.Len}}'");
    expect(exec.stderr).toBe(
      'template parsing error: template: :1:16: executing "" at <.ID.Len>: can\'t evaluate field Len in type string\n',
    );
    expect(exec.exitCode).toBe(1);
    const parse = await net.run("docker network ls --format '{{.Name'");
    expect(parse.stderr).toBe('template parsing error: template: :1: unclosed action\n');
    expect(parse.exitCode).toBe(1);
    expect((await net.run('docker ps --format "{{.Names}}"')).stdout).toBe('web\n');
  });

  it('knows which fields a template reads: the names of lone field chains, else any', () => {
    expect([...(templateFields('{{.ID}}\t{{.Image}} {{.A.B}}') ?? [])]).toEqual(['ID', 'Image', 'A']);
    expect(templateFields('{{json .}}')).toBe(null);
    expect(templateFields('{{.}}')).toBe(null);
    expect(templateFields('{{.ID | upper}}')).toBe(null);
    expect(templateFields('{{range .Ports}}{{end}}')).toBe(null);
  });
});
