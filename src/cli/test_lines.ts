/**
 * Test helper for command modules: run lines through the transcript runner (seed 1, host prompt) and get each
 * line's stdout, stderr and exit code, as the oracle replay sees them.
 */
import { runTranscript } from './transcript';

export interface LineOutcome {
  line: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export async function runLines(lines: readonly string[], seed = 1): Promise<LineOutcome[]> {
  let out = '';
  await runTranscript(
    lines.join('\n'),
    { seed, mode: 'json', trace: false },
    (s) => (out += s),
    () => {},
  );
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as LineOutcome);
}
