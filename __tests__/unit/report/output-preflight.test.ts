/** The check of output folders before the run, and the .gitignore of RAMPART's own folder (docs/reporter.md). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  OUTPUT_FOLDER_GITIGNORE,
  createIgnoredOutputFolder,
} from '../../../src/report/ignored-output-folder';
import { outputDirectoryProblem, preflightOutputs } from '../../../src/report/output-preflight';
import { nearBuiltInHarmCategory } from '../../../src/model/result-status';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-preflight-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('outputDirectoryProblem', () => {
  test('an existing folder, or one that can be created under one, is fine; nothing is created', () => {
    expect(outputDirectoryProblem(dir)).toBeNull();
    expect(outputDirectoryProblem(path.join(dir, 'a', 'b'))).toBeNull();
    expect(fs.existsSync(path.join(dir, 'a'))).toBe(false);
  });

  test('a file on the way is named', () => {
    fs.writeFileSync(path.join(dir, 'blocked'), 'x');
    expect(outputDirectoryProblem(path.join(dir, 'blocked'))).toBe(
      `${path.join(dir, 'blocked')} is a file, not a folder`,
    );
    expect(outputDirectoryProblem(path.join(dir, 'blocked', 'reports', 'deep'))).toBe(
      `${path.join(dir, 'blocked')} is a file, not a folder`,
    );
  });

  test('one message per output that cannot be written, in the one message form', () => {
    fs.writeFileSync(path.join(dir, 'blocked'), 'x');
    expect(
      preflightOutputs([
        { option: 'rampart/reporter option "outputDir"', dir: path.join(dir, 'blocked', 'r') },
        { option: 'other', dir },
      ]),
    ).toEqual([
      `rampart/reporter option "outputDir" must be a folder RAMPART can create and write, got "${path.join(dir, 'blocked', 'r')}" (${path.join(dir, 'blocked')} is a file, not a folder)`,
    ]);
  });
});

describe('createIgnoredOutputFolder', () => {
  test('creates the folder with a .gitignore holding *, and keeps an existing .gitignore', () => {
    const target = path.join(dir, 'x', '.rampart');
    createIgnoredOutputFolder(target);
    expect(fs.readFileSync(path.join(target, '.gitignore'), 'utf8')).toBe(OUTPUT_FOLDER_GITIGNORE);
    expect(OUTPUT_FOLDER_GITIGNORE.split('\n')).toContain('*');
    fs.writeFileSync(path.join(target, '.gitignore'), 'mine\n', { flag: 'w' });
    createIgnoredOutputFolder(target);
    expect(fs.readFileSync(path.join(target, '.gitignore'), 'utf8')).toBe('mine\n');
  });
});

describe('nearBuiltInHarmCategory', () => {
  test.each([
    ['Data Exfiltration', 'data_exfiltration'],
    ['data-exfiltration', 'data_exfiltration'],
    ['PROMPT_INJECTION', 'prompt_injection'],
    ['  jail break ', 'jailbreak'],
  ])('%p is almost %p', (category, builtIn) => {
    expect(nearBuiltInHarmCategory(category)).toBe(builtIn);
  });

  test.each(['data_exfiltration', 'team_specific_risk', 'exfiltration'])(
    '%p is a built-in or unlike any',
    (category) => {
      expect(nearBuiltInHarmCategory(category)).toBeNull();
    },
  );
});
