/**
 * Classroom scale in Node, through the app store (scripts/bench-scale-run.ts: 30 networks and 1,000 containers,
 * then the latency of everyday commands at that size, and the memory 100 undoable steps keep alive).
 * bench-scale-chromium.ts runs the same series in the browser.
 *
 *   node --expose-gc --import tsx scripts/bench-scale.ts [--containers N] [--networks N] [--samples N] [--warmup N]
 *
 * Prints one JSON line per figure ({"name","value","unit"}), like the other bench scripts.
 */
import { parseArgs } from 'node:util';
import { emit } from './bench-lib';
import { runScale, SCALE_ARGS, scaleConfig } from './bench-scale-run';

const { values } = parseArgs({ options: SCALE_ARGS });
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) process.stderr.write('bench: run with node --expose-gc for the undo-history memory figure\n');
await runScale(
  scaleConfig(values),
  {
    turn: () => new Promise((resolve) => setImmediate(resolve)),
    ...(gc ? { gc } : {}),
    heapUsed: () => process.memoryUsage().heapUsed,
  },
  emit,
);
