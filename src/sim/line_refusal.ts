/**
 * Lines the playground refuses before they run, with the reason printed as the playground (not as a tool):
 * nothing is journaled and the World does not change.
 *  - A line over LIMITS.lineChars: every journal must fit a link or the browser's storage, and a 10 MB paste
 *    is a mistake (a playground limit, not bash's).
 *  - A line typed at the shell of a paused container (`docker pause`): its processes are frozen, so the shell
 *    reads nothing until the container is unpaused. A real terminal would keep the typed text for then; the
 *    simulation runs one line at a time, so it cannot hold a line back while others run, and says so instead.
 */
import type { Proc } from '../shell';
import { LIMITS } from './share/limits';
import type { World } from './world';

export function lineRefusal(line: string, proc: Proc, world: World): string | null {
  if (line.length > LIMITS.lineChars)
    return `playground: line too long (${line.length} characters; at most ${LIMITS.lineChars})\n`;
  const c = proc.machine === 'host' ? undefined : world.docker.containers[proc.machine];
  if (c?.paused)
    return `playground: container ${c.name} is paused: its processes run nothing until \`docker unpause ${c.name}\`\n`;
  return null;
}
