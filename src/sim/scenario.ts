/**
 * A scenario driver that speaks the user's language, for tests and lesson checks:
 *
 *   const net = await Scenario.start();
 *   await net.run('docker run -d --name c1 busybox sleep 1000');
 *   const r = await net.exec('c1', 'ip a');          // docker exec c1 ip a
 *   r.stdout, r.stderr, r.exitCode
 *
 * Lines run in the innermost open terminal (a `docker run -it` shell until `exit`), like the transcript runner.
 */
import { createDefaultSimulation } from './boot';
import type { Simulation } from './simulation';

export interface Outcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export class Scenario {
  readonly sim: Simulation;
  private readonly stack: string[];

  private constructor(sim: Simulation, host: string) {
    this.sim = sim;
    this.stack = [host];
  }

  static async start(seed = 1): Promise<Scenario> {
    const sim = createDefaultSimulation(seed);
    const host = await sim.openTerminal(sim.hostProc());
    return new Scenario(sim, host.id);
  }

  /** The terminal lines go to: the host's, or the shell a line opened. */
  get terminal(): string {
    return this.stack[this.stack.length - 1] as string;
  }

  /** Whether a shell opened by `docker run -it` / `docker exec -it` is the current terminal. */
  get inContainer(): boolean {
    return this.stack.length > 1;
  }

  async run(line: string): Promise<Outcome> {
    let out = '';
    let err = '';
    const r = await this.sim.run(this.terminal, line, { out: (s) => (out += s), err: (s) => (err += s) });
    if (r.closed) this.stack.pop();
    for (const t of r.opened) this.stack.push(t.id);
    return { stdout: r.streamed ? out : r.stdout, stderr: r.streamed ? err : r.stderr, exitCode: r.exitCode };
  }

  /** Run several lines; returns the last outcome. */
  async runAll(lines: string[]): Promise<Outcome> {
    let last: Outcome = { stdout: '', stderr: '', exitCode: 0 };
    for (const l of lines) last = await this.run(l);
    return last;
  }

  exec(container: string, command: string): Promise<Outcome> {
    return this.run(`docker exec ${container} ${command}`);
  }

  /** `docker inspect -f TEMPLATE target`, trimmed. */
  async inspect(target: string, template: string): Promise<string> {
    const r = await this.run(`docker inspect -f '${template}' ${target}`);
    if (r.exitCode !== 0) throw new Error(`inspect ${target}: ${r.stderr}`);
    return r.stdout.replace(/\n$/, '');
  }
}
