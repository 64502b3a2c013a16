/**
 * Coverage by OWASP LLM, OWASP Agentic and MITRE ATLAS ids
 * (docs/reporter.md, "Coverage"): the Result metadata keys that carry a
 * Result's taxonomy ids (written by `payloadMatrix` and the attacks that
 * plant library payloads), and the ids the shipped payload library covers,
 * so a report can name those a run did not exercise. A unit test keeps
 * {@link LIBRARY_TAXONOMY_IDS} equal to the library's tags.
 */

/** The taxonomies coverage is reported by, in report order. */
export const COVERAGE_TAXONOMIES = ['owasp_llm', 'owasp_agentic', 'atlas'] as const;
/** One of the {@link COVERAGE_TAXONOMIES}: also the Result metadata key holding its ids (an array). */
export type CoverageTaxonomy = (typeof COVERAGE_TAXONOMIES)[number];

/** Titles of the taxonomies, for the summary. */
export const COVERAGE_TITLES: Readonly<Record<CoverageTaxonomy, string>> = {
  owasp_llm: 'OWASP LLM',
  owasp_agentic: 'OWASP Agentic',
  atlas: 'MITRE ATLAS',
};

/** The ids the shipped payload library is tagged with, per taxonomy, sorted. */
export const LIBRARY_TAXONOMY_IDS: Readonly<Record<CoverageTaxonomy, readonly string[]>> = {
  owasp_llm: [
    'LLM01:2025',
    'LLM02:2025',
    'LLM03:2025',
    'LLM04:2025',
    'LLM05:2025',
    'LLM06:2025',
    'LLM07:2025',
    'LLM09:2025',
  ],
  owasp_agentic: ['ASI01', 'ASI02', 'ASI03', 'ASI04', 'ASI06', 'ASI09'],
  atlas: [
    'AML.T0051.001',
    'AML.T0052',
    'AML.T0053',
    'AML.T0056',
    'AML.T0057',
    'AML.T0068',
    'AML.T0077',
    'AML.T0080.000',
    'AML.T0080.001',
    'AML.T0084.001',
    'AML.T0086',
    'AML.T0094',
    'AML.T0099',
    'AML.T0110',
  ],
};
