/** The built-in prompt drivers, for the root entry point `rampart`. */
export { StaticDriver } from './static-driver';
export { LLMDriver, type LLMDriverOptions } from './llm-driver';
export type { DriverInput } from './coerce-driver';
