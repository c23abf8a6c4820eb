// npm test: every suite, one closing line for CI: "N passed, N failed, N skipped".
//   typecheck (tsc -b), lint (eslint + prettier), layer rules (dependency-cruiser), unit (vitest),
//   oracle (real-kernel goldens through the transcript runner), e2e (Playwright in Debian's Chromium).
// Each suite's tests count individually where the tool reports them (vitest, oracle captures, Playwright);
// the checks (typecheck, lint, layers) count as one test each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
mkdirSync('test-results', { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function run(cmd, args, opts = {}) {
  process.stdout.write(`\n=== ${[cmd, ...args].join(' ')}\n`);
  const r = spawnSync(cmd, args, {
    stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    ...opts,
  });
  if (opts.capture && r.stdout) process.stdout.write(r.stdout);
  return r;
}

function check(name, cmd, args) {
  const r = run(cmd, args);
  const ok = r.status === 0;
  totals[ok ? 'passed' : 'failed'] += 1;
  summary.push(`${name}: ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

check('typecheck', 'npx', ['tsc', '-b']);
check('eslint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('prettier', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
check('layers', 'npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs']);

// Unit tests.
{
  const out = 'test-results/unit.json';
  rmSync(out, { force: true });
  const r = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += j.numPassedTests ?? 0;
    totals.failed += j.numFailedTests ?? 0;
    totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    if (r.status !== 0 && (j.numFailedTests ?? 0) === 0) totals.failed += 1; // a suite that failed to load
    summary.push(`unit: ${j.numPassedTests} passed, ${j.numFailedTests} failed`);
  } else {
    totals.failed += 1;
    summary.push('unit: FAILED (no report)');
  }
}

// Oracle: every capture that passes must keep passing; test/oracle-known-failures.txt lists those that do not
// yet (it may only shrink). They are counted as skipped, by name, so nobody mistakes them for passes.
// test/oracle is a verbatim copy of ../shared/oracle (the real-kernel run); test/oracle-variants/* are more
// runs of the same kind captured on the real kernel by us (each a folder with golden/ and replay/main.sh).
function oracle(name, dir) {
  const compare = path.join(root, 'test', 'oracle', 'compare.py');
  const r = run('python3', [compare, '--oracle', dir], { capture: true });
  const lines = (r.stdout ?? '').split('\n');
  const last = lines.filter((l) => l.startsWith('oracle: ')).pop() ?? '';
  const m = /oracle: (\d+) passed, (\d+) failed/.exec(last);
  const known = new Set(
    existsSync('test/oracle-known-failures.txt')
      ? readFileSync('test/oracle-known-failures.txt', 'utf8')
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !l.startsWith('#'))
      : [],
  );
  const failing = lines
    .filter((l) => l.startsWith('FAIL '))
    .map((l) => `${name === 'oracle' ? '' : `${name}:`}${l.slice(5).split(' ')[0]}`);
  const regressions = failing.filter((f) => !known.has(f));
  if (!m) {
    totals.failed += 1;
    summary.push(`${name}: FAILED (no result line)`);
    return;
  }
  totals.passed += Number(m[1]);
  totals.failed += regressions.length;
  totals.skipped += failing.length - regressions.length;
  summary.push(
    `${name}: ${m[1]} passed, ${regressions.length} regressed, ${failing.length - regressions.length} known failures`,
  );
  for (const f of regressions) process.stdout.write(`oracle regression: ${f}\n`);
}
oracle('oracle', path.join(root, 'test', 'oracle'));
if (existsSync('test/oracle-variants'))
  for (const v of readdirSync('test/oracle-variants').sort())
    if (existsSync(path.join('test/oracle-variants', v, 'golden')))
      oracle(`oracle-${v}`, path.join(root, 'test', 'oracle-variants', v));

// e2e.
{
  const out = 'test-results/e2e.json';
  rmSync(out, { force: true });
  const r = run('node', ['scripts/e2e.mjs']);
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    const s = j.stats ?? {};
    totals.passed += s.expected ?? 0;
    totals.failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
    totals.skipped += s.skipped ?? 0;
    if (r.status !== 0 && !(s.unexpected > 0)) totals.failed += 1;
    summary.push(`e2e: ${s.expected ?? 0} passed, ${s.unexpected ?? 0} failed`);
  } else {
    totals.failed += 1;
    summary.push('e2e: FAILED (no report)');
  }
}

process.stdout.write(`\n${summary.join('\n')}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed > 0 ? 1 : 0);
