/**
 * Headless transcript runner: `npm run --silent sim -- [--seed N] [--echo | --json] [--trace] [FILE | -]`.
 * Runs each line of a script as if typed at the Docker host's root prompt (or inside the shell a line
 * opened, until `exit`) and prints the transcript. Same seed and script, same bytes.
 */
import { readFileSync } from 'node:fs';
import { runTranscript, type TranscriptOptions } from './transcript';

function usage(): never {
  process.stderr.write('usage: npm run --silent sim -- [--seed N] [--echo | --json] [--trace] [FILE | -]\n');
  process.exit(64);
}

function parseArgs(argv: string[]): TranscriptOptions & { file: string } {
  const o: TranscriptOptions & { file: string } = { seed: 1, mode: 'plain', trace: false, file: '-' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--seed') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v)) usage();
      o.seed = v;
    } else if (a === '--echo') o.mode = 'echo';
    else if (a === '--json') o.mode = 'json';
    else if (a === '--trace') o.trace = true;
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('--')) usage();
    else o.file = a;
  }
  return o;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  let script: string;
  try {
    script = opts.file === '-' ? readFileSync(0, 'utf8') : readFileSync(opts.file, 'utf8');
  } catch (e) {
    process.stderr.write(`sim: cannot read ${opts.file}: ${(e as Error).message}\n`);
    process.exit(66);
  }
  const code = await runTranscript(
    script,
    opts,
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
  process.exitCode = code;
}

void main();
