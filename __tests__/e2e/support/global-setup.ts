/**
 * Installs the Node that runs the consumer projects' Jest (see
 * node-versions.ts), packs the built package (npm test builds first) and
 * installs it into one consumer project per Jest major. Installs are reused
 * while the tarball and the templates are unchanged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exec, installCached, sha256File } from './install';
import { NODE_VAR, installE2eNode } from './node-versions';
import {
  JEST_VERSIONS,
  PACK_DIR,
  REPO_ROOT,
  TARBALL_POINTER,
  WORK_DIR,
  WORK_DIR_VAR,
  fixtureDir,
} from './paths';

/** Fails when packages above WORK_DIR could stand in for what a fixture lacks. */
function assertNothingAbove(dir: string): void {
  for (let up = path.dirname(dir); ; up = path.dirname(up)) {
    for (const entry of ['node_modules', '.pnp.cjs']) {
      const found = path.join(up, entry);
      if (fs.existsSync(found))
        throw new Error(
          `${WORK_DIR_VAR} must be a directory with no node_modules or .pnp.cjs above it, got ${JSON.stringify(dir)} (found ${found})`,
        );
    }
    if (path.dirname(up) === up) return;
  }
}

export default function globalSetup(): void {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  }
  assertNothingAbove(WORK_DIR);
  const node = installE2eNode();
  const chosen = process.env[NODE_VAR] ? `${NODE_VAR}=${process.env[NODE_VAR]}` : 'this Node';
  process.stdout.write(`\nEnd-to-end tests run Jest on Node ${node.version} (${chosen}).\n`);

  fs.rmSync(PACK_DIR, { recursive: true, force: true });
  fs.mkdirSync(PACK_DIR, { recursive: true });
  const packed = JSON.parse(
    exec('npm', ['pack', '--json', '--pack-destination', PACK_DIR], REPO_ROOT),
  ) as Array<{ filename: string }>;
  // Named by content: package managers that cache `file:` tarballs by path
  // (Yarn checks them against its lockfile) see each new build as new.
  const packedFile = path.join(PACK_DIR, (packed[0] as { filename: string }).filename);
  const hash = sha256File(packedFile);
  const tarball = path.join(PACK_DIR, `rampart-${hash.slice(0, 16)}.tgz`);
  fs.renameSync(packedFile, tarball);
  fs.writeFileSync(TARBALL_POINTER, tarball);

  for (const jest of JEST_VERSIONS) {
    const template = path.join(REPO_ROOT, 'fixtures', `jest${jest}`, 'package.json');
    const manifest = JSON.parse(fs.readFileSync(template, 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    manifest.dependencies = { rampart: `file:${tarball}` };
    installCached({
      dir: fixtureDir(jest),
      files: { 'package.json': `${JSON.stringify(manifest, null, 2)}\n` },
      inputs: [hash],
      install: (dir) => {
        // npm may keep an installed copy of the same name and version.
        fs.rmSync(path.join(dir, 'node_modules', 'rampart'), { recursive: true, force: true });
        exec(
          'npm',
          ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
          dir,
        );
      },
    });
  }
}
