/**
 * Consumer projects with strict package layouts: pnpm's isolated
 * node_modules, an npm workspace (rampart installed at the root, tests in a
 * package) and Yarn Plug'n'Play. Each is installed once per Jest major and
 * tarball, with the Jest versions of the plain fixture of that major, and
 * hosts throw-away scenarios like the plain fixtures do; the npm workspace
 * is itself the scenario, cleared for each (so the docs' workspace samples
 * run as written), which is why layout tests of one workspace never overlap.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exec, installCached } from './install';
import { type JestMajor, REPO_ROOT, TARBALL_POINTER, TOOLS_DIR, WORK_DIR } from './paths';
import { Scenario } from './scenario';

/** The layouts under test. */
export const LAYOUTS = ['pnpm', 'npm-workspaces', 'yarn-pnp'] as const;
export type Layout = (typeof LAYOUTS)[number];

const PNPM = path.join(TOOLS_DIR, 'node_modules', '.bin', 'pnpm');
const YARN = path.join(TOOLS_DIR, 'node_modules', '@yarnpkg', 'cli-dist', 'bin', 'yarn.js');

/** Installs pnpm and Yarn from fixtures/tools/package.json. */
export function installTools(): void {
  const template = path.join(REPO_ROOT, 'fixtures', 'tools', 'package.json');
  installCached({
    dir: TOOLS_DIR,
    files: { 'package.json': fs.readFileSync(template, 'utf8') },
    install: (dir) => exec('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir),
  });
}

/** The installed project of a layout. */
export function layoutDir(layout: Layout, jest: JestMajor): string {
  return path.join(WORK_DIR, `${layout}-jest${jest}`);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** What a user installs (README): rampart, jest and its peer jest-environment-node. */
function devDependencies(jest: JestMajor, tarball: string): Record<string, string> {
  const template = path.join(REPO_ROOT, 'fixtures', `jest${jest}`, 'package.json');
  const { devDependencies: pinned = {} } = JSON.parse(fs.readFileSync(template, 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const versionOf = (name: string) => {
    const version = pinned[name];
    if (version === undefined) throw new Error(`${template} must pin ${name}, got no entry`);
    return version;
  };
  return {
    jest: versionOf('jest'),
    'jest-environment-node': versionOf('jest-environment-node'),
    rampart: `file:${tarball}`,
  };
}

function layoutFiles(layout: Layout, jest: JestMajor, tarball: string): Record<string, string> {
  const name = `rampart-layout-${layout}-jest${jest}`;
  const deps = devDependencies(jest, tarball);
  switch (layout) {
    case 'pnpm':
      return {
        'package.json': json({ name, private: true, devDependencies: deps }),
        // No hoisting at all, not even into .pnpm/node_modules: every package
        // sees only its own dependencies and peers.
        'pnpm-workspace.yaml': [
          'hoist: false',
          `storeDir: ${JSON.stringify(path.join(TOOLS_DIR, 'pnpm-store'))}`,
          'allowBuilds:',
          "  '@parcel/watcher': false",
          '',
        ].join('\n'),
      };
    case 'npm-workspaces':
      return {
        'package.json': json({
          name,
          private: true,
          workspaces: ['packages/*'],
          devDependencies: deps,
        }),
        'packages/agent/package.json': json({ name: 'agent', version: '0.0.0', private: true }),
      };
    case 'yarn-pnp':
      return {
        'package.json': json({ name, private: true, devDependencies: deps }),
        '.yarnrc.yml': [
          'nodeLinker: pnp',
          `npmRegistryServer: ${JSON.stringify(npmRegistry())}`,
          'enableTelemetry: false',
          'enableGlobalCache: false',
          `cacheFolder: ${JSON.stringify(path.join(TOOLS_DIR, 'yarn-cache'))}`,
          // Jest 29's resolver cannot start under Yarn's ESM loader on Node 22
          // (fixed in Jest 30); docs/jest-setups.md gives this setting.
          ...(jest === 29 ? ['pnpEnableEsmLoader: false'] : []),
          '',
        ].join('\n'),
        // Marks the project root for Yarn (the repository above is no Yarn project).
        'yarn.lock': '',
      };
  }
}

function npmRegistry(): string {
  return exec('npm', ['config', 'get', 'registry'], REPO_ROOT).trim();
}

/** Scenarios of an earlier tarball go with it. */
function removeScenarios(dir: string): void {
  fs.rmSync(path.join(dir, 'runs'), { recursive: true, force: true });
}

/** Leaves the npm workspace as installed: the manifests of the root and of packages/agent. */
function clearWorkspace(root: string): void {
  const keep = (dir: string, names: string[]) => {
    for (const entry of fs.readdirSync(dir))
      if (!names.includes(entry))
        fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
  };
  keep(root, ['node_modules', 'package.json', 'packages', '.installed']);
  keep(path.join(root, 'packages'), ['agent']);
  keep(path.join(root, 'packages', 'agent'), ['package.json']);
}

/** Installs the project of `layout` for `jest` with the tarball under test, unless in place. */
export function installLayout(layout: Layout, jest: JestMajor): void {
  installTools();
  const tarball = fs.readFileSync(TARBALL_POINTER, 'utf8').trim();
  installCached({
    dir: layoutDir(layout, jest),
    files: layoutFiles(layout, jest, tarball),
    install: (dir) => {
      removeScenarios(dir);
      if (layout === 'pnpm') exec(PNPM, ['install', '--no-frozen-lockfile'], dir);
      else if (layout === 'yarn-pnp')
        exec(process.execPath, [YARN, 'install', '--no-immutable'], dir);
      else exec('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], dir);
    },
  });
}

/**
 * A new, empty scenario in the installed project of `layout`: a directory
 * under runs/, or for the npm workspace the workspace itself, cleared (tests
 * and configs go to its root and to packages/agent). Jest starts as the
 * layout's users start it: the bin in node_modules, or `yarn jest` under
 * Plug'n'Play.
 */
export function createLayoutScenario(layout: Layout, jest: JestMajor, name: string): Scenario {
  const root = layoutDir(layout, jest);
  const command =
    layout === 'yarn-pnp'
      ? [YARN, 'jest']
      : [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js')];
  if (layout === 'npm-workspaces') {
    clearWorkspace(root);
    return new Scenario(jest, root, command);
  }
  const unique = `${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}-${randomBytes(4).toString('hex')}`;
  const dir = path.join(root, 'runs', unique);
  fs.mkdirSync(dir, { recursive: true });
  return new Scenario(jest, dir, command);
}
