/**
 * The package as a new user installs it: the tarball holds the build, the
 * report schema, README.md, LICENSE and docs/, so that every link of the
 * README and of docs/ resolves inside node_modules/rampart (their headings
 * are checked by __tests__/unit/docs/links.test.ts); every entry point of
 * `exports` loads on the end-to-end Node, and the names moved out of the
 * root entry point are where docs/entry-points.md says; the root entry
 * point loads its other layers on first use, from CommonJS and native ESM.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docPages, relativeLinks } from '../support/doc-code-blocks';
import { e2eNode } from './support/node-versions';
import { REPO_ROOT, fixtureDir } from './support/paths';

const fixture = fixtureDir(30);
const installed = path.dirname(require.resolve('rampart/package.json', { paths: [fixture] }));

test('README.md, LICENSE (MIT) and every page of docs/ are installed', () => {
  for (const page of docPages()) expect(fs.existsSync(path.join(installed, page))).toBe(true);
  const license = fs.readFileSync(path.join(installed, 'LICENSE'), 'utf8');
  expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} rampart contributors\n/);
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
    license: string;
  };
  expect(manifest.license).toBe('MIT');
});

test('every relative link of the installed README and docs resolves in the package', () => {
  const broken: string[] = [];
  for (const page of docPages()) {
    for (const [href] of relativeLinks(fs.readFileSync(path.join(installed, page), 'utf8'))) {
      if (href === '') continue;
      const target = path.resolve(path.dirname(path.join(installed, page)), href);
      if (!target.startsWith(installed) || !fs.existsSync(target)) broken.push(`${page}: ${href}`);
    }
  }
  expect(broken).toEqual([]);
});

test('every entry point loads; the moved names are in their own entry points', () => {
  const script = `
const names = (id) => Object.keys(require(id));
const out = {};
for (const id of ['rampart', 'rampart/env', 'rampart/env/jsdom', 'rampart/reporter', 'rampart/matchers', 'rampart/report', 'rampart/trace', 'rampart/integration']) out[id] = names(id);
out.schema = require('rampart/report.schema.json').$id !== undefined;
console.log(JSON.stringify(out));`;
  const out = JSON.parse(
    execFileSync(e2eNode().bin, ['-e', script], { cwd: fixture, encoding: 'utf8' }),
  ) as Record<string, string[]>;
  expect(out['rampart']).toEqual(
    expect.arrayContaining(['harm', 'trial', 'Result', 'recordResult', 'Attacks', 'runTrials']),
  );
  for (const [entry, moved] of [
    ['rampart/report', ['TestRunReport', 'TrialGroupResult', 'JsonFileReportSink']],
    ['rampart/trace', ['encodeResult', 'decodeResult', 'serializeRecord', 'toJsonSafe']],
    ['rampart/integration', ['registerDefaultHandlerFactory', 'ResultCollectionHandler']],
  ] as const) {
    expect(out[entry]).toEqual(expect.arrayContaining([...moved]));
    for (const name of moved) expect(out['rampart']).not.toContain(name);
  }
  expect(out['rampart/env']).toEqual(expect.arrayContaining(['withRampart', 'TestEnvironment']));
  expect(out['rampart/reporter']).toContain('RampartReporter');
  expect(out['schema']).toBe(true);
  // The tarball holds what the repository ships, nothing from its tests.
  expect(fs.existsSync(path.join(installed, '__tests__'))).toBe(false);
  expect(fs.readdirSync(path.join(installed, 'docs')).sort()).toEqual(
    fs.readdirSync(path.join(REPO_ROOT, 'docs')).sort(),
  );
});

test('rampart loads the agent layers and suites on first use of a name, from CommonJS and ES modules', () => {
  const cjs = `
const dist = require('node:path').dirname(require.resolve('rampart'));
const loaded = () => Object.keys(require.cache).filter((f) => f.startsWith(dist)).map((f) => f.slice(dist.length + 1));
const rampart = require('rampart');
const before = loaded();
class Never extends rampart.BaseEvaluator { evaluate() { throw new Error('not called'); } }
class Custom extends rampart.BaseExecution { async run() { throw new Error('not called'); } }
const kinds = [typeof rampart.Attacks.xpia, typeof rampart.LLMJudge, typeof rampart.payloadMatrix, new Never() instanceof rampart.BaseEvaluator, new Custom() instanceof rampart.BaseExecution];
// The layers loaded later take the root's modules through their stand-ins: one Result class.
const same = [require(dist + '/model/result.js').Result === rampart.Result, require(dist + '/model/collector.js').recordResult === rampart.recordResult];
console.log(JSON.stringify({ before, after: loaded(), kinds, same }));`;
  const run = (args: string[]) =>
    execFileSync(e2eNode().bin, args, { cwd: fixture, encoding: 'utf8' }).trim();
  const out = JSON.parse(run(['-e', cjs])) as {
    before: string[];
    after: string[];
    kinds: unknown[];
    same: boolean[];
  };
  // The root's modules come in one file (scripts/bundle-root.js).
  expect(out.before.sort()).toEqual(['index.js', 'root-modules.js']);
  expect(out.same).toEqual([true, true]);
  // Those are the modules the root evaluates: not the layers behind names not
  // read yet, nor the execution lifecycle, a trial group's statistics or the
  // stray-Result guard.
  const table = fs.readFileSync(path.join(installed, 'dist', 'root-modules.js'), 'utf8');
  const bundled = [...table.matchAll(/^ {2}"([^"]+)": function \(exports, require, module/gm)].map(
    (match) => match[1],
  );
  expect(bundled).toEqual(expect.arrayContaining(['index.js', 'model/result.js', 'jest/harm.js']));
  expect(bundled.filter((f) => /^(agent|suites)\//.test(f ?? ''))).toEqual([]);
  for (const file of ['model/execution.js', 'model/trial-group.js', 'jest/stray-results.js'])
    expect(bundled).not.toContain(file);
  expect(out.after).toEqual(
    expect.arrayContaining([
      'agent/attacks/index.js',
      'agent/evaluators/index.js',
      'suites/index.js',
      'model/execution.js',
    ]),
  );
  expect(out.kinds).toEqual(['function', 'function', 'function', true, true]);
  const esm = `import { Attacks, LLMJudge, payloadMatrix, BaseEvaluator, BaseExecution, Result } from 'rampart';
class Never extends BaseEvaluator { evaluate() { throw new Error('not called'); } }
console.log([typeof Attacks.xpia, typeof LLMJudge, typeof payloadMatrix, typeof Result, typeof BaseExecution, new Never() instanceof BaseEvaluator].join(' '));`;
  expect(run(['--input-type=module', '-e', esm])).toBe(
    'function function function function function true',
  );
});
