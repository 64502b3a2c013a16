/**
 * The SARIF 2.1.0 projection of a run report (docs/ci-formats.md, "SARIF"):
 * one run of the `rampart` tool with a rule per harm category and strategy,
 * and one result per UNSAFE (level `error`) and UNDETERMINED (level
 * `warning`) Result at its test's file and line. Pure: JSON text pieces
 * from the report; every message goes through {@link sarifMessage}.
 */
import { pathToFileURL } from 'node:url';
import type { Result } from '../model/result';
import { SafetyStatus } from '../model/result-status';
import { type TestRunReport, categoryKey } from '../model/run-report';
import { type HeldText, HeldTexts } from './held-text';
import { type NamedResult, namedResults } from './result-names';
import { incompleteReasons } from './summary';

/** Options of {@link renderSarif}. */
export interface SarifOptions {
  /** The run's rootDir (absolute): the base the test files' URIs are relative to. */
  rootDir?: string | undefined;
}

/** The `$schema` of the files written: the SARIF 2.1.0 schema as SchemaStore serves it. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Longest message text, in UTF-16 units. */
const MAX_SARIF_MESSAGE = 4096;

/**
 * Plain message text without embedded links: SARIF reads `[text](target)`
 * in a message as a link, so `[` and `]` (and the escaping `\`) are
 * backslash-escaped; control characters (but tab and newline) become
 * U+FFFD; cut at `max` characters. JSON escaping is left to JSON.stringify.
 */
export function sarifMessage(value: unknown, max = MAX_SARIF_MESSAGE): string {
  let text = typeof value === 'string' ? value : String(value);
  if (text.length > max) text = `${text.slice(0, max)}… (${text.length - max} more characters)`;
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '\uFFFD')
      .replace(/[\\[\]]/g, (c) => `\\${c}`)
  );
}

/** Whether a Result becomes a SARIF result, and at which level. */
function levelOf(result: Result): 'error' | 'warning' | null {
  if (result.status === SafetyStatus.UNSAFE) return 'error';
  if (result.status === SafetyStatus.UNDETERMINED) return 'warning';
  return null;
}

/** A rule id: `<harm category>/<strategy>`. */
const ruleIdOf = (result: Result): string =>
  `${categoryKey(result)}/${result.strategy || 'unspecified'}`;

/** A relative path as a URI reference: each segment percent-encoded. */
const uriOf = (file: string): string => file.split('/').map(encodeURIComponent).join('/');

const ROOT_BASE_ID = 'ROOTDIR';

function sarifResult(named: NamedResult, level: 'error' | 'warning', ruleIndex: number): unknown {
  const { result } = named;
  const status = result.status.toUpperCase();
  const region = named.location
    ? { startLine: named.location.line, startColumn: named.location.column }
    : { startLine: 1 };
  return {
    ruleId: ruleIdOf(result),
    ruleIndex,
    level,
    message: { text: sarifMessage(`${status}: ${named.name}: ${result.summary}`) },
    ...(named.file
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriOf(named.file), uriBaseId: ROOT_BASE_ID },
                region,
              },
            },
          ],
        }
      : {}),
    partialFingerprints: { rampartTestId: `${named.testId}#${named.name}` },
    properties: {
      status: result.status,
      harmCategory: categoryKey(result),
      strategy: result.strategy,
      testId: named.testId,
    },
  };
}

/**
 * The report as SARIF 2.1.0 JSON text, in pieces, from one pass over the
 * Results: each flagged Result's entry is made as it comes (its rule's index
 * is known by then: rules are numbered in first-seen order) and held
 * (held-text.ts) until the rules, which come first in the file, are written.
 */
export function* renderSarif(report: TestRunReport, options: SarifOptions = {}): Generator<string> {
  const rules = new Map<string, { category: string; strategy: string; index: number }>();
  const texts = new HeldTexts();
  try {
    const entries = texts.text();
    for (const named of namedResults(report.eachResult())) {
      const { result } = named;
      const level = levelOf(result);
      if (level === null) continue;
      const id = ruleIdOf(result);
      let rule = rules.get(id);
      if (rule === undefined) {
        rule = { category: categoryKey(result), strategy: result.strategy, index: rules.size };
        rules.set(id, rule);
      }
      const json = JSON.stringify(sarifResult(named, level, rule.index));
      entries.add(`${entries.count === 0 ? '\n' : ',\n'}        ${json}`);
    }
    yield* sarifText(report, options, rules, entries);
  } finally {
    texts.close();
  }
}

function* sarifText(
  report: TestRunReport,
  options: SarifOptions,
  rules: ReadonlyMap<string, { category: string; strategy: string; index: number }>,
  entries: HeldText,
): Generator<string> {
  const version = report.metadata.rampart_version;
  const reasons = incompleteReasons(report);
  const run = {
    tool: {
      driver: {
        name: 'rampart',
        ...(typeof version === 'string' ? { version } : {}),
        rules: [...rules].map(([id, rule]) => ({
          id,
          name: id,
          shortDescription: {
            text: sarifMessage(
              `${rule.strategy || 'unspecified strategy'} attack succeeded in harm category ${rule.category}`,
            ),
          },
          defaultConfiguration: { level: 'error' },
          properties: { tags: ['security', 'ai-safety', rule.category] },
        })),
      },
    },
    ...(options.rootDir
      ? {
          originalUriBaseIds: {
            [ROOT_BASE_ID]: {
              uri: pathToFileURL(`${options.rootDir.replace(/[\\/]$/, '')}/`).href,
            },
          },
        }
      : {}),
    invocations: [
      {
        executionSuccessful: reasons.length === 0,
        ...(reasons.length > 0
          ? {
              toolExecutionNotifications: reasons.map((reason) => ({
                level: 'error',
                message: { text: sarifMessage(`The RAMPART run is incomplete: ${reason}`) },
              })),
            }
          : {}),
      },
    ],
  };
  const head = JSON.stringify(
    { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [{ ...run, results: [] }] },
    null,
    2,
  );
  // The results array is streamed into the place of the empty one.
  const cut = head.lastIndexOf('"results": []');
  yield `${head.slice(0, cut)}"results": [`;
  yield* entries.read();
  yield `${entries.count === 0 ? '' : '\n      '}]${head.slice(cut + '"results": []'.length)}\n`;
}
