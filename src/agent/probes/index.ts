/** Probe strategies, for the root entry point `rampart`. */
export { Probes, type BehaviorProbeOptions } from './probes';
