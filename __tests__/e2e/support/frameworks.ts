/**
 * Consumer projects for the framework adapters: Jest 30, the packed tarball
 * and one agent framework (at one major), installed once per tarball and
 * cached like the Jest fixtures. Frameworks go into these projects only, not
 * into every consumer project.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exec, installCached, sha256File } from './install';
import { REPO_ROOT, TARBALL_POINTER, WORK_DIR } from './paths';
import { Scenario } from './scenario';

/** The Jest 30 fixture's pinned devDependencies (the same Jest as every other scenario). */
function jest30Dependencies(): Record<string, string> {
  const template = path.join(REPO_ROOT, 'fixtures', 'jest30', 'package.json');
  const manifest = JSON.parse(fs.readFileSync(template, 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const { jest, 'jest-environment-node': environment } = manifest.devDependencies;
  return { jest: jest as string, 'jest-environment-node': environment as string };
}

/** Installs (once per tarball) a project with Jest 30, rampart and `dependencies`; returns its directory. */
export function frameworkFixture(name: string, dependencies: Record<string, string>): string {
  const tarball = fs.readFileSync(TARBALL_POINTER, 'utf8').trim();
  const dir = path.join(WORK_DIR, 'frameworks', name);
  const manifest = {
    name: `rampart-fixture-${name}`,
    private: true,
    description: `Consumer project for the ${name} adapter end-to-end tests.`,
    dependencies: { rampart: `file:${tarball}`, ...dependencies },
    devDependencies: jest30Dependencies(),
  };
  installCached({
    dir,
    files: { 'package.json': `${JSON.stringify(manifest, null, 2)}\n` },
    inputs: [sha256File(tarball)],
    install: (where) => {
      fs.rmSync(path.join(where, 'node_modules', 'rampart'), { recursive: true, force: true });
      exec(
        'npm',
        ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
        where,
      );
    },
  });
  return dir;
}

/** A fresh scenario directory inside a framework fixture, run with the fixture's Jest 30. */
export function frameworkScenario(fixture: string, name: string): Scenario {
  const dir = path.join(fixture, 'runs', `${name}-${Date.now().toString(36)}`);
  fs.mkdirSync(dir, { recursive: true });
  return new Scenario(30, dir, [path.join(fixture, 'node_modules', 'jest', 'bin', 'jest.js')]);
}

/** The requires of examples/mcp on MCP SDK 1, and their SDK 2 packages. */
const MCP_V2_REQUIRES: ReadonlyArray<readonly [string, string]> = [
  ['@modelcontextprotocol/sdk/server/mcp.js', '@modelcontextprotocol/server'],
  ['@modelcontextprotocol/sdk/inMemory.js', '@modelcontextprotocol/server'],
  ['@modelcontextprotocol/sdk/client/index.js', '@modelcontextprotocol/client'],
  ['@modelcontextprotocol/sdk/client/streamableHttp.js', '@modelcontextprotocol/client'],
];

/** A file of examples/mcp on MCP SDK 2: the same code, with the SDK 2 packages' requires. */
export function onMcpSdk2(source: string): string {
  const v2 = MCP_V2_REQUIRES.reduce(
    (text, [v1, v2]) => text.replaceAll(`require('${v1}')`, `require('${v2}')`),
    source,
  );
  if (v2.includes('@modelcontextprotocol/sdk'))
    throw new Error(`an MCP SDK 1 require is left after the move to SDK 2:\n${v2}`);
  return v2;
}
