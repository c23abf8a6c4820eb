/**
 * The oracle run replayed on a Docker-built topology: test/oracle-docker/build.sh makes the oracle's host with
 * docker commands, then every line of the oracle's replay after its build section runs from the matching
 * viewpoint (gt-host -> the host, gt-cN -> `docker exec cN`, gt-none -> `docker exec none`, the host-mode and
 * container-mode captures -> `docker exec hm` / `docker exec cm`). Captures are normalized with the oracle's
 * normalize.py and compared with the goldens after mapping what Docker randomises (veth and bridge names,
 * bridge and host-veth MACs with their EUI-64 and hex forms, the host NIC's MAC). The LAN gateway is hidden in
 * the simulator, so its lines and captures are skipped.
 *
 *   npx tsx scripts/oracle_docker.ts [--diff N] [--only REGEX]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Scenario } from '../src/sim';
import { xaGet, xaValues } from '../src/kernel';

// The vendored copy of ../shared/oracle (test/oracle), so a clone anywhere runs it.
const ORACLE = join(process.cwd(), 'test', 'oracle');

interface Row {
  kind: string;
  dir: string;
  name: string;
  ns: string;
  command: string;
}

export interface OracleDockerResult {
  passed: string[];
  failed: { key: string; command: string; diff: string }[];
}

function rows(): Row[] {
  return readFileSync(join(ORACLE, 'replay', 'main.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [, kind = '', dir = '', name = '', ns = '', command = ''] = l.split('\t');
      return { kind, dir, name, ns, command };
    });
}

/** The line in Docker form, or null when it cannot run here (the LAN gateway). */
function translate(r: Row): string | null {
  const c = r.command;
  if (/\bgt-lan\b/.test(c)) return null;
  if (c === 'ip netns delete gt-c2') return 'docker rm -f c2';
  let m = /^ip netns exec gt-(\S+) (.*)$/.exec(c);
  if (m) {
    const [, who = '', rest = ''] = m;
    if (r.dir === 'host-mode') return `docker exec hm ${rest}`;
    if (r.dir === 'container-mode') return `docker exec cm ${rest}`;
    return who === 'host' ? rest : `docker exec ${who} ${rest}`;
  }
  m = /^ip -n gt-(\S+) (.*)$/.exec(c);
  if (m) return m[1] === 'host' ? `ip ${m[2]}` : `docker exec ${m[1]} ip ${m[2]}`;
  return c;
}

