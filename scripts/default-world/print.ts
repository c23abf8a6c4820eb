/**
 * Prints the default World of a seed as JSON, computed by the simulator's own code (src/sim
 * createDefaultWorld): the build embeds it so a fresh page need not run the kernel's and dockerd's cold
 * start (plugin.ts). `src/sim/prebuilt_world.test.ts` runs this script and checks its output byte for byte.
 *   tsx scripts/default-world/print.ts SEED
 */
import { createDefaultWorld } from '../../src/sim';

process.stdout.write(JSON.stringify(createDefaultWorld(Number(process.argv[2] ?? '1'))));
