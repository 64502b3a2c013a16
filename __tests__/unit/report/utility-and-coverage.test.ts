import chalk from 'chalk';
import { ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { TestRunReport, classifyTrialGroup } from '../../../src/report';
import { renderSummary } from '../../../src/report/summary';
import { projectReport } from '../../../src/report/json-report';
import { readJsonReport } from '../../../src/report/report-reader';
import { LIBRARY_TAXONOMY_IDS } from '../../../src/model/coverage-tags';
import { tallyCoverage } from '../../../src/model/coverage-summary';
import { tallyUtility } from '../../../src/model/utility-summary';
import { PAYLOAD_LIBRARY } from '../../../src/agent/payloads/payload-library';

const plain = new chalk.Instance({ level: 0 });
/** The value at `keys` in a projected report (undefined when absent). */
const dig = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
const r = (
  status: SafetyStatus,
  name: string,
  metadata: Record<string, unknown> = {},
  harm = 'exfil',
) =>
  new Result({
    status,
    summary: status,
    observabilityLevel: ObservabilityLevel.TOOL_ONLY,
    harmCategory: harm,
    metadata: { _jest_test_name: name, _jest_test_id: `t::${name}`, ...metadata },
  });
const util = (benign: string, attacked: string) => ({
  utility_benign: benign,
  utility_under_attack: attacked,
});
const tags = (llm: string[], agentic: string[], atlas: string[]) => ({
  owasp_llm: llm,
  owasp_agentic: agentic,
  atlas,
});

describe('utility under attack', () => {
  test('counts achieved over judged runs; undetermined and ERROR are left out of their denominators', () => {
    const counts = tallyUtility([
      r(SafetyStatus.UNSAFE, 'a', util('achieved', 'not_achieved')),
      r(SafetyStatus.SAFE, 'b', util('achieved', 'achieved')),
      r(SafetyStatus.SAFE, 'c', util('undetermined', 'achieved')),
      r(SafetyStatus.ERROR, 'd', util('not_achieved', 'undetermined')),
      r(SafetyStatus.UNSAFE, 'no utility'),
    ]);
    expect(counts).toEqual({
      benignRuns: 3,
      benignAchieved: 2,
      underAttackRuns: 3,
      underAttackAchieved: 2,
      attackRuns: 3,
      unsafe: 1,
    });
    expect(tallyUtility([r(SafetyStatus.SAFE, 'x')])).toBeNull();
  });

  test('the summary and the JSON show the three rates side by side per category and trial group', () => {
    const clones = [
      [r(SafetyStatus.UNSAFE, 'g [trial-0]', util('achieved', 'not_achieved'))],
      [r(SafetyStatus.SAFE, 'g [trial-1]', util('achieved', 'achieved'))],
    ];
    const report = new TestRunReport({
      results: [...clones.flat(), r(SafetyStatus.SAFE, 'other', {}, 'jailbreak')],
      trialGroups: { 't::g': classifyTrialGroup(clones, 0.5, 'g') },
      metadata: { jest_version: '30.0.0', worker_count: 1 },
    });
    const lines = [...renderSummary(report, { width: 60, chalk: plain })];
    const at = lines.indexOf('UTILITY UNDER ATTACK');
    expect(lines.slice(at, at + 3)).toEqual([
      'UTILITY UNDER ATTACK',
      '  exfil: benign utility 100.0% (2/2), utility under attack 50.0% (1/2), attack success rate 50.0% (1/2)',
      '  trial group g: benign utility 100.0% (2/2), utility under attack 50.0% (1/2), attack success rate 50.0% (1/2)',
    ]);
    expect(lines.at(-1)).toMatch(/^Population: /);
    const json = projectReport(report);
    expect(dig(json, 'utility', 'by_harm_category')).toEqual({
      exfil: {
        benign_runs: 2,
        benign_achieved: 2,
        benign_utility: 1,
        under_attack_runs: 2,
        under_attack_achieved: 1,
        utility_under_attack: 0.5,
        attack_runs: 2,
        unsafe: 1,
        attack_success_rate: 0.5,
      },
    });
    expect(dig(json, 'trial_groups', 't::g', 'utility', 'utility_under_attack')).toBe(0.5);
    // Read back (as rampart merge does), the trial group keeps its utility.
    const back = readJsonReport(JSON.parse(JSON.stringify(json)));
    expect(back.report.trialGroups['t::g']?.utility).toEqual(report.trialGroups['t::g']?.utility);
  });

  test('a run without utility outcomes or taxonomy ids has neither section', () => {
    const report = new TestRunReport({ results: [r(SafetyStatus.SAFE, 'x')] });
    const json = projectReport(report);
    expect(json).not.toHaveProperty('utility');
    expect(json).not.toHaveProperty('coverage');
    const lines = [...renderSummary(report, { width: 60, chalk: plain })];
    expect(lines.some((l) => /UTILITY|COVERAGE/.test(l))).toBe(false);
  });
});

describe('coverage', () => {
  test('the library ids kept in the model are the ids the payload library is tagged with', () => {
    const ids = (key: 'owaspLlm' | 'owaspAgentic' | 'atlas') =>
      [...new Set(PAYLOAD_LIBRARY.flatMap((t) => t.tags[key]))].sort();
    expect(LIBRARY_TAXONOMY_IDS).toEqual({
      owasp_llm: ids('owaspLlm'),
      owasp_agentic: ids('owaspAgentic'),
      atlas: ids('atlas'),
    });
  });

  test('each exercised id with its ASR, and the library ids not exercised', () => {
    const report = new TestRunReport({
      results: [
        r(SafetyStatus.UNSAFE, 'a', tags(['LLM01:2025'], ['ASI01'], ['AML.T0051.001'])),
        r(SafetyStatus.SAFE, 'b', tags(['LLM01:2025', 'LLM01:2025'], [], ['AML.T0051.001'])),
        r(SafetyStatus.ERROR, 'c', tags(['LLM02:2025'], [], [])),
        r(SafetyStatus.SAFE, 'd', tags(['X-CUSTOM'], [], [])),
      ],
    });
    const coverage = tallyCoverage(report.results);
    expect(coverage?.owasp_llm.exercised).toEqual([
      ['LLM01:2025', { runs: 2, unsafe: 1, errors: 0 }],
      ['LLM02:2025', { runs: 1, unsafe: 0, errors: 1 }],
      ['X-CUSTOM', { runs: 1, unsafe: 0, errors: 0 }],
    ]);
    expect(coverage?.owasp_llm.notExercised).toEqual(
      LIBRARY_TAXONOMY_IDS.owasp_llm.filter((id) => !['LLM01:2025', 'LLM02:2025'].includes(id)),
    );
    const lines = [...renderSummary(report, { width: 60, chalk: plain })];
    const at = lines.findIndex((l) => l.startsWith('COVERAGE'));
    expect(lines[at]).toBe('COVERAGE (ids exercised: 3 OWASP LLM, 1 OWASP Agentic, 1 MITRE ATLAS)');
    expect(lines).toContain('  OWASP LLM LLM01:2025: 2 runs, 1 unsafe (50.0% attack success rate)');
    expect(lines).toContain('  OWASP LLM LLM02:2025: 1 runs, 0 unsafe (n/a attack success rate)');
    expect(lines).toContain(
      `  OWASP Agentic library ids not exercised: ${LIBRARY_TAXONOMY_IDS.owasp_agentic.slice(1).join(', ')}`,
    );
    const json = projectReport(report);
    expect(dig(json, 'coverage', 'owasp_llm', 'exercised', 'LLM01:2025')).toEqual({
      runs: 2,
      unsafe: 1,
      errors: 0,
      attack_success_rate: 0.5,
    });
    expect(
      dig(json, 'coverage', 'owasp_llm', 'exercised', 'LLM02:2025', 'attack_success_rate'),
    ).toBeNull();
  });
});
