/**
 * A terminal's output as a byte stream: the store writes, the xterm widget (when mounted) listens. The
 * scrollback is kept so a terminal re-mounted (tab switch) shows what it showed.
 */
const MAX_SCROLLBACK = 200_000;

export class TerminalChannel {
  private buffer = '';
  private readonly listeners = new Set<(data: string) => void>();
  private readonly clearListeners = new Set<() => void>();

  write(data: string): void {
    this.buffer += data;
    // Cut only once the buffer holds twice the scrollback: cutting on every write copied 200 KB per line
    // of a long output (`ip a` with hundreds of containers writes thousands of lines).
    if (this.buffer.length > 2 * MAX_SCROLLBACK) this.buffer = this.buffer.slice(-MAX_SCROLLBACK);
    for (const l of this.listeners) l(data);
  }

  clear(): void {
    this.buffer = '';
    for (const l of this.clearListeners) l();
  }

  /** Everything written so far (what a newly mounted widget replays). */
  scrollback(): string {
    if (this.buffer.length > MAX_SCROLLBACK) this.buffer = this.buffer.slice(-MAX_SCROLLBACK);
    return this.buffer;
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
