/** nslookup transcripts: bind9's and BusyBox's formats, over real DNS packets. */
import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

describe('nslookup', () => {
  it('answers container names on user networks only, public names everywhere', async () => {
    const r = await runLines([
      'docker network create mynet',
      'docker run -d --name web --network mynet nginx',
      'nslookup example.com',
      'nslookup web',
      'docker run --rm --network mynet busybox nslookup web',
      'docker run --rm --network mynet nicolaka/netshoot nslookup web',
      'busybox nslookup example.com 127.0.0.1',
      'nslookup example.com 127.0.0.1',
    ]);
    expect(r[2]?.stdout).toBe(
      'Server:\t\t8.8.8.8\nAddress:\t8.8.8.8#53\n\nNon-authoritative answer:\nName:\texample.com\nAddress: 93.184.215.14\n\n',
    );
    expect(r[3]).toMatchObject({
      stdout: "Server:\t\t8.8.8.8\nAddress:\t8.8.8.8#53\n\n** server can't find web: NXDOMAIN\n\n",
      exitCode: 1,
    });
    expect(r[4]?.stdout).toBe(
      'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.2\n\n' +
        'Non-authoritative answer:\n\n',
    );
    expect(r[5]?.stdout).toBe(
      'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11#53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.2\n\n',
    );
    expect(r[6]).toMatchObject({
      stdout: ';; connection timed out; no servers could be reached\n\n',
      stderr: "nslookup: write to '127.0.0.1': Connection refused\n",
      exitCode: 1,
    });
    expect(r[7]?.stdout).toBe(
      ';; communications error to 127.0.0.1#53: connection refused\n'.repeat(3) +
        ';; no servers could be reached\n\n',
    );
  });
});
