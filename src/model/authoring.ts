/**
 * The model's part of the root entry point `rampart` that a test file needs
 * only when it builds its own executions or evidence: the execution
 * lifecycle and its errors, payload formats, population references and the
 * utility and coverage tags. The root loads it on first use of one of these
 * names; recording Results needs none of them (docs/architecture.md,
 * "Layers loaded on first use").
 */
export { PayloadFormat, isTextFormat, isBinaryFormat, formatExtension } from './payload-format';
export { BaseExecution, type ExecuteOptions, type ExecutionOptions } from './execution';
export { ExecutionTimeoutError, ExecutionAbortedError, type RoleUsage } from './execution-scope';
export { createPopulationRef } from './population-ref';
export { UTILITY_TAGS, UtilityOutcome } from './utility-tags';
export { COVERAGE_TAXONOMIES, LIBRARY_TAXONOMY_IDS, type CoverageTaxonomy } from './coverage-tags';
