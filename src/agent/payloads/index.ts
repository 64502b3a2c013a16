/**
 * Payload templates, the tagged library, its taxonomies, the store of
 * generated variants and generation, for the root entry point `rampart`.
 */
export {
  PayloadTemplate,
  type PayloadTemplateInit,
  type PayloadTags,
  type PayloadValues,
  type FillOptions,
} from './payload-template';
export {
  OBJECTIVE_FIELDS,
  EXAMPLE_OBJECTIVE,
  type ObjectiveField,
  type PayloadObjective,
} from './objective';
export { PayloadTechnique, TECHNIQUE_DESCRIPTIONS } from './techniques';
export { PLACEHOLDER_FILTERS } from './placeholders';
export {
  PAYLOAD_LIBRARY,
  payloadTemplates,
  payloadTemplate,
  type PayloadTemplateQuery,
} from './payload-library';
export {
  PayloadStore,
  validateCollectionName,
  type PayloadStoreOptions,
  type PayloadCollectionManifest,
  type LoadOptions,
} from './payload-store';
export { Payloads, RED_TEAM_WRITER, type GeneratePayloadsOptions } from './generate-payloads';
export { OWASP_LLM_TOP_10 } from './taxonomy/owasp-llm';
export { OWASP_AGENTIC_TOP_10 } from './taxonomy/owasp-agentic';
export { MITRE_ATLAS } from './taxonomy/mitre-atlas';
export { findTaxonomyEntry, type Taxonomy, type TaxonomyEntry } from './taxonomy/taxonomy';
