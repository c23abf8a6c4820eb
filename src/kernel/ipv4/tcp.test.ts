import { describe, expect, it } from 'vitest';
import { runUntil } from '../sched';
import { sockDrain, sockGet, sockOpen } from '../sock';
import { dockerBridge, ip } from '../testbed';
import { tcpAccept, tcpClose, tcpConnect, tcpSend } from './tcp';
import { udpSendmsg } from './udp';
import { xaGet } from '../xarray';

const PAGE = '<html>hello</html>\n';

function segs(tb: ReturnType<typeof dockerBridge>, from: number): string[] {
  return tb.trace
    .slice(from)
    .filter((e) => e.kind === 'net_dev_xmit' && e.ns === tb.c2 && e.summary.includes('Flags'))
    .map((e) => e.summary.replace(/, seq \d+(:\d+)?/, '').replace(/, ack \d+/, ''));
}

describe('TCP', () => {
  it('handshake, an HTTP request answered by the http app, and the close from both sides', () => {
    const tb = dockerBridge();
    const { ctx } = tb;
    sockOpen(ctx, tb.c1, {
      proto: 'tcp',
      program: 'nginx',
      pid: 7,
      app: { kind: 'http', server: 'nginx/1.27.3', body: PAGE, contentType: 'text/html' },
      localPort: 80,
      state: 'LISTEN',
    });
    const c = sockOpen(ctx, tb.c2, { proto: 'tcp', program: 'curl', pid: 9 });
    const from = tb.trace.length;
    expect(tcpConnect(ctx, tb.c2, c, ip('172.17.0.2'), 80).ok).toBe(true);
    runUntil(ctx, 100_000);
    expect(sockDrain(ctx, tb.c2, c).map((m) => m.kind)).toEqual(['connected']);
    tcpSend(ctx, tb.c2, c, { kind: 'text', text: 'GET / HTTP/1.1\r\nHost: 172.17.0.2\r\n\r\n' });
    runUntil(ctx, 200_000);
    const data = sockDrain(ctx, tb.c2, c).filter((m) => m.kind === 'data');
    const text = data
      .map((m) => (m.kind === 'data' && m.payload.kind === 'text' ? m.payload.text : ''))
      .join('');
    expect(text).toBe(
      `HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nContent-Type: text/html\r\nContent-Length: ${PAGE.length}\r\nConnection: keep-alive\r\n\r\n${PAGE}`,
    );
    tcpClose(ctx, tb.c2, c);
    runUntil(ctx, 300_000);
    expect(sockGet(ctx, tb.c2, c)?.state).toBe('TIME-WAIT');
    expect(xaGet(ctx.k.netns, tb.c1)?.sockets.map((s) => s.state)).toEqual(['LISTEN']);
    expect(segs(tb, from)).toEqual([
      'IP 172.17.0.3.32768 > 172.17.0.2.80: Flags [S], win 64240, length 0',
      'IP 172.17.0.3.32768 > 172.17.0.2.80: Flags [.], win 502, length 0',
      'IP 172.17.0.3.32768 > 172.17.0.2.80: Flags [P.], win 502, length 36',
      'IP 172.17.0.3.32768 > 172.17.0.2.80: Flags [.], win 502, length 0',
      'IP 172.17.0.3.32768 > 172.17.0.2.80: Flags [F.], win 502, length 0',
      'IP 172.17.0.3.32768 > 172.17.0.2.80: Flags [.], win 502, length 0',
    ]);
    runUntil(ctx, 61_000_000);
    expect(sockGet(ctx, tb.c2, c)).toBeNull();
  });

  it('refused: a RST+ACK answers a SYN to a closed port', () => {
    const tb = dockerBridge();
    const c = sockOpen(tb.ctx, tb.c2, { proto: 'tcp', program: 'nc', pid: 9 });
    tcpConnect(tb.ctx, tb.c2, c, ip('172.17.0.2'), 81);
    runUntil(tb.ctx, 100_000);
    expect(sockDrain(tb.ctx, tb.c2, c).map((m) => m.kind)).toEqual(['reset']);
    expect(tb.trace.some((e) => e.kind === 'kfree_skb' && e.reason === 'NO_SOCKET')).toBe(true);
  });

  it('a silent address: the SYN waits for ARP, which fails: No route to host (EHOSTUNREACH)', () => {
    const tb = dockerBridge();
    const c = sockOpen(tb.ctx, tb.c2, { proto: 'tcp', program: 'nc', pid: 9 });
    tcpConnect(tb.ctx, tb.c2, c, ip('172.17.0.99'), 80);
    runUntil(tb.ctx, 10_000_000);
    expect(sockDrain(tb.ctx, tb.c2, c)).toEqual([
      { kind: 'sockerr', atUs: expect.any(Number), errno: 'EHOSTUNREACH' },
    ]);
  });

  it('a listener with a program: accept() hands over an established connection', () => {
    const tb = dockerBridge();
    const l = sockOpen(tb.ctx, tb.c1, {
      proto: 'tcp',
      program: 'nc',
      pid: 5,
      localPort: 80,
      state: 'LISTEN',
    });
    const c = sockOpen(tb.ctx, tb.c2, { proto: 'tcp', program: 'nc', pid: 9 });
    tcpConnect(tb.ctx, tb.c2, c, ip('172.17.0.2'), 80);
    runUntil(tb.ctx, 100_000);
    const a = tcpAccept(tb.ctx, tb.c1, l, 'nc', 5);
    expect(a).not.toBeNull();
    tcpSend(tb.ctx, tb.c2, c, { kind: 'text', text: 'hi\n' });
    runUntil(tb.ctx, 200_000);
    expect(
      sockDrain(tb.ctx, tb.c1, a as number).map((m) =>
        m.kind === 'data' && m.payload.kind === 'text' ? m.payload.text : m.kind,
      ),
    ).toEqual(['hi\n']);
    expect(tcpAccept(tb.ctx, tb.c1, l)).toBeNull();
  });
});

