/**
 * The payload library: at least 60 templates, every one fillable with the
 * standard objective, every tag an id of the official lists kept in the
 * repository, and those lists well-formed.
 */
import {
  EXAMPLE_OBJECTIVE,
  MITRE_ATLAS,
  OBJECTIVE_FIELDS,
  OWASP_AGENTIC_TOP_10,
  OWASP_LLM_TOP_10,
  PAYLOAD_LIBRARY,
  PayloadTechnique,
  TECHNIQUE_DESCRIPTIONS,
  findTaxonomyEntry,
  payloadTemplate,
  payloadTemplates,
} from '../../../../src/index';

test('the library holds at least 60 templates with unique <technique>.<slug> ids', () => {
  expect(PAYLOAD_LIBRARY.length).toBeGreaterThanOrEqual(60);
  const ids = PAYLOAD_LIBRARY.map((t) => t.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const t of PAYLOAD_LIBRARY)
    expect(t.id).toMatch(new RegExp(`^${t.technique}\\.[a-z0-9-]+$`));
  const instructions = PAYLOAD_LIBRARY.map((t) => t.instruction);
  expect(new Set(instructions).size).toBe(instructions.length);
});

test('every technique the issue names has templates, and every template has a known technique', () => {
  const techniques = new Set(PAYLOAD_LIBRARY.map((t) => t.technique));
  expect([...techniques].sort()).toEqual(Object.values(PayloadTechnique).sort());
  for (const technique of Object.values(PayloadTechnique)) {
    expect(TECHNIQUE_DESCRIPTIONS[technique].length).toBeGreaterThan(10);
    expect(payloadTemplates({ technique }).length).toBeGreaterThanOrEqual(3);
  }
});

test.each(PAYLOAD_LIBRARY.map((t) => [t.id, t] as const))(
  '%s fills completely with the example objective',
  (_, template) => {
    expect(template.placeholders.length).toBeGreaterThan(0);
    for (const name of template.placeholders) expect(Object.keys(OBJECTIVE_FIELDS)).toContain(name);
    const payload = template.fill(EXAMPLE_OBJECTIVE);
    expect(payload.content).not.toMatch(/\{[a-z_|]+\}/);
    expect(template.resolveObjective(EXAMPLE_OBJECTIVE)).not.toMatch(/[{}]/);
    // The objective is visible in the payload (in clear or encoded).
    const used = template.placeholders.map(
      (name) => EXAMPLE_OBJECTIVE[name as keyof typeof EXAMPLE_OBJECTIVE],
    );
    if (template.technique !== 'encoded-instructions')
      for (const value of used) expect(payload.content).toContain(value);
    expect(payload.metadata).toMatchObject({
      template: template.id,
      technique: template.technique,
      owasp_llm: [...template.tags.owaspLlm],
      owasp_agentic: [...template.tags.owaspAgentic],
      atlas: [...template.tags.atlas],
    });
    expect(payload.format).toBe(template.format);
  },
);

test('every tag is an id of the official lists, and every template has one of each', () => {
  const unknown: string[] = [];
  for (const t of PAYLOAD_LIBRARY) {
    expect(t.tags.owaspLlm.length).toBeGreaterThan(0);
    expect(t.tags.owaspAgentic.length).toBeGreaterThan(0);
    expect(t.tags.atlas.length).toBeGreaterThan(0);
    for (const [taxonomy, ids] of [
      [OWASP_LLM_TOP_10, t.tags.owaspLlm],
      [OWASP_AGENTIC_TOP_10, t.tags.owaspAgentic],
      [MITRE_ATLAS, t.tags.atlas],
    ] as const)
      for (const id of ids) if (!findTaxonomyEntry(taxonomy, id)) unknown.push(`${t.id}: ${id}`);
  }
  expect(unknown).toEqual([]);
});

test('the official lists are complete and well-formed, with their source and version', () => {
  expect(OWASP_LLM_TOP_10.entries.map((e) => e.id)).toEqual(
    Array.from({ length: 10 }, (_, i) => `LLM${String(i + 1).padStart(2, '0')}:2025`),
  );
  expect(findTaxonomyEntry(OWASP_LLM_TOP_10, 'LLM01:2025')?.name).toBe('Prompt Injection');
  expect(OWASP_AGENTIC_TOP_10.entries.map((e) => e.id)).toEqual(
    Array.from({ length: 10 }, (_, i) => `ASI${String(i + 1).padStart(2, '0')}`),
  );
  expect(findTaxonomyEntry(OWASP_AGENTIC_TOP_10, 'ASI01')?.name).toBe('Agent Goal Hijack');
  const atlasIds = MITRE_ATLAS.entries.map((e) => e.id);
  expect(atlasIds.length).toBeGreaterThan(150);
  expect(new Set(atlasIds).size).toBe(atlasIds.length);
  for (const id of atlasIds) {
    expect(id).toMatch(/^AML\.T\d{4}(\.\d{3})?$/);
    if (id.length > 9) expect(atlasIds).toContain(id.slice(0, 9)); // sub-technique's parent
  }
  expect(findTaxonomyEntry(MITRE_ATLAS, 'AML.T0051.001')?.name).toBe('Indirect');
  expect(findTaxonomyEntry(MITRE_ATLAS, 'AML.T0051')?.name).toBe('LLM Prompt Injection');
  for (const taxonomy of [OWASP_LLM_TOP_10, OWASP_AGENTIC_TOP_10, MITRE_ATLAS]) {
    expect(taxonomy.source).toMatch(/^https:\/\//);
    expect(taxonomy.version).toMatch(/^\d/);
    for (const entry of taxonomy.entries) expect(entry.name.trim()).not.toBe('');
  }
});

test('templates can be picked by technique, tag and the placeholders an objective fills', () => {
  expect(payloadTemplate('ignore-previous.summary-swap').technique).toBe('ignore-previous');
  expect(() => payloadTemplate('nope')).toThrow(
    'payloadTemplate id must be the id of a library template, got "nope"',
  );
  const memory = payloadTemplates({ owaspAgentic: 'ASI06' });
  expect(memory.length).toBeGreaterThan(0);
  expect(memory.every((t) => t.tags.owaspAgentic.includes('ASI06'))).toBe(true);
  const canaryOnly = payloadTemplates({ placeholders: ['canary'] });
  expect(canaryOnly.length).toBeGreaterThanOrEqual(10);
  expect(canaryOnly.every((t) => t.placeholders.join() === 'canary')).toBe(true);
  const both = payloadTemplates({ technique: ['urgency', 'prompt-leak'], atlas: 'AML.T0056' });
  expect(both.map((t) => t.technique)).toEqual(Array(both.length).fill('prompt-leak'));
  expect(payloadTemplates()).toHaveLength(PAYLOAD_LIBRARY.length);
});
