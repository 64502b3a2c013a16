/**
 * The e2e suites' cached installs (__tests__/e2e/support/install.ts) when
 * suites in parallel Jest workers need the same install: one process
 * installs, the others wait and reuse it; a lock left by a killed run is
 * taken over.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { installCached } from '../../e2e/support/install';

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-install-'));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** install.ts as CommonJS, for plain Node child processes. */
function installModule(): string {
  const source = fs.readFileSync(path.join(__dirname, '../../e2e/support/install.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const file = path.join(work, 'install.js');
  fs.writeFileSync(file, outputText);
  return file;
}

/** A process that calls installCached on `dir`; its install logs its start and end around a pause. */
function installer(module: string, dir: string, log: string): Promise<string> {
  const script = `
    const fs = require('node:fs');
    const { installCached } = require(${JSON.stringify(module)});
    const installed = installCached({
      dir: ${JSON.stringify(dir)},
      files: { 'package.json': '{}' },
      install: () => {
        fs.appendFileSync(${JSON.stringify(log)}, 'start ' + process.pid + '\\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
        fs.appendFileSync(${JSON.stringify(log)}, 'end ' + process.pid + '\\n');
      },
    });
    process.stdout.write(String(installed));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`installer exited with ${code}`)),
    );
  });
}

/** The pid of a process that has exited. */
function deadPid(): string {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  }).stdout;
}

test.each([
  ['installing the same project at once: one installs, the others wait and reuse it', false],
  ['that find the same dead holder at once take its lock over one at a time', true],
])('processes %s', async (_name, deadHolder) => {
  const module = installModule();
  const dir = path.join(work, 'fixture');
  const log = path.join(work, 'log');
  if (deadHolder) fs.writeFileSync(`${dir}.lock`, deadPid());
  const outcomes = await Promise.all([1, 2, 3].map(() => installer(module, dir, log)));
  expect(outcomes.sort()).toEqual(['false', 'false', 'true']);
  const lines = fs.readFileSync(log, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]?.replace('start', 'end')).toBe(lines[1]);
  expect(fs.readdirSync(work).sort()).toEqual(['fixture', 'install.js', 'log']);
});

test('a lock left by a process that no longer runs is taken over', () => {
  const dir = path.join(work, 'fixture');
  fs.writeFileSync(`${dir}.lock`, deadPid());
  const installs: string[] = [];
  const installed = installCached({
    dir,
    files: { 'package.json': '{}' },
    install: (where) => void installs.push(where),
  });
  expect(installed).toBe(true);
  expect(installs).toEqual([dir]);
  expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  // Installed: the next call reuses it.
  expect(installCached({ dir, files: { 'package.json': '{}' }, install: () => undefined })).toBe(
    false,
  );
});
