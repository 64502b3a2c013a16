import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

type NoticeModule = typeof import('../../../src/jest/missing-reporter-notice');

/** The module as a process that starts now has it: its once-per-process decision not yet taken. */
function freshProcess(): NoticeModule['claimMissingReporterNotice'] {
  let loaded: NoticeModule | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('../../../src/jest/missing-reporter-notice') as NoticeModule;
  });
  return (loaded as NoticeModule).claimMissingReporterNotice;
}

let tmp: string;
let claimMissingReporterNotice: NoticeModule['claimMissingReporterNotice'];
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-notice-test-'));
  claimMissingReporterNotice = freshProcess();
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const uid = String(process.getuid?.() ?? os.userInfo().username);

describe('the missing-reporter notice', () => {
  test('claimed once per run: the first environment of the run gets it, every later one does not', () => {
    expect(claimMissingReporterNotice(tmp)).toBe(true);
    expect(claimMissingReporterNotice(tmp)).toBe(false);
    // Another process or thread of the same run: the marker file answers.
    expect(freshProcess()(tmp)).toBe(false);
    expect(fs.readdirSync(tmp)).toEqual([
      expect.stringMatching(new RegExp(`^rampart-notice-${uid}-\\d+$`)),
    ]);
  });

  test('the marker of a run whose process is gone is removed; others are kept', () => {
    const dead = path.join(tmp, `rampart-notice-${uid}-99999999`);
    const otherUser = path.join(tmp, 'rampart-notice-someone-99999999');
    fs.writeFileSync(dead, '');
    fs.writeFileSync(otherUser, '');
    expect(claimMissingReporterNotice(tmp)).toBe(true);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(otherUser)).toBe(true);
  });
});
