/**
 * `rampart/adapters`: the shared base for adapters of agent frameworks and
 * hand-written ones — `frameworkAdapter`, `renderRequest`, `pairToolCalls`,
 * `manifestFromTools`, `schemaParameters`, `defineSurface`, `plantPayload`
 * (docs/adapters.md). An entry point of its own, so that importing `rampart`
 * loads none of it; it loads no framework either.
 */
export * from './agent/adapters/base';
