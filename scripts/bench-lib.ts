/** What the bench scripts share: the JSON line they print per figure, and quantiles of samples (bench-lib-pure). */

/** One figure as a JSON line on stdout: {"name","value","unit", ...details}. */
export function emit(name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, ...extra })}\n`);
}

export { median, quantile } from './bench-lib-pure';
