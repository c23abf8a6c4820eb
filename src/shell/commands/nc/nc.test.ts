/** nc transcripts; expected texts are what netcat-openbsd 1.219 and Debian's BusyBox 1.35 print. */
import { describe, expect, it } from 'vitest';
import { runLines } from '../../../cli/test_lines';

describe('nc', () => {
  it('OpenBSD -z -v: succeeded, refused, unreachable, timed out, usage errors', async () => {
    const r = await runLines([
      'docker run -d -p 8080:80 --name web nginx',
      'nc -zv 127.0.0.1 8080',
      'nc -zv 127.0.0.1 8079-8081',
      'nc -z 127.0.0.1 81',
      'nc -v -w 1 10.0.12.99 80',
      'ip netns add t',
      'ip netns exec t nc -v 10.1.1.1 80',
      'nc -zvn example.com 80',
      'nc -zv nosuch.invalid 80',
      'nc 10.0.0.2',
      'nc -zv 10.0.0.2 99999',
    ]);
    expect(r[1]?.stderr).toBe('Connection to 127.0.0.1 8080 port [tcp/http-alt] succeeded!\n');
    expect(r[2]?.stderr).toBe(
      'nc: connect to 127.0.0.1 port 8079 (tcp) failed: Connection refused\n' +
        'Connection to 127.0.0.1 8080 port [tcp/http-alt] succeeded!\n' +
        'nc: connect to 127.0.0.1 port 8081 (tcp) failed: Connection refused\n',
    );
    expect(r[2]?.exitCode).toBe(0);
    expect(r[3]).toMatchObject({ stderr: '', exitCode: 1 });
    expect(r[4]).toMatchObject({
      stderr: 'nc: connect to 10.0.12.99 port 80 (tcp) timed out: Operation now in progress\n',
      exitCode: 1,
    });
    expect(r[6]?.stderr).toBe('nc: connect to 10.1.1.1 port 80 (tcp) failed: Network is unreachable\n');
    expect(r[7]?.stderr).toBe('nc: getaddrinfo for host "example.com" port 80: Name or service not known\n');
    expect(r[8]?.stderr).toBe(
      'nc: getaddrinfo for host "nosuch.invalid" port 80: Name or service not known\n',
    );
    expect(r[9]).toMatchObject({ stderr: 'nc: missing port number\n', exitCode: 1 });
    expect(r[10]?.stderr).toBe('nc: port number too large: 99999\n');
  });

  it('sends stdin and prints the answer; BusyBox nc too; the oracle DNAT case from the LAN side', async () => {
    const r = await runLines([
      'docker run -d -p 8080:80 --name web nginx',
      'printf "GET / HTTP/1.0\\r\\n\\r\\n" | nc 127.0.0.1 8080 | head -2',
      'printf "GET / HTTP/1.0\\r\\n\\r\\n" | busybox nc -w 2 127.0.0.1 8080 | head -1',
      'busybox nc 127.0.0.1 81',
      'busybox nc nosuch.invalid 80',
      'busybox nc -z 127.0.0.1 80',
    ]);
    expect(r[1]?.stdout).toBe('HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\n');
    expect(r[2]?.stdout).toBe('HTTP/1.1 200 OK\r\n');
    expect(r[3]).toMatchObject({
      stderr: "nc: can't connect to remote host (127.0.0.1): Connection refused\n",
      exitCode: 1,
    });
    expect(r[4]?.stderr).toBe("nc: bad address 'nosuch.invalid'\n");
    expect(r[5]?.stderr.startsWith("nc: invalid option -- 'z'\nBusyBox v1.35.0")).toBe(true);
  });

  it('a namespace without sockets: ss prints only its header', async () => {
    const r = await runLines([
      'ip netns add a',
      'ip netns add b',
      'ip link add va netns a type veth peer name vb netns b',
      'ip -n a addr add 10.9.0.1/24 dev va',
      'ip -n b addr add 10.9.0.2/24 dev vb',
      'ip -n a link set va up',
      'ip -n b link set vb up',
      'ip netns exec b ss -tln',
    ]);
    expect(r[7]?.stdout).toBe('State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n');
  });
});
