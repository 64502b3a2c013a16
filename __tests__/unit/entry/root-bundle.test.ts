/**
 * scripts/bundle-root.js (the last step of `npm run build`) puts the modules
 * `require('rampart')` loads into one file and leaves a stand-in in each of
 * their places (docs/performance-analysis.md, "What keeps the import
 * cheap"). Checked on a small compiled package of the same shape: the same
 * exports, file names and folders as before, one evaluation of each module
 * whoever requires it (the root or a module loaded later), cycles as Node
 * has them, named imports from ES modules, and no second bundling of a
 * bundled folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../../scripts/bundle-root.js');

/** A package as tsc writes it: the root requires a, b (a cycle) and sub/; later.js is required on first use. */
const FILES: Record<string, string> = {
  'index.js': `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.where = exports.A = void 0;
const a_1 = require("./a");
exports.A = a_1.A;
exports.where = require("./sub").where;
Object.defineProperty(exports, "later", { enumerable: true, get: () => require("./later").value });
exports.count = () => globalThis.evaluations;
//# sourceMappingURL=index.js.map
`,
  'a.js': `"use strict";
globalThis.evaluations = (globalThis.evaluations || 0) + 1;
const b = require("./b");
class A {}
exports.A = A;
exports.bSawA = b.sawA;
`,
  'b.js': `"use strict";
const a = require("./a.js");
exports.sawA = Object.keys(a).join(",") || "partial";
`,
  'sub/index.js': `"use strict";
exports.where = [__dirname, __filename, typeof module, typeof exports];
`,
  'later.js': `"use strict";
const a = require("./a");
exports.value = { A: a.A, bSawA: a.bSawA, fs: typeof require("node:fs").readFileSync };
`,
};

/** What a CommonJS user of the package sees: the values, the identities and the modules loaded. */
const PROBE = `
const path = require('node:path');
const dist = process.argv[1];
const root = require(path.join(dist, 'index.js'));
const loaded = () => Object.keys(require.cache).filter((f) => f.startsWith(dist + path.sep)).map((f) => path.relative(dist, f)).sort();
const before = loaded();
const later = root.later;
console.log(JSON.stringify({ values: {
  names: Object.keys(root),
  where: [...root.where.slice(0, 2).map((p) => path.relative(dist, p)), ...root.where.slice(2)],
  sameA: later.A === root.A && require(path.join(dist, 'a.js')).A === root.A,
  bSawA: later.bSawA,
  fs: later.fs,
  evaluations: root.count(),
}, before,
  after: loaded(),
}));`;

let dist: string;
beforeEach(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-bundle-root-'));
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dist, name)), { recursive: true });
    fs.writeFileSync(path.join(dist, name), text);
  }
});
afterEach(() => fs.rmSync(dist, { recursive: true, force: true }));

const probe = () =>
  JSON.parse(execFileSync(process.execPath, ['-e', PROBE, dist], { encoding: 'utf8' })) as {
    values: Record<string, unknown>;
    before: string[];
    after: string[];
  };
const bundle = () => spawnSync(process.execPath, [SCRIPT, dist], { encoding: 'utf8' });

test('the bundled package gives what the modules gave, from one file', () => {
  const unbundled = probe();
  expect(unbundled.before).toEqual(['a.js', 'b.js', 'index.js', 'sub/index.js']);
  const run = bundle();
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const bundled = probe();
  expect(bundled.before).toEqual(['index.js', 'root-modules.js']);
  // later.js is required through its own file; it takes a.js through the stand-in.
  expect(bundled.after).toEqual(['a.js', 'index.js', 'later.js', 'root-modules.js']);
  expect(unbundled.after).toEqual(['a.js', 'b.js', 'index.js', 'later.js', 'sub/index.js']);
  expect(bundled.values).toEqual(unbundled.values);
  expect(unbundled.values).toEqual({
    names: ['A', 'where', 'later', 'count'],
    where: ['sub', path.join('sub', 'index.js'), 'object', 'object'],
    sameA: true,
    bSawA: 'partial',
    fs: 'function',
    evaluations: 1,
  });
});

test('ES modules import the names of the bundled root', () => {
  expect(bundle().status).toBe(0);
  const esm = `import { A, where, later } from ${JSON.stringify(path.join(dist, 'index.js'))};
console.log(typeof A, where[0].endsWith('sub'), later.A === A);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', esm], {
    encoding: 'utf8',
  });
  expect(out.trim()).toBe('function true true');
});

test('a bundled folder is not bundled again', () => {
  expect(bundle().status).toBe(0);
  const again = bundle();
  expect(again.status).not.toBe(0);
  expect(again.stderr).toContain('is bundled already');
});

test('a root module that needs what the table does not give stops the build, named', () => {
  fs.appendFileSync(path.join(dist, 'b.js'), 'exports.here = require.resolve("./a");\n');
  const run = bundle();
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('b.js uses require.resolve');
  expect(fs.existsSync(path.join(dist, 'root-modules.js'))).toBe(false);
});
