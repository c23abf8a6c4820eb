/**
 * A terminal's output as a byte stream: the store writes, the xterm widget (when mounted) listens. The
 * scrollback is kept so a terminal re-mounted (tab switch) shows what it showed. Programs' output is carried
 * as they wrote it, with bare \n: the widget does what a tty's onlcr does (xterm's convertEol), so a large
 * output is not copied once more only to change its line endings. The store's own echo and prompts may
 * write \r\n (shown the same).
 */
const MAX_SCROLLBACK = 200_000;

export class TerminalChannel {
  /**
   * The scrollback as the writes came, not one string: appending a 300 KB `ip a` to one string and cutting it
   * copied half a megabyte per line (flattening a rope into the large-object space), more than the command
   * itself cost at a thousand containers. Whole writes are dropped from the front once the rest is enough.
   */
  private chunks: string[] = [];
  private length = 0;
  private readonly listeners = new Set<(data: string) => void>();
  private readonly clearListeners = new Set<() => void>();

  write(data: string): void {
    if (data === '') return;
    this.chunks.push(data);
    this.length += data.length;
    while (this.chunks.length > 1 && this.length - (this.chunks[0] as string).length >= MAX_SCROLLBACK)
      this.length -= (this.chunks.shift() as string).length;
    for (const l of this.listeners) l(data);
  }

  clear(): void {
    this.chunks = [];
    this.length = 0;
    for (const l of this.clearListeners) l();
  }

  /** The last MAX_SCROLLBACK characters written (what a newly mounted widget replays). */
  scrollback(): string {
    const all = this.chunks.join('');
    this.chunks = all === '' ? [] : [all];
    return all.length > MAX_SCROLLBACK ? all.slice(-MAX_SCROLLBACK) : all;
  }

  subscribe(onData: (data: string) => void, onClear: () => void = () => undefined): () => void {
    this.listeners.add(onData);
    this.clearListeners.add(onClear);
    return () => {
      this.listeners.delete(onData);
      this.clearListeners.delete(onClear);
    };
  }
}
