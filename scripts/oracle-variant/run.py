#!/usr/bin/env python3
"""run.py — capture a variant oracle run on the real kernel, the way test/oracle/capture.sh does.

    sudo python3 scripts/oracle-variant/run.py test/oracle-variants/NAME        # real run -> golden/ + replay/
    python3 test/oracle/compare.py --oracle test/oracle-variants/NAME \\
        --sim "python3 scripts/oracle-variant/run.py --as-sim"                 # the real run against itself
    python3 test/oracle/compare.py --oracle test/oracle-variants/NAME --diff 5  # the simulator against it

A variant folder holds `scenario.sh`: host command lines as in test/oracle/replay/main.sh, where
  * `ip netns add|delete vx-…`, `ip -n vx-… …` and `ip netns exec vx-… …` lines change state (kind `run`);
  * `sleep N` waits (kind `sleep`; the simulator advances simulated time);
  * `@DIR/NAME CMD` captures CMD's stdout, stderr and exit code as golden/DIR/NAME.{out,err} (kind `cap`);
  * `@view DIR NS [host]` expands to the oracle's per-viewpoint captures (capture.sh capture_view);
  * `#` lines are comments.
Names matter: test/oracle/normalize.py picks its masks by capture name (ip_neigh*, arp_n, ip_s_*, iptables_*_v,
iptables_save*, *bridge_fdb*, brctl_showmacs*, ...) and by the folder `pings`.

Captures run as capture.sh's run_in does: inside `ip netns exec NS`, with /run/netns hidden under a tmpfs
(iproute2 then prints `link-netnsid N` as on a Docker host) and /etc/resolv.conf pointing at 127.0.0.1.
Safety: every line must name a `vx-` namespace (no command ever runs in the root namespace); the run starts
and ends by deleting the vx- namespaces the scenario names.
"""
import json, os, re, shlex, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NORMALIZE = os.path.join(ROOT, "test", "oracle", "normalize.py")
PREFIX = "vx-"
RESOLV = os.path.join(os.environ.get("TMPDIR", "/tmp"), "vx-oracle-resolv.conf")
HIDE = ("mount -t tmpfs vx-hide /run/netns 2>/dev/null\n"
        f"mount --bind {RESOLV} /etc/resolv.conf 2>/dev/null\n"
        'exec "$@"')

# capture.sh capture_view, in its order
VIEW = [
    ("ip_a", "ip a"), ("ip_addr_show", "ip addr show"), ("ip_4_addr_show", "ip -4 addr show"),
    ("ip_6_addr_show", "ip -6 addr show"), ("ip_br_a", "ip -br a"), ("ip_br_link", "ip -br link"),
    ("ip_link", "ip link"), ("ip_d_link", "ip -d link"), ("ip_s_link", "ip -s link"), ("ip_route", "ip route"),
    ("ip_route_table_all", "ip route show table all"), ("ip_neigh", "ip neigh"), ("ip_j_a", "ip -j a"),
    ("ip_j_link", "ip -j link"), ("ip_j_route", "ip -j route"), ("ip_j_neigh", "ip -j neigh"),
    ("ifconfig", "ifconfig"), ("ifconfig_a", "ifconfig -a"), ("route_n", "route -n"), ("netstat_rn", "netstat -rn"),
    ("arp_n", "arp -n"), ("busybox_ifconfig", "busybox ifconfig"), ("busybox_ifconfig_a", "busybox ifconfig -a"),
    ("busybox_route_n", "busybox route -n"), ("busybox_netstat_rn", "busybox netstat -rn"),
    ("busybox_ip_a", "busybox ip a"), ("busybox_ip_link", "busybox ip link"), ("busybox_ip_route", "busybox ip route"),
    ("busybox_ip_neigh", "busybox ip neigh"), ("busybox_arp_n", "busybox arp -n"),
    ("proc_net_dev", "cat /proc/net/dev"), ("proc_net_route", "cat /proc/net/route"),
    ("proc_net_arp", "cat /proc/net/arp"), ("proc_net_if_inet6", "cat /proc/net/if_inet6"),
    ("sysctl_ip_forward", "sysctl net.ipv4.ip_forward"),
]
VIEW_HOST = [
    ("bridge_link", "bridge link"), ("bridge_d_link", "bridge -d link"), ("bridge_fdb_show", "bridge fdb show"),
    ("bridge_vlan_show", "bridge vlan show"), ("brctl_show", "brctl show"), ("busybox_brctl_show", "busybox brctl show"),
    ("iptables_S", "iptables -S"), ("iptables_t_nat_S", "iptables -t nat -S"), ("iptables_L_n", "iptables -L -n"),
    ("iptables_t_nat_L_n", "iptables -t nat -L -n"), ("iptables_L_n_v", "iptables -L -n -v"),
    ("iptables_t_nat_L_n_v", "iptables -t nat -L -n -v"),
    ("iptables_L_n_line_numbers", "iptables -L -n --line-numbers"), ("iptables_save", "iptables-save"),
]

SAFE = re.compile(r"^(sleep [\d.]+|ip netns (add|del|delete) vx-[\w.-]+|ip -n vx-[\w.-]+ .*|ip netns exec vx-[\w.-]+ .*)$")


