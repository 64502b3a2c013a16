/**
 * Official id lists the payload library is tagged against (OWASP Top 10 for
 * LLM Applications, OWASP Top 10 for Agentic Applications, MITRE ATLAS),
 * each with the source and version it was taken from.
 */

/** One id of a taxonomy. */
export interface TaxonomyEntry {
  id: string;
  name: string;
}

/** An official list of ids. */
export interface Taxonomy {
  /** The metadata key its ids are recorded under (`owasp_llm`, `owasp_agentic`, `atlas`). */
  key: 'owasp_llm' | 'owasp_agentic' | 'atlas';
  title: string;
  version: string;
  /** Where the list was taken from. */
  source: string;
  entries: readonly TaxonomyEntry[];
}

/** The entry of `id` in `taxonomy`, if any. */
export function findTaxonomyEntry(taxonomy: Taxonomy, id: string): TaxonomyEntry | undefined {
  return taxonomy.entries.find((entry) => entry.id === id);
}
