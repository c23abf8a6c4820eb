/**
 * A headless learner: a default simulation with a host terminal, running lines in the innermost open shell
 * (a `docker run -it` shell until `exit`) and keeping each line's output and trace. The lesson tests run
 * every solution through it; the demo-script player uses the same rule for where a line goes.
 */
import { createDefaultSimulation, type Simulation, type World } from '../sim';
import type { TraceEvent } from './types';

export interface DriverLine {
  line: string;
  output: string;
  exitCode: number;
  trace: TraceEvent[];
  world: World;
}

export class LessonDriver {
  private readonly stack: string[];

  private constructor(
    readonly sim: Simulation,
    host: string,
  ) {
    this.stack = [host];
  }

  static async start(seed = 1): Promise<LessonDriver> {
    const sim = createDefaultSimulation(seed);
    const host = await sim.openTerminal(sim.hostProc());
    return new LessonDriver(sim, host.id);
  }

  get world(): World {
    return this.sim.world;
  }

  get terminal(): string {
    return this.stack[this.stack.length - 1] as string;
  }

  async run(line: string): Promise<DriverLine> {
    let out = '';
    const r = await this.sim.run(this.terminal, line, { out: (s) => (out += s), err: (s) => (out += s) });
    if (r.closed) this.stack.pop();
    for (const t of r.opened) this.stack.push(t.id);
    const output = r.streamed ? out : r.stdout + r.stderr;
    return { line, output, exitCode: r.exitCode, trace: r.trace, world: this.sim.world };
  }
}
