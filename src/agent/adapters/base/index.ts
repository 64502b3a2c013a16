/**
 * The shared base of framework adapters (docs/adapters.md), behind the entry
 * point `rampart/adapters` so a hand-written adapter or surface can use it
 * too. Framework-free: nothing here loads a framework.
 */
export {
  frameworkAdapter,
  declaredObservability,
  type FrameworkBinding,
  type FrameworkTurn,
  type FrameworkAdapterOptions,
} from './framework-adapter';
export { renderRequest, type RequestRenderer } from './request-text';
export {
  pairToolCalls,
  type FrameworkToolCall,
  type FrameworkToolOutcome,
  type PairedToolCall,
} from './tool-pairing';
export {
  type SideEffectMap,
  type SideEffectDeclaration,
  type SideEffectWatcher,
  type ObservedToolCall,
} from './side-effects';
export {
  schemaParameters,
  manifestFromTools,
  type ToolDescription,
  type ManifestOptions,
} from './tool-schema';
export { defineSurface, type SurfaceHooks, type Restore } from './define-surface';
export { plantPayload, checkPlantMode, type PlantMode } from './plant';
