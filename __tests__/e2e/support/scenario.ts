/**
 * A throw-away consumer project: test files and a Jest config written into a
 * fresh directory inside an installed fixture, and Jest run on it as a child
 * process of the e2e Node (node-versions.ts) with a fresh cache directory (so
 * Jest really uses workers).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertValidReport } from '../../support/report-schema';
import { type E2eNode, e2eNode, withNodeOnPath } from './node-versions';
import { type JestMajor, fixtureDir } from './paths';

/** What one Jest run did. */
export interface JestRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout then stderr. */
  output: string;
}

/** Options of a Jest run. */
export interface RunOptions {
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** Working directory of Jest, relative to the scenario directory (default: the scenario). */
  cwd?: string;
  /** The Node that runs Jest (default: the Node of this run, `RAMPART_E2E_NODE`). */
  node?: E2eNode;
}

/** A consumer project for one scenario. */
export class Scenario {
  constructor(
    readonly jest: JestMajor,
    readonly dir: string,
    /** Script that starts Jest (run by the e2e Node) and its first arguments. */
    readonly jestCommand: readonly string[] = [
      path.join(fixtureDir(jest), 'node_modules', 'jest', 'bin', 'jest.js'),
    ],
  ) {}

  /** Writes (or replaces) files relative to the scenario directory. */
  write(files: Record<string, string>): this {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(this.dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    return this;
  }

  /** Runs Jest with `args` in the scenario directory. */
  run(args: string[] = [], options: RunOptions = {}): Promise<JestRun> {
    const cache = path.join(this.dir, `.jest-cache-${randomBytes(4).toString('hex')}`);
    const env: Record<string, string | undefined> = {};
    // The suite itself runs in a Jest worker: nothing of that run may leak into this one.
    // Nor GitHub's variables (a scenario that wants the GitHub outputs sets them).
    for (const [key, value] of Object.entries(process.env)) {
      if (
        !key.startsWith('JEST_') &&
        !key.startsWith('GITHUB_') &&
        key !== 'RAMPART_RUN' &&
        key !== 'NODE_OPTIONS'
      )
        env[key] = value;
    }
    Object.assign(env, { FORCE_COLOR: '0', NO_COLOR: '1', CI: 'true' }, options.env);
    return new Promise((resolve, reject) => {
      const command = [...this.jestCommand, '--ci', '--cacheDirectory', cache, ...args];
      const node = options.node ?? e2eNode();
      const child = spawn(node.bin, command, {
        cwd: path.resolve(this.dir, options.cwd ?? '.'),
        env: withNodeOnPath(env, node),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(
            `jest did not finish within ${options.timeoutMs ?? 180000} ms in ${this.dir}\n${stdout}\n${stderr}`,
          ),
        );
      }, options.timeoutMs ?? 180000);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr, output: `${stdout}${stderr}` });
      });
    });
  }

  /**
   * Report files written in `outputDir` (relative to the scenario), oldest
   * name first; not the `run_report_latest.json` copy of the newest.
   */
  reportFiles(outputDir = '.rampart'): string[] {
    const dir = path.join(this.dir, outputDir);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter(
        (name) =>
          name.startsWith('run_report_') &&
          name.endsWith('.json') &&
          name !== 'run_report_latest.json',
      )
      .sort()
      .map((name) => path.join(dir, name));
  }

  /** The only report of the run, parsed and checked against the schema; fails when there is not exactly one. */
  report(outputDir = '.rampart'): JsonReport {
    const files = this.reportFiles(outputDir);
    if (files.length !== 1)
      throw new Error(`expected exactly one report in ${outputDir}, found ${files.length}`);
    return readReport(files[0] as string, this.jest);
  }
}

/** The report.schema.json installed with the packed package in the fixture of `jest`. */
export function installedSchema(jest: JestMajor): string {
  return require.resolve('rampart/report.schema.json', { paths: [fixtureDir(jest)] });
}

/** A report file, parsed; throws unless it satisfies the packed package's report.schema.json. */
export function readReport(file: string, jest: JestMajor): JsonReport {
  const report: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  assertValidReport(report, file, installedSchema(jest));
  return report as JsonReport;
}

/** The JSON report, loosely typed for assertions. */
export interface JsonReport {
  total_runs: number;
  passed: number;
  failed: number;
  undetermined: number;
  errors: number;
  duration_seconds: number;
  metadata: Record<string, unknown>;
  population_summary: Record<string, number>;
  by_harm_category: Record<string, JsonResult[]>;
  trial_groups: Record<string, Record<string, unknown>>;
  /** Present when a Result carries a utility outcome. */
  utility?: { by_harm_category: Record<string, Record<string, unknown>> };
  /** Present when a Result carries OWASP or ATLAS ids. */
  coverage?: Record<string, unknown>;
  schema_version: string;
}

/** One Result of the JSON report. */
export interface JsonResult {
  safe: boolean;
  status: string;
  summary: string;
  harm_category: string | null;
  strategy: string;
  observability_level: string;
  duration_seconds: number;
  metadata: Record<string, unknown>;
  turns: unknown[];
}

/** All Results of a report, in report order within each category. */
export function allResults(report: JsonReport): JsonResult[] {
  return Object.values(report.by_harm_category).flat();
}

/** A new, empty scenario inside the fixture of `jest`. */
export function createScenario(jest: JestMajor, name: string): Scenario {
  const safeName = name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
  const dir = path.join(fixtureDir(jest), 'runs', `${safeName}-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true });
  return new Scenario(jest, dir);
}

/** A jest.config.js using rampart/env and rampart/reporter. */
export function jestConfig(
  options: {
    reporterOptions?: Record<string, unknown>;
    extra?: Record<string, unknown>;
    defaultReporter?: boolean;
    rampartReporter?: boolean;
  } = {},
): string {
  const reporters: unknown[] = [];
  if (options.defaultReporter !== false) reporters.push('default');
  if (options.rampartReporter !== false)
    reporters.push(['rampart/reporter', options.reporterOptions ?? {}]);
  const config = { testEnvironment: 'rampart/env', reporters, ...options.extra };
  return `module.exports = ${JSON.stringify(config, null, 2)};\n`;
}
