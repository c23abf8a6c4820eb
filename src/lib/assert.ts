/** Exhaustiveness check for discriminated unions: a new variant that nobody handles fails to compile. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(x)}`);
}
