// Find Debian's Chromium for Playwright: $CHROMIUM_PATH, else /usr/bin/chromium; as root, install it with
// apt-get when it is missing; otherwise say in one line how to get it.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  );
  for (const c of candidates) if (existsSync(c)) return c;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    process.stderr.write(
      "Chromium not found: installing Debian's chromium with apt-get (about a minute)...\n",
    );
    execFileSync(
      'sh',
      [
        '-c',
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
      ],
      {
        stdio: 'inherit',
      },
    );
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  return null;
}
