/**
 * Which Node runs the consumer projects' Jest. By default the Node running
 * this suite; `RAMPART_E2E_NODE=<major>` picks the version pinned for that
 * major in fixtures/node-versions.json (`=<x.y.z>` any exact version), which
 * global setup installs from the npm registry's `node` package. `.ci/run`
 * runs the suite once per pinned major.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exec, installCached } from './install';
import { REPO_ROOT, nodeInstallDir } from './paths';

/** The environment variable naming the Node version of the run. */
export const NODE_VAR = 'RAMPART_E2E_NODE';

/** The Node that runs Jest in the consumer projects. */
export interface E2eNode {
  /** Path of the `node` binary. */
  bin: string;
  /** As `process.version` prints it, e.g. `v22.23.3`. */
  version: string;
  /** The exact version installed from the npm registry; undefined for the suite's own Node. */
  installed?: string;
}

/** Pinned exact version per Node major, from fixtures/node-versions.json. */
export function pinnedNodeVersions(): Record<string, string> {
  const file = path.join(REPO_ROOT, 'fixtures', 'node-versions.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { versions: Record<string, string> })
    .versions;
}

/** The Node of this run, as `RAMPART_E2E_NODE` asks. */
export function e2eNode(): E2eNode {
  const requested = process.env[NODE_VAR];
  if (requested === undefined || requested === '')
    return { bin: process.execPath, version: process.version };
  const pins = pinnedNodeVersions();
  const exact = pins[requested] ?? (/^\d+\.\d+\.\d+$/.test(requested) ? requested : undefined);
  if (exact === undefined) {
    const majors = Object.keys(pins).join(', ');
    throw new Error(
      `${NODE_VAR} must be a pinned major (${majors}) or an exact version x.y.z, got ${JSON.stringify(requested)}`,
    );
  }
  const bin = path.join(nodeInstallDir(exact), 'node_modules', 'node', 'bin', 'node');
  return { bin, version: `v${exact}`, installed: exact };
}

/** The Node pinned for `major` in fixtures/node-versions.json (not installed yet). */
export function pinnedNode(major: string): E2eNode {
  const exact = pinnedNodeVersions()[major];
  if (exact === undefined) throw new Error(`fixtures/node-versions.json must pin Node ${major}`);
  const bin = path.join(nodeInstallDir(exact), 'node_modules', 'node', 'bin', 'node');
  return { bin, version: `v${exact}`, installed: exact };
}

/** Installs `node` from the npm registry when it is not the suite's own, and checks it runs. */
export function installNode(node: E2eNode): E2eNode {
  if (node.installed !== undefined) {
    const manifest = {
      name: `rampart-e2e-node-${node.installed}`,
      private: true,
      description: 'The Node binary the end-to-end suite runs Jest on.',
      dependencies: { node: node.installed },
      // Its install script fetches the platform's binary (npm asks for approval).
      allowScripts: { [`node@${node.installed}`]: true },
    };
    installCached({
      dir: nodeInstallDir(node.installed),
      files: { 'package.json': `${JSON.stringify(manifest, null, 2)}\n` },
      install: (dir) =>
        exec('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir),
    });
  }
  const reported = exec(node.bin, ['--version'], REPO_ROOT).trim();
  if (reported !== node.version)
    throw new Error(`${node.bin} must be Node ${node.version}, got ${reported}`);
  return node;
}

/** Installs the Node of this run when needed (global setup) and checks it runs. */
export function installE2eNode(): E2eNode {
  return installNode(e2eNode());
}

/**
 * `env` with an installed Node first on PATH, so `#!/usr/bin/env node`
 * scripts (the rampart CLI, Yarn's child processes) run on it too.
 */
export function withNodeOnPath(
  env: Record<string, string | undefined>,
  node: E2eNode = e2eNode(),
): NodeJS.ProcessEnv {
  if (node.installed === undefined) return { ...env };
  return { ...env, PATH: [path.dirname(node.bin), env.PATH].filter(Boolean).join(path.delimiter) };
}
