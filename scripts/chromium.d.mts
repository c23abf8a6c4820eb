/** Types of chromium.mjs (plain JS, shared with the Playwright config and the e2e runner). */
export function findChromium(): string;
