/**
 * Renders docs/attack-catalogue.md from the library itself (attacks,
 * evaluators, converters, payload templates, techniques, tags), so the page cannot drift: a test
 * fails when the checked-in page differs from this output (regenerate with
 * `npm run catalogue`). To add a kind of entry, add a section to
 * {@link CATALOGUE_SECTIONS}; attacks and evaluators are listed in
 * strategy-catalogue.ts.
 */
import { CONVERTER_CATALOGUE } from '../converters/converter-catalogue';
import { OBJECTIVE_FIELDS } from '../payloads/objective';
import { PAYLOAD_LIBRARY } from '../payloads/payload-library';
import { PLACEHOLDER_FILTERS } from '../payloads/placeholders';
import { PayloadTechnique, TECHNIQUE_DESCRIPTIONS } from '../payloads/techniques';
import { MITRE_ATLAS } from '../payloads/taxonomy/mitre-atlas';
import { OWASP_AGENTIC_TOP_10 } from '../payloads/taxonomy/owasp-agentic';
import { OWASP_LLM_TOP_10 } from '../payloads/taxonomy/owasp-llm';
import type { Taxonomy } from '../payloads/taxonomy/taxonomy';
import { code, table } from './markdown-table';
import { ATTACK_CATALOGUE, EVALUATOR_CATALOGUE, type StrategyEntry } from './strategy-catalogue';

const modelCell = (model: StrategyEntry['model']): string =>
  model === 'optional' ? 'optional' : model ? 'yes' : 'no';

/** The table of attacks or evaluators. */
const strategyTable = (entries: readonly StrategyEntry[]): string[] =>
  table(
    ['name', 'what it does', 'model', 'OWASP LLM', 'OWASP Agentic', 'ATLAS'],
    entries.map((e) => [
      code(e.name),
      e.description,
      modelCell(e.model),
      e.owaspLlm.join(', '),
      e.owaspAgentic.join(', '),
      e.atlas.join(', '),
    ]),
  );

/** One section of the catalogue: a heading and its Markdown lines. */
export interface CatalogueSection {
  heading: string;
  render(): string[];
}

const TAXONOMIES: ReadonlyArray<[Taxonomy, 'owaspLlm' | 'owaspAgentic' | 'atlas']> = [
  [OWASP_LLM_TOP_10, 'owaspLlm'],
  [OWASP_AGENTIC_TOP_10, 'owaspAgentic'],
  [MITRE_ATLAS, 'atlas'],
];

const idsOf = (key: 'owaspLlm' | 'owaspAgentic' | 'atlas'): string[] =>
  [...new Set(PAYLOAD_LIBRARY.flatMap((t) => t.tags[key]))].sort();

/** The name of `id`; a sub-technique is named with its parent (`LLM Prompt Injection: Indirect`). */
function entryName(taxonomy: Taxonomy, id: string): string {
  const name = taxonomy.entries.find((e) => e.id === id)?.name ?? '(not in the list)';
  const parent = /^(AML\.T\d{4})\.\d{3}$/.exec(id)?.[1];
  const parentName = parent && taxonomy.entries.find((e) => e.id === parent)?.name;
  return parentName ? `${parentName}: ${name}` : name;
}

const inverse = (value: boolean | string): string =>
  value === false ? 'no' : value === true ? 'yes' : `yes (${value})`;

/** The counts the catalogue opens with. */
export function catalogueCounts(): Record<string, number> {
  return {
    converters: CONVERTER_CATALOGUE.length,
    'payload templates': PAYLOAD_LIBRARY.length,
    'payload techniques': new Set(PAYLOAD_LIBRARY.map((t) => t.technique)).size,
    attacks: ATTACK_CATALOGUE.length,
    evaluators: EVALUATOR_CATALOGUE.length,
    'OWASP LLM ids': idsOf('owaspLlm').length,
    'OWASP Agentic ids': idsOf('owaspAgentic').length,
    'ATLAS ids': idsOf('atlas').length,
  };
}

