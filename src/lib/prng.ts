/**
 * Seeded PRNG (sfc32, Chris Doty-Humphrey's Small Fast Counting generator). Its state is four 32-bit words kept
 * in the World, so a saved World continues the same random sequence and the same seed gives the same bytes.
 */
export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

export function seedRng(seed: number): RngState {
  // splitmix32 spreads a small integer seed over the four words; then warm up as sfc32's author advises.
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const st: RngState = { a: next(), b: next(), c: next(), d: next() };
  for (let i = 0; i < 12; i++) nextU32(st);
  return st;
}

/** Advances the state in place (it may be an immer draft) and returns 32 random bits. */
export function nextU32(st: RngState): number {
  const t = (((st.a + st.b) >>> 0) + st.d) >>> 0;
  st.d = (st.d + 1) >>> 0;
  st.a = (st.b ^ (st.b >>> 9)) >>> 0;
  st.b = (st.c + (st.c << 3)) >>> 0;
  st.c = ((st.c << 21) | (st.c >>> 11)) >>> 0;
  st.c = (st.c + t) >>> 0;
  return t;
}

/** Uniform integer in [0, n). */
export function nextInt(st: RngState, n: number): number {
  return Math.floor((nextU32(st) / 0x100000000) * n);
}

/** `bytes` random bytes as lowercase hex (stringid.GenerateRandomID uses 32 bytes = 64 hex chars). */
export function randomHex(st: RngState, bytes: number): string {
  let out = '';
  for (let i = 0; i < bytes; i += 4) out += nextU32(st).toString(16).padStart(8, '0');
  return out.slice(0, bytes * 2);
}
