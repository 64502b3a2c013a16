/**
 * `rampart`: what a test author writes with — harm() and trial(), the Result
 * and recordResult(), custom executions, attacks, probes, evaluators,
 * drivers, converters, the payload library, adapters and surfaces, runTrials
 * and the matchers' types. One barrel per layer, so that a layer can later
 * be loaded on first use behind the same names. The report model, the
 * codecs and the hooks of a runner integration are entry points of their
 * own: `rampart/report`, `rampart/trace`, `rampart/integration`
 * (docs/entry-points.md).
 */
// For its effect: Results of this test realm reach the running test's collector.
import './jest/register-result-collection';

export * from './model';
export * from './jest';
export * from './suites';
export * from './agent/protocol';
export * from './agent/attacks';
export * from './agent/probes';
export * from './agent/populations';
export * from './agent/evaluators';
export * from './agent/drivers';
export * from './agent/converters';
export * from './agent/payloads';
export * from './agent/llm';
