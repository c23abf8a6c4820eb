/**
 * The command lines toolbar dialogs type into the host terminal: what the user would have typed, quoted the
 * way bash reads it back, so clicking teaches the CLI.
 */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function quote(w: string): string {
  return w !== '' && PLAIN.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

export interface RunForm {
  name: string;
  image: string;
  mode: 'bridge' | 'host' | 'none' | 'container' | 'network';
  network: string;
  target: string;
  ports: string;
  interactive: boolean;
}

export function runCommand(f: RunForm): string {
  const w = ['docker', 'run', f.interactive ? '-it' : '-d'];
  if (f.name.trim()) w.push('--name', quote(f.name.trim()));
  if (f.mode === 'host' || f.mode === 'none') w.push('--network', f.mode);
  else if (f.mode === 'container' && f.target) w.push('--network', quote(`container:${f.target}`));
  else if (f.mode === 'network' && f.network) w.push('--network', quote(f.network));
  if (f.mode === 'bridge' || f.mode === 'network')
    for (const p of f.ports.split(/[\s,]+/).filter(Boolean)) w.push('-p', quote(p));
  w.push(quote(f.image.trim() || 'busybox'));
  // busybox and alpine exit at once without a command when detached: keep them running as the docs do.
  if (!f.interactive && /^(busybox|alpine)(:|$)/.test(f.image.trim())) w.push('sleep', '1d');
  return w.join(' ');
}

export interface NetForm {
  name: string;
  subnet: string;
  internal: boolean;
}

export function networkCommand(f: NetForm): string {
  const w = ['docker', 'network', 'create'];
  if (f.subnet.trim()) w.push('--subnet', quote(f.subnet.trim()));
  if (f.internal) w.push('--internal');
  w.push(quote(f.name.trim() || 'mynet'));
  return w.join(' ');
}
