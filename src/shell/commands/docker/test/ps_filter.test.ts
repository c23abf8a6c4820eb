/**
 * docker ps --filter as daemon/list.go does it: values of one key are alternatives, keys all apply; name and
 * id are regular expressions; status implies -a; -n/-l are the daemon's Limit; errors are the daemon's
 * ("Error response from daemon: ...", exit 1) or the CLI's flag error (exit 125).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

let net: Scenario;

/** The names `docker ps ARGS` lists (newest first), one per line. */
async function names(args: string): Promise<string[]> {
  const r = await net.run(`docker ps ${args} --format '{{.Names}}'`);
  expect([r.stderr, r.exitCode]).toEqual(['', 0]);
  return r.stdout.split('\n').filter((l) => l !== '');
}

async function outcome(line: string): Promise<[string, string, number]> {
  const r = await net.run(line);
  return [r.stdout, r.stderr, r.exitCode];
}

beforeAll(async () => {
  net = await Scenario.start(7);
  // Oldest to newest: web, db (running), job (exit 0), fail (exit 3), idle (created).
  await net.runAll([
    'docker network create n1',
    'docker run -d --name web -l app=shop -l tier=front --network n1 -p 8080:80 nginx',
    'docker run -d --name db -l app=shop busybox sleep 1d',
    'docker run --name job busybox true',
    "docker run --name fail busybox sh -c 'exit 3'",
    'docker create --name idle -l tier=back alpine',
  ]);
});