/** The sections of the page, in order. */
const CATALOGUE_SECTIONS: readonly CatalogueSection[] = [
  {
    heading: 'Attacks',
    render: () => [
      'Ids are those an attack exercises; a Result also carries the ids of the library payload it planted. See [Attacks and probes](attacks-and-probes.md).',
      '',
      ...strategyTable(ATTACK_CATALOGUE),
    ],
  },
  {
    heading: 'Evaluators',
    render: () => [
      'Ids are those of the harm an evaluator detects. All compose with `.and`, `.or` and `.not` (three-valued).',
      '',
      ...strategyTable(EVALUATOR_CATALOGUE),
    ],
  },
  {
    heading: 'Converters',
    render: () => [
      'Apply with `convertPayload(payload, [a, b])` or `new ChainConverter([a, b])`; the name of each converter applied is appended to the payload’s `converter` metadata (`a+b`). Seeded converters take `seed` (default 0): the same seed and content give the same output. Model-backed converters take `model`.',
      '',
      ...table(
        [
          'name',
          'class',
          'kind',
          'what it does',
          'inverse (`decode`)',
          'seeded',
          'model',
          'output',
        ],
        CONVERTER_CATALOGUE.map((c) => [
          code(c.name),
          code(c.className),
          c.kind,
          c.description,
          inverse(c.inverse),
          c.seeded ? 'yes' : 'no',
          c.model ? 'yes' : 'no',
          c.output,
        ]),
      ),
    ],
  },
  {
    heading: 'Payload techniques',
    render: () =>
      table(
        ['technique', 'what it does', 'templates'],
        Object.values(PayloadTechnique).map((t) => [
          code(t),
          TECHNIQUE_DESCRIPTIONS[t],
          String(PAYLOAD_LIBRARY.filter((p) => p.technique === t).length),
        ]),
      ),
  },
  {
    heading: 'Placeholders',
    render: () => [
      'Every template is filled from the same objective values; a template uses only some of them. A filter (`{name|base64}`) encodes a value.',
      '',
      ...table(
        ['placeholder', 'stands for'],
        Object.entries(OBJECTIVE_FIELDS).map(([name, what]) => [code(`{${name}}`), what]),
      ),
      '',
      `Filters: ${Object.keys(PLACEHOLDER_FILTERS).map(code).join(', ')}.`,
    ],
  },
  {
    heading: 'Payload templates',
    render: () =>
      Object.values(PayloadTechnique).flatMap((technique) => [
        `### ${technique}`,
        '',
        ...table(
          ['id', 'objective', 'OWASP LLM', 'OWASP Agentic', 'ATLAS', 'format'],
          PAYLOAD_LIBRARY.filter((t) => t.technique === technique).map((t) => [
            code(t.id),
            t.objective,
            t.tags.owaspLlm.join(', '),
            t.tags.owaspAgentic.join(', '),
            t.tags.atlas.join(', '),
            t.format,
          ]),
        ),
        '',
      ]),
  },
  {
    heading: 'Tags covered',
    render: () =>
      TAXONOMIES.flatMap(([taxonomy, key]) => {
        const used = idsOf(key);
        return [
          `### ${taxonomy.title} (${taxonomy.version})`,
          '',
          `Source: ${taxonomy.source}. ${used.length} of ${taxonomy.entries.length} ids are exercised by the library.`,
          '',
          ...table(
            ['id', 'name', 'templates'],
            used.map((id) => [
              code(id),
              entryName(taxonomy, id),
              String(PAYLOAD_LIBRARY.filter((t) => t.tags[key].includes(id)).length),
            ]),
          ),
          '',
        ];
      }),
  },
];

/** The whole page (before Markdown formatting). */
export function renderAttackCatalogue(): string {
  const counts = catalogueCounts();
  const lines = [
    '# Attack catalogue',
    '',
    '<!-- Generated from the library by `npm run catalogue`; edit the sources, not this page. -->',
    '',
    'Everything RAMPART ships to attack an agent with, listed from the code itself. How to use it: [Converters and payloads](converters-and-payloads.md).',
    '',
    ...table(
      ['', 'count'],
      Object.entries(counts).map(([what, n]) => [what, String(n)]),
    ),
    '',
    ...CATALOGUE_SECTIONS.flatMap((s) => [`## ${s.heading}`, '', ...s.render(), '']),
  ];
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
