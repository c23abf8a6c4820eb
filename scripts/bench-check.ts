/**
 * npm run bench:check [FILE.jsonl]: the bench figures against bench/budgets.json. Runs `npm run bench` (or
 * reads its JSON lines from FILE), prints each budgeted figure with its budget, names what is over (or
 * missing) and exits 1 if anything is.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

interface Budget {
  max?: number;
  min?: number;
  unit: string;
  what: string;
}
interface Figure {
  name: string;
  value: number | null;
  unit: string;
}

const budgets = (
  JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as { budgets: Record<string, Budget> }
).budgets;
const file = process.argv[2];
let text: string;
if (file) text = readFileSync(file, 'utf8');
else {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  text = r.stdout;
  process.stdout.write(text);
}
const figures = new Map<string, Figure>();
for (const line of text.split('\n')) {
  if (!line.startsWith('{')) continue;
  try {
    const f = JSON.parse(line) as Figure;
    figures.set(f.name, f);
  } catch {
    // not a figure line
  }
}

const over: string[] = [];
const rows: string[][] = [['figure', 'value', 'budget', '']];
for (const [name, b] of Object.entries(budgets)) {
  const f = figures.get(name);
  const value = f?.value;
  const budget = b.max !== undefined ? `<= ${b.max}` : `>= ${b.min}`;
  let verdict = 'ok';
  if (typeof value !== 'number') verdict = 'MISSING';
  else if ((b.max !== undefined && value > b.max) || (b.min !== undefined && value < b.min)) verdict = 'OVER';
  if (verdict !== 'ok') over.push(`${name} (${b.what})`);
  rows.push([name, typeof value === 'number' ? `${value} ${b.unit}` : '-', `${budget} ${b.unit}`, verdict]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows)
  process.stdout.write(
    `${r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()}\n`,
  );
if (over.length > 0) {
  process.stdout.write(`\nover budget or missing: ${over.join('; ')}\n`);
  process.exitCode = 1;
} else process.stdout.write('\nall figures within budget\n');