describe('docker ps --filter', () => {
  it('lists running containers, all with -a, newest first', async () => {
    expect(await names('')).toEqual(['db', 'web']);
    expect(await names('-a')).toEqual(['idle', 'fail', 'job', 'db', 'web']);
  });

  it('name: a regexp against "/name" and "name", values ORed; id: a unique prefix', async () => {
    expect(await names('-a --filter name=b')).toEqual(['job', 'db', 'web']);
    expect(await names('-a --filter name=^web$')).toEqual(['web']);
    expect(await names('-a --filter name=/db --filter name=^j')).toEqual(['job', 'db']);
    // FilterOpt.Set lower-cases the key and trims both sides.
    expect(await names("--filter 'NAME = web '")).toEqual(['web']);
    const id = (await net.run("docker inspect -f '{{.Id}}' db")).stdout.trim();
    expect(await names(`--filter id=${id.slice(0, 6)}`)).toEqual(['db']);
    // An id and a name filter both apply.
    expect(await names(`--filter id=${id.slice(0, 6)} --filter name=web`)).toEqual([]);
  });

  it('label: every value must be there (key, or key=value)', async () => {
    expect(await names('-a --filter label=tier')).toEqual(['idle', 'web']);
    expect(await names('-a --filter label=app --filter label=tier=front')).toEqual(['web']);
    expect(await names('-a --filter label=app=store')).toEqual([]);
  });

  it('status implies -a; exited does not, and matches exit codes of stopped containers', async () => {
    expect(await names('--filter status=exited --filter status=created')).toEqual(['idle', 'fail', 'job']);
    expect(await names('--filter status=paused')).toEqual([]);
    expect(await names('--filter exited=3')).toEqual([]);
    expect(await names('-a --filter exited=3')).toEqual(['fail']);
    expect(await names('-a --filter exited=0 --filter exited=3')).toEqual(['fail', 'job']);
  });

  it('ancestor, network, publish, expose', async () => {
    expect(await names('--filter ancestor=busybox')).toEqual(['db']);
    expect(await names('-a --filter ancestor=busybox:latest --filter ancestor=alpine')).toEqual([
      'idle',
      'fail',
      'job',
      'db',
    ]);
    // An image that is not here matches nothing (the daemon only logs a warning).
    expect(await names('-a --filter ancestor=nosuch')).toEqual([]);
    expect(await names('--filter network=n1')).toEqual(['web']);
    expect(await names('--filter network=bridge')).toEqual(['db']);
    expect(await names('--filter publish=8080')).toEqual(['web']);
    expect(await names('--filter publish=8000-8100/tcp')).toEqual(['web']);
    expect(await names('--filter expose=80')).toEqual(['web']);
    expect(await names('--filter expose=80/udp')).toEqual([]);
  });

  it('health is "none" without healthchecks; no task, no volume; isolation is ignored on Linux', async () => {
    expect(await names('--filter health=none --filter health=healthy')).toEqual(['db', 'web']);
    expect(await names('--filter health=starting')).toEqual([]);
    expect(await names('-a --filter is-task=false')).toHaveLength(5);
    expect(await names('-a --filter is-task=true')).toEqual([]);
    expect(await names('-a --filter volume=/data')).toEqual([]);
    expect(await names('--filter isolation=hyperv')).toEqual(['db', 'web']);
  });

  it('before and since: by full id or name, counted in creation order', async () => {
    expect(await names('-a --filter since=db')).toEqual(['idle', 'fail', 'job']);
    expect(await names('-a --filter before=job')).toEqual(['db', 'web']);
    expect(await names('-a --filter since=web --filter before=idle')).toEqual(['fail', 'job', 'db']);
    expect(await outcome('docker ps --filter before=nope')).toEqual([
      '',
      'Error response from daemon: No such container: nope\n',
      1,
    ]);
  });

  it('-n and -l are a limit over every state; -n 0 or less is none', async () => {
    expect(await names('-n 2')).toEqual(['idle', 'fail']);
    expect(await names('-n 2 --filter label=app')).toEqual(['db', 'web']);
    expect(await names('-l')).toEqual(['idle']);
    expect(await names('-n 0')).toEqual(['db', 'web']);
    expect(await names('-n -1 -l')).toEqual(['idle']);
    expect(await outcome('docker ps -n x')).toEqual([
      '',
      'invalid argument "x" for "-n, --last" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'docker ps --help\'.\n',
      125,
    ]);
  });

  it('errors: a filter without "=" is the CLI\'s flag error; the rest are the daemon\'s', async () => {
    expect(await outcome('docker ps --filter foo')).toEqual([
      '',
      'invalid argument "foo" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee \'docker ps --help\'.\n',
      125,
    ]);
    const daemon: [string, string][] = [
      ['--filter foo=bar', "invalid filter 'foo'"],
      ['--filter status=foo', "invalid filter 'status=foo'"],
      ['--filter exited=x', `invalid filter 'exited=x': strconv.Atoi: parsing "x": invalid syntax`],
      [
        '--filter exited=99999999999999999999',
        `invalid filter 'exited=99999999999999999999': strconv.Atoi: parsing "99999999999999999999": value out of range`,
      ],
      ['--filter is-task=maybe', "invalid filter 'is-task=[maybe]'"],
      ['--filter is-task=true --filter is-task=0', "invalid filter 'is-task=[0 true]'"],
      ['--filter health=sick', 'unrecognized filter value for health: sick'],
      ['--filter publish=1:2', "filter for 'publish' should not contain ':': 1:2"],
      [
        '--filter publish=8x',
        'error while looking up for publish 8x: strconv.ParseUint: parsing "8x": invalid syntax',
      ],
      ['--filter publish=', 'error while looking up for publish : empty string specified for ports'],
      [
        '--filter publish=90-80',
        'error while looking up for publish 90-80: invalid range specified for port: 90-80',
      ],
      [
        '--filter expose=70000',
        'error while looking up for expose 70000: strconv.ParseUint: parsing "70000": value out of range',
      ],
    ];
    for (const [args, msg] of daemon)
      expect(await outcome(`docker ps -q ${args}`)).toEqual(['', `Error response from daemon: ${msg}\n`, 1]);
    // A bad --format is found first, before the daemon sees the filters.
    expect((await outcome("docker ps --filter foo=1 --format '{{.Nope}}'"))[1]).toMatch(/^failed to execute/);
  });
});