function normalizeAll(items: { name: string; dir: string; text: string; err: boolean }[]): string[] {
  const py = `
import sys, json, re
sys.path.insert(0, ${JSON.stringify(ORACLE)})
import normalize
out = []
for it in json.load(sys.stdin):
    t = it['text']
    if it['err']:
        t = normalize.normalize_err(it['name'], t)
        if it['dir'] == 'pings': t = normalize.norm_ping(t)
    else:
        t = normalize.normalize(it['name'], t, it['dir'])
    t = re.sub(r"link-netns(id)? \\S+", "link-netns <NETNS>", t)
    t = re.sub(r'"link_netns(id)?":("[^"]*"|\\d+)', '"link_netns":"<NETNS>"', t)
    if 'neigh' in it['name'] or 'arp' in it['name']:
        t = re.sub(r"\\b(INCOMPLETE|FAILED)\\b", "<UNRESOLVED>", t)
    # Orders that follow the random names and MACs: ifconfig's name-sorted blocks, table local's address order.
    if 'ifconfig' in it['name'] and not it['err']:
        blocks = [b for b in t.split('\\n\\n') if b.strip()]
        t = '\\n\\n'.join(sorted(blocks)) + ('\\n\\n' if blocks else '')
    lines = t.split('\\n')
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].startswith('local fe80::'): j += 1
        if j > i + 1: lines[i:j] = sorted(lines[i:j])
        i = max(j, i + 1)
    t = '\\n'.join(lines)
    out.append(t)
json.dump(out, sys.stdout)
`;
  const p = spawnSync('python3', ['-c', py], {
    input: JSON.stringify(items),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (p.status !== 0) throw new Error(`normalize.py: ${p.stderr}`);
  return JSON.parse(p.stdout) as string[];
}

function eui64(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  const g = (h: number, l: number) => (((h & 255) << 8) | (l & 255)).toString(16);
  return `fe80::${g((b[0] ?? 0) ^ 2, b[1] ?? 0)}:${g(b[2] ?? 0, 0xff)}:${g(0xfe, b[3] ?? 0)}:${g(b[4] ?? 0, b[5] ?? 0)}`;
}

function eui64Hex(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  const h = (n: number) => n.toString(16).padStart(2, '0');
  return `fe80000000000000${h((b[0] ?? 0) ^ 2)}${h(b[1] ?? 0)}${h(b[2] ?? 0)}fffe${h(b[3] ?? 0)}${h(b[4] ?? 0)}${h(b[5] ?? 0)}`;
}

/** Golden token -> ours, for every form a name or MAC takes in the captures. */
function tokenMap(net: Scenario): [string, string][] {
  const w = net.sim.world;
  const dev = (id: string | null) => (id ? xaGet(w.kernel.devices, id) : undefined);
  const byName = (n: string) => Object.values(w.docker.containers).find((c) => c.name === n);
  const ep = (n: string) => Object.values(w.docker.endpoints).find((e) => e.containerId === byName(n)?.id);
  const mynet = Object.values(w.docker.networks).find((n) => n.name === 'mynet');
  const docker0 = Object.values(w.docker.networks).find((n) => n.defaultBridge);
  const hostEth0 = xaValues(w.kernel.devices).find((d) => d.ns === w.kernel.rootNs && d.name === 'eth0');
  const pairs: [string, string, string][] = [];
  const add = (gName: string, oName: string | undefined, gMac: string, oMac: string | undefined) => {
    if (oName) pairs.push(['name', gName, oName]);
    if (oMac) pairs.push(['mac', gMac, oMac]);
  };
  add(
    'br-c42d4a549c65',
    mynet?.bridgeName ?? undefined,
    '02:42:5e:1c:7a:0b',
    dev(mynet?.bridgeDev ?? null)?.mac,
  );
  add('docker0', 'docker0', '02:42:fd:43:ed:84', dev(docker0?.bridgeDev ?? null)?.mac);
  for (const [c, v, m] of [
    ['c1', 'veth1a2b3c4', 'ce:5d:8a:1f:3b:71'],
    ['c2', 'vethd4e5f60', 'a2:14:6f:90:c3:5e'],
    ['c3', 'veth9f8e7d6', '3e:b7:21:d4:08:9f'],
  ] as const) {
    const e = ep(c);
    add(v, e?.hostVethName ?? undefined, m, dev(e?.hostVethDev ?? null)?.mac);
  }
  add('eth0', 'eth0', '52:54:00:12:34:56', hostEth0?.mac);
  const out: [string, string][] = [];
  // busybox ifconfig prints MACs in capitals; a MAC without letters looks the same either way in the golden.
  for (const [kind, g, o] of pairs)
    if (kind === 'mac' && g !== o) out.push([`HWaddr ${g.toUpperCase()}`, `HWaddr ${o.toUpperCase()}`]);
  for (const [kind, g, o] of pairs) {
    if (g === o) continue;
    out.push([g, o]);
    if (kind === 'mac') {
      out.push([g.toUpperCase(), o.toUpperCase()]);
      out.push([eui64(g), eui64(o)]);
      out.push([eui64Hex(g), eui64Hex(o)]);
      out.push([g.replace(/:/g, ''), o.replace(/:/g, '')]);
      // The solicited-node multicast MAC of its link-local address (bridge fdb "self permanent" entries).
      out.push([`33:33:ff:${g.slice(9)}`, `33:33:ff:${o.slice(9)}`]);
    }
  }
  return out;
}

function applyMap(t: string, map: [string, string][]): string {
  let s = t;
  map.forEach(([g], i) => (s = s.split(g).join(`\u0000${i}\u0000`)));
  map.forEach(([, o], i) => (s = s.split(`\u0000${i}\u0000`).join(o)));
  return s;
}

function manifestRcs(): Map<string, number> {
  const rcs = new Map<string, number>();
  for (const d of [
    'host',
    'host-mode',
    'c1',
    'container-mode',
    'c2',
    'c3',
    'none',
    'lan',
    'pings',
    'before-pings',
    'after-pings',
    'dnat',
  ]) {
    const f = join(ORACLE, 'golden', d, 'MANIFEST.tsv');
    if (!existsSync(f)) continue;
    for (const l of readFileSync(f, 'utf8').split('\n')) {
      const [name, , rc] = l.split('\t');
      if (name && rc !== undefined) rcs.set(`${d}/${name}`, Number(rc));
    }
  }
  return rcs;
}

function miniDiff(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < 12; i++) {
    if (a[i] !== b[i]) out.push(`-${a[i] ?? ''}`, `+${b[i] ?? ''}`);
  }
  return out.join('\n');
}

export async function runOracleDocker(only?: RegExp): Promise<OracleDockerResult> {
  const net = await Scenario.start();
  const build = readFileSync(join(process.cwd(), 'test', 'oracle-docker', 'build.sh'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  for (const l of build) {
    const r = await net.run(l);
    if (r.exitCode !== 0) throw new Error(`${l}: ${r.stderr}`);
  }
  const all = rows();
  const start = all.findIndex((r) => r.command === 'sleep 2');
  const caps: { row: Row; out: string; err: string; rc: number }[] = [];
  const map = tokenMap(net);
  for (const row of all.slice(start)) {
    const t = translate(row);
    if (t === null) continue;
    const line = applyMap(t, map);
    const r = await net.run(line);
    if (row.kind === 'cap') caps.push({ row, out: r.stdout, err: r.stderr, rc: r.exitCode });
  }
  const keep = caps.filter(
    (c) => !c.row.name.includes('conntrack') && (!only || only.test(`${c.row.dir}/${c.row.name}`)),
  );
  const norm = normalizeAll(
    keep.flatMap((c) => [
      { name: c.row.name, dir: c.row.dir, text: c.out, err: false },
      { name: c.row.name, dir: c.row.dir, text: c.err, err: true },
    ]),
  );
  const rcs = manifestRcs();
  const res: OracleDockerResult = { passed: [], failed: [] };
  const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : '');
  const gold = keep.map((c) => [
    read(join(ORACLE, 'golden', c.row.dir, `${c.row.name}.norm`)),
    read(join(ORACLE, 'golden', c.row.dir, `${c.row.name}.err.norm`)),
  ]);
  const goldNorm = normalizeAll(
    gold.flatMap(([o = '', e = ''], i) => [
      { name: keep[i]?.row.name ?? '', dir: 'x', text: applyMap(o, map), err: false },
      { name: keep[i]?.row.name ?? '', dir: 'x', text: applyMap(e, map), err: true },
    ]),
  );
  keep.forEach((c, i) => {
    const key = `${c.row.dir}/${c.row.name}`;
    const [gotOut, gotErr] = [norm[2 * i] ?? '', norm[2 * i + 1] ?? ''];
    const [wantOut, wantErr] = [goldNorm[2 * i] ?? '', goldNorm[2 * i + 1] ?? ''];
    const rcOk = (rcs.get(key) ?? 0) === c.rc;
    if (gotOut === wantOut && gotErr === wantErr && rcOk) res.passed.push(key);
    else
      res.failed.push({
        key,
        command: translate(c.row) ?? '',
        diff: `${miniDiff(wantOut, gotOut)}${gotErr !== wantErr ? `\nstderr:\n${miniDiff(wantErr, gotErr)}` : ''}${rcOk ? '' : `\nrc: real ${rcs.get(key)}, sim ${c.rc}`}`,
      });
  });
  return res;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const diffN = args.includes('--diff') ? Number(args[args.indexOf('--diff') + 1]) : 0;
  const only = args.includes('--only') ? new RegExp(args[args.indexOf('--only') + 1] as string) : undefined;
  const r = await runOracleDocker(only);
  r.failed.forEach((f, i) => {
    process.stdout.write(`FAIL ${f.key}: ${f.command}\n`);
    if (i < diffN) process.stdout.write(`${f.diff}\n`);
  });
  process.stdout.write(`oracle-docker: ${r.passed.length} passed, ${r.failed.length} failed\n`);
}

if (process.argv[1]?.endsWith('oracle_docker.ts')) void main();
