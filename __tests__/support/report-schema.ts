/**
 * Validation of JSON reports against report.schema.json with ajv (draft
 * 2020-12, strict mode): the repository's schema for unit tests, the schema
 * installed with the packed package for end-to-end tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';

/** The schema in this repository. */
export const REPO_SCHEMA = path.resolve(__dirname, '../../schema/report.schema.json');

const compiled = new Map<string, ValidateFunction>();

function validator(schemaFile: string): ValidateFunction {
  let validate = compiled.get(schemaFile);
  if (!validate) {
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
    validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    compiled.set(schemaFile, validate);
  }
  return validate;
}

/** ajv's complaints about `report` (a parsed JSON value), or null when it is valid. */
export function schemaErrors(report: unknown, schemaFile = REPO_SCHEMA): string | null {
  const validate = validator(schemaFile);
  if (validate(report)) return null;
  return (validate.errors ?? [])
    .slice(0, 10)
    .map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`)
    .join('; ');
}

/** Throws when `report` does not satisfy the schema, naming `source` and ajv's errors. */
export function assertValidReport(report: unknown, source: string, schemaFile = REPO_SCHEMA): void {
  const errors = schemaErrors(report, schemaFile);
  if (errors !== null) throw new Error(`${source} does not satisfy ${schemaFile}: ${errors}`);
}
