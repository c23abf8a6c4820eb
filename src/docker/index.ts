/** The simulated Docker Engine 27.5 (daemon + libnetwork) on the simulated kernel. */
export * from './state';
export * from './system';
