/**
 * The simulation every user starts from: the default World for a seed, with the Docker Engine's hooks.
 */
import { createWorld } from './default_world';
import { Simulation, type SimulationOptions } from './simulation';

export function createDefaultSimulation(seed = 1, opts: SimulationOptions = {}): Simulation {
  return new Simulation(createWorld(seed), opts);
}
