/** Populations (n runs of one execution inside a test), for the root entry point `rampart`. */
export { runTrials, type RunTrialsOptions } from './run-trials';
export { PopulationResult } from './population-result';
