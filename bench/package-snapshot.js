// The copy of rampart the benchmark measures: src/ compiled by tsc (with the
// project's tsconfig.build.json) into bench/.work/node_modules/rampart/dist,
// next to a copy of package.json. bench/.work/package.json (another name)
// ends the package scope, so the suites under bench/.work/ resolve `rampart`,
// `rampart/env` and `rampart/reporter` through node_modules, exactly as an
// installed package. The shared dist/ is never read or rebuilt: other
// engineers' `npm run build` (rm -rf dist) cannot break a running benchmark.
// With a git ref (--ref=HEAD), src/ and the build config come from that
// commit instead of the working tree, so unfinished local edits are not measured.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

function git(args) {
  const run = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : null;
}

// The tree to compile: the working tree, or `ref` exported to workDir/source.
function sourceTree(workDir, ref) {
  if (!ref) return ROOT;
  const dir = path.join(workDir, 'source');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
  // The build's last step, where the commit has it.
  if (git(['ls-tree', '--name-only', ref, 'scripts/bundle-root.js']))
    files.push('scripts/bundle-root.js');
  const archive = spawnSync('git', ['archive', '--format=tar', ref, ...files], {
    cwd: ROOT,
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (archive.status !== 0) throw new Error(`git archive ${ref} failed: ${archive.stderr}`);
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
  return dir;
}

/**
 * Compiles src/ (of the working tree, or of git `ref`) into the snapshot;
 * returns what was measured.
 */
function buildSnapshot(workDir, { ref = null } = {}) {
  const tree = sourceTree(workDir, ref);
  const pkgDir = path.join(workDir, 'node_modules', 'rampart');
  fs.rmSync(pkgDir, { recursive: true, force: true });
  fs.mkdirSync(pkgDir, { recursive: true });
  fs.writeFileSync(
    path.join(workDir, 'package.json'),
    `${JSON.stringify({ name: 'rampart-bench-work', private: true }, null, 2)}\n`,
  );
  fs.copyFileSync(path.join(tree, 'package.json'), path.join(pkgDir, 'package.json'));
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  const outDir = path.join(pkgDir, 'dist');
  const config = path.join(tree, 'tsconfig.build.json');
  const build = spawnSync(
    process.execPath,
    [tsc, '-p', config, '--outDir', outDir, '--declaration', 'false'],
    { cwd: tree, encoding: 'utf8' },
  );
  if (!fs.existsSync(path.join(outDir, 'index.js'))) {
    if (tree !== ROOT) fs.rmSync(tree, { recursive: true, force: true });
    throw new Error(`tsc produced no build of src/:\n${build.stdout}${build.stderr}`);
  }
  // The rest of `npm run build`, as the measured tree has it (older commits have none).
  const bundle = path.join(tree, 'scripts', 'bundle-root.js');
  const bundled = fs.existsSync(bundle)
    ? spawnSync(process.execPath, [bundle, outDir], { encoding: 'utf8' })
    : null;
  // tsconfig.json type-checks bench/**: leave no .ts copies behind for `npm run lint`.
  if (tree !== ROOT) fs.rmSync(tree, { recursive: true, force: true });
  if (bundled && bundled.status !== 0)
    throw new Error(`scripts/bundle-root.js failed:\n${bundled.stdout}${bundled.stderr}`);
  const dirty = ref ? null : git(['status', '--porcelain', '--', 'src']);
  return {
    source: ref ? `git ref ${ref}` : 'working tree',
    commit: git(['rev-parse', ref ?? 'HEAD']),
    srcLocalChanges: dirty ? dirty.split('\n').length : 0,
    // tsc still emits on type errors (someone may be mid-edit); say so.
    tscErrors: build.status === 0 ? null : `${build.stdout}${build.stderr}`.slice(0, 2000),
  };
}

module.exports = { buildSnapshot };