def expand(path):
    """scenario.sh -> [(kind, dir, name, ns, command)]"""
    rows = []
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("@view "):
            f = line.split()
            d, ns, is_host = f[1], f[2], len(f) > 3 and f[3] == "host"
            for name, cmd in VIEW + (VIEW_HOST if is_host else []):
                rows.append(("cap", d, name, ns, f"ip netns exec {ns} {cmd}"))
            continue
        m = re.match(r"^@([\w.-]+)/([\w.-]+) (.*)$", line)
        if m:
            d, name, cmd = m.groups()
            mm = re.match(r"^ip (?:netns exec|-n) (\S+)", cmd)
            rows.append(("cap", d, name, mm.group(1) if mm else "", cmd))
        elif line.startswith("sleep "):
            rows.append(("sleep", "", "", "", line))
        else:
            rows.append(("run", "", "", "", line))
        if not SAFE.match(rows[-1][4]):
            sys.exit(f"{path}:{n}: refusing a line that does not name a {PREFIX} namespace: {line}")
    return rows


def names(rows):
    return sorted({m for r in rows for m in re.findall(r"\b(vx-[\w.-]+)", r[4]) if r[4].startswith("ip netns add")})


def delete_all(nss):
    have = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout.split()
    for ns in nss:
        if ns.startswith(PREFIX) and ns in have:
            subprocess.run(["ip", "netns", "delete", ns])
    time.sleep(1 if nss else 0)


def real_cmd(cmd):
    """Inside `ip netns exec NS`, hide /run/netns and the outside resolver as capture.sh's run_in does."""
    m = re.match(r"^ip netns exec (vx-[\w.-]+) (.*)$", cmd)
    if not m:
        return cmd
    return f"ip netns exec {m.group(1)} sh -c {shlex.quote(HIDE)} vx-run-in {m.group(2)}"


def run_line(cmd, timeout=120):
    p = subprocess.run(["bash", "-c", real_cmd(cmd)], capture_output=True, timeout=timeout)
    dec = lambda b: b.decode("utf-8", errors="surrogateescape")
    return dec(p.stdout), dec(p.stderr), p.returncode


def write_replay(out, rows):
    os.makedirs(os.path.join(out, "replay"), exist_ok=True)
    with open(os.path.join(out, "replay", "main.sh"), "w", encoding="utf-8") as sh, \
            open(os.path.join(out, "replay", "main.tsv"), "w", encoding="utf-8") as tsv:
        sh.write(f"# Replay of the real-kernel run {os.path.basename(out)} (scripts/oracle-variant/run.py); "
                 "each line is typed at the host's root prompt.\n")
        tsv.write("line\tkind\tdir\tname\tns\tcommand\n")
        for i, (kind, d, name, ns, cmd) in enumerate(rows, 1):
            sh.write(cmd + "\n")
            tsv.write(f"{i}\t{kind}\t{d}\t{name}\t{ns}\t{cmd}\n")


def capture(out, rows):
    golden = os.path.join(out, "golden")
    subprocess.run(["rm", "-rf", golden])
    with open(RESOLV, "w") as f:
        f.write("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n")
    nss = names(rows)
    delete_all(nss)
    try:
        for kind, d, name, ns, cmd in rows:
            if kind == "sleep":
                time.sleep(float(cmd.split()[1]))
                continue
            o, e, rc = run_line(cmd)
            if kind == "run":
                if rc != 0:
                    print(f"warning: rc {rc}: {cmd}\n{e}", file=sys.stderr)
                continue
            dd = os.path.join(golden, d)
            os.makedirs(dd, exist_ok=True)
            with open(os.path.join(dd, name + ".out"), "w", encoding="utf-8", errors="surrogateescape") as f:
                f.write(o)
            if e:
                with open(os.path.join(dd, name + ".err"), "w", encoding="utf-8", errors="surrogateescape") as f:
                    f.write(e)
            inner = re.sub(r"^ip netns exec \S+ ", "", cmd)
            with open(os.path.join(dd, "MANIFEST.tsv"), "a", encoding="utf-8") as f:
                f.write(f"{name}\t{ns}\t{rc}\t{inner}\n")
    finally:
        delete_all(nss)
    subprocess.run([sys.executable, NORMALIZE] + sorted(
        os.path.join(golden, d) for d in os.listdir(golden)), check=True)
    versions = subprocess.run(["bash", "-c", "uname -srm; ip -V; busybox 2>&1 | head -1; iptables -V"],
                              capture_output=True, text=True).stdout
    with open(os.path.join(golden, "VERSIONS.txt"), "w") as f:
        f.write(f"captured: {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}\n{versions}")


def as_sim(script):
    """Stand-in for `npm run sim -- --json`: run main.sh on the real kernel, one JSON line per command."""
    lines = [l.rstrip("\n") for l in open(script, encoding="utf-8") if l.strip() and not l.lstrip().startswith("#")]
    with open(RESOLV, "w") as f:
        f.write("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n")
    nss = sorted({m for l in lines if l.startswith("ip netns add") for m in re.findall(r"\b(vx-[\w.-]+)", l)})
    delete_all(nss)
    try:
        for line in lines:
            if not SAFE.match(line):
                sys.exit(f"refusing: {line}")
            if line.startswith("sleep "):
                time.sleep(float(line.split()[1]))
                o, e, rc = "", "", 0
            else:
                o, e, rc = run_line(line)
            print(json.dumps({"line": line, "stdout": o, "stderr": e, "exitCode": rc}), flush=True)
    finally:
        delete_all(nss)


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--as-sim":
        return as_sim(sys.argv[2])
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1].rstrip("/")
    rows = expand(os.path.join(out, "scenario.sh"))
    write_replay(out, rows)
    if "--replay-only" not in sys.argv:
        capture(out, rows)


if __name__ == "__main__":
    main()
