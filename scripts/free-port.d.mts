/** Types of free-port.mjs (plain JS, shared with the e2e runner). */
export function freePort(): Promise<number>;
