/** scripts/default-world/plugin.ts: createDefaultWorld(seed) as JSON, made at build time (null in dev). */
declare module 'virtual:default-world' {
  export const seed: number;
  export const json: string | null;
}
