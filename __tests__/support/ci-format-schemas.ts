/**
 * Validation of the CI formats against the schemas the consuming tools
 * read (kept in __tests__/fixtures/formats, sources in its README): JUnit
 * XML with `xmllint --schema` (Debian's libxml2-utils; .ci/run installs it,
 * and without it the check fails rather than skips), SARIF with ajv's
 * draft-04 validator.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import { XMLParser } from 'fast-xml-parser';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

/** The schemas' folder. */
export const FORMATS_DIR = path.resolve(__dirname, '../fixtures/formats');

/** xmllint's complaints about a JUnit XML file, or null when it is valid against junit-10.xsd. */
export function junitSchemaErrors(file: string): string | null {
  const run = spawnSync(
    'xmllint',
    ['--noout', '--schema', path.join(FORMATS_DIR, 'junit-10.xsd'), file],
    { encoding: 'utf8' },
  );
  if (run.error)
    throw new Error(
      `xmllint could not run (apt-get install -y libxml2-utils): ${run.error.message}`,
    );
  return run.status === 0 ? null : `${run.stdout}${run.stderr}`.trim();
}

let sarifValidator: ValidateFunction | undefined;

/** ajv's complaints about a parsed SARIF log, or null when it is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string | null {
  if (!sarifValidator) {
    const schema = JSON.parse(
      fs.readFileSync(path.join(FORMATS_DIR, 'sarif-schema-2.1.0.json'), 'utf8'),
    ) as Record<string, unknown>;
    const ajv = new Ajv04({ allErrors: true, strict: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(schema);
  }
  if (sarifValidator(log)) return null;
  return JSON.stringify(sarifValidator.errors?.slice(0, 10), null, 2);
}

/** A status element of a JUnit test case, as parsed. */
export interface JUnitStatus {
  type?: string;
  message: string;
  '#text'?: string;
}

/** A JUnit test case, as parsed (attributes as strings). */
export interface JUnitCase {
  name: string;
  classname: string;
  line?: string;
  failure?: JUnitStatus;
  error?: JUnitStatus;
  skipped?: JUnitStatus;
}

/** A JUnit test suite, as parsed. */
export interface JUnitSuite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  testcase: JUnitCase | JUnitCase[];
}

/** A JUnit document, as parsed. */
export interface JUnitDocument {
  testsuites: { tests: string; failures: string; errors: string; testsuite: JUnitSuite[] };
}

/** Parses JUnit XML as a consumer would: attributes kept, character references decoded. */
export function parseJUnit(xml: string): JUnitDocument {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    htmlEntities: true,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  }).parse(xml) as JUnitDocument;
}

/** The test cases of a suite. */
export function casesOf(suite: JUnitSuite | undefined): JUnitCase[] {
  const cases = suite?.testcase ?? [];
  return Array.isArray(cases) ? cases : [cases];
}
