/**
 * Packs the built package (npm test builds first) and installs it into one
 * consumer project per Jest major. Installs are reused while the tarball and
 * the template are unchanged.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JEST_VERSIONS, PACK_DIR, REPO_ROOT, TARBALL_POINTER, fixtureDir } from './paths';

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export default function globalSetup(): void {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  }
  fs.rmSync(PACK_DIR, { recursive: true, force: true });
  fs.mkdirSync(PACK_DIR, { recursive: true });
  const packed = JSON.parse(
    npm(['pack', '--json', '--pack-destination', PACK_DIR], REPO_ROOT),
  ) as Array<{ filename: string }>;
  const tarball = path.join(PACK_DIR, (packed[0] as { filename: string }).filename);
  fs.writeFileSync(TARBALL_POINTER, tarball);

  for (const jest of JEST_VERSIONS) {
    const template = path.join(REPO_ROOT, 'fixtures', `jest${jest}`, 'package.json');
    const dir = fixtureDir(jest);
    const stampFile = path.join(dir, '.installed');
    const stamp = `${sha(template)}:${sha(tarball)}`;
    if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) continue;
    fs.mkdirSync(dir, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(template, 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    manifest.dependencies = { rampart: `file:${tarball}` };
    fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // Same name and version as the previous tarball: npm would keep the old copy.
    fs.rmSync(path.join(dir, 'node_modules', 'rampart'), { recursive: true, force: true });
    npm(['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], dir);
    fs.writeFileSync(stampFile, stamp);
  }
}