describe('socket applications', () => {
  it('docker-proxy relays a published port to the container and the answer back', () => {
    const tb = dockerBridge();
    const { ctx } = tb;
    sockOpen(ctx, tb.c1, {
      proto: 'tcp',
      program: 'nginx',
      pid: 7,
      app: { kind: 'http', server: 'nginx/1.27.3', body: PAGE, contentType: 'text/html' },
      localPort: 80,
      state: 'LISTEN',
    });
    sockOpen(ctx, tb.host, {
      proto: 'tcp',
      program: 'docker-proxy',
      pid: 3,
      app: { kind: 'proxy', toAddr: ip('172.17.0.2'), toPort: 80 },
      localPort: 8080,
      state: 'LISTEN',
    });
    const c = sockOpen(ctx, tb.c2, { proto: 'tcp', program: 'curl', pid: 9 });
    tcpConnect(ctx, tb.c2, c, ip('172.17.0.1'), 8080);
    runUntil(ctx, 100_000);
    tcpSend(ctx, tb.c2, c, { kind: 'text', text: 'GET / HTTP/1.1\r\n\r\n' });
    runUntil(ctx, 300_000);
    const text = sockDrain(ctx, tb.c2, c)
      .map((m) => (m.kind === 'data' && m.payload.kind === 'text' ? m.payload.text : `<${m.kind}>`))
      .join('');
    expect(text).toBe(
      `<connected>HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nContent-Type: text/html\r\nContent-Length: ${PAGE.length}\r\nConnection: keep-alive\r\n\r\n${PAGE}`,
    );
    // The container saw the proxy's connection from the gateway, not the client.
    const seen = xaGet(ctx.k.netns, tb.c1)
      ?.sockets.filter((s) => s.state === 'ESTAB')
      .map((s) => s.remoteAddr);
    expect(seen).toEqual([ip('172.17.0.1')]);
  });

  it('a DNS server socket answers from the resolver hook, NXDOMAIN for unknown names', () => {
    const tb = dockerBridge();
    const { ctx } = tb;
    ctx.hooks = { dnsResolve: (_ns, q) => (q === 'web' ? [ip('172.17.0.3')] : null) };
    sockOpen(ctx, tb.c1, { proto: 'udp', program: 'dnsd', pid: 1, app: { kind: 'dns' }, localPort: 53 });
    const q = sockOpen(ctx, tb.c2, { proto: 'udp', program: 'nslookup', pid: 9 });
    for (const [id, name] of [
      [1, 'web'],
      [2, 'nope'],
    ] as const) {
      udpSendmsg(
        ctx,
        tb.c2,
        q,
        { kind: 'dns', id, qname: name, qtype: 'A', answers: null, rcode: 0 },
        { addr: ip('172.17.0.2'), port: 53 },
      );
    }
    runUntil(ctx, 100_000);
    const answers = sockDrain(ctx, tb.c2, q).map((m) =>
      m.kind === 'data' && m.payload.kind === 'dns'
        ? `${m.payload.qname} ${m.payload.rcode} ${m.payload.answers?.join(',')}`
        : m.kind,
    );
    expect(answers).toEqual(['web 0 172.17.0.3', 'nope 3 ']);
  });
});
