/**
 * Go writes a map by sorted key (encoding/json, text/template's range, fmt's %v), a struct in field order.
 * JavaScript objects put integer-like keys first: labels and options named "2" and "10" must still print in
 * Go's string order ("10" < "2" < "a"), whatever order they were given in.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

describe("maps print in Go's key order", () => {
  it('network options and labels, container labels: inspect JSON, json, range, %v', async () => {
    const net = await Scenario.start(3);
    await net.run(
      'docker network create -o zz=1 -o aa=2 -o 10=x -o 9=y --label 2=b --label 10=a --label x=1 n1',
    );
    const r = await net.run("docker network inspect -f '{{json .Options}} {{json .Labels}}' n1");
    expect(r.stdout).toBe('{"10":"x","9":"y","aa":"2","zz":"1"} {"10":"a","2":"b","x":"1"}\n');
    const full = (await net.run('docker network inspect n1')).stdout;
    expect(full).toContain(
      '        "Options": {\n            "10": "x",\n            "9": "y",\n            "aa": "2",\n            "zz": "1"\n        },\n        "Labels": {\n            "10": "a",\n            "2": "b",\n            "x": "1"\n        }\n    }\n]\n',
    );
    await net.run('docker create --name w1 -l x=1 -l 10=a -l 2=b busybox');
    expect(await net.inspect('w1', '{{json .Config.Labels}}')).toBe('{"10":"a","2":"b","x":"1"}');
    expect(await net.inspect('w1', '{{range $k, $v := .Config.Labels}}{{$k}}={{$v}} {{end}}')).toBe(
      '10=a 2=b x=1 ',
    );
    expect(await net.inspect('w1', '{{.Config.Labels}}')).toBe('map[10:a 2:b x:1]');
    const json = (await net.run('docker inspect --format json w1')).stdout;
    expect(json).toContain('"Labels":{"10":"a","2":"b","x":"1"}');
    // A struct keeps its field order: Config's Hostname comes before Domainname.
    expect(json).toMatch(/"Config":\{"Hostname":"[0-9a-f]{12}","Domainname":""/);
  });
});
