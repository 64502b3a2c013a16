import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  claimMissingReporterNotice,
  resetMissingReporterNotice,
} from '../../../src/jest/missing-reporter-notice';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-notice-test-'));
  resetMissingReporterNotice();
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const uid = String(process.getuid?.() ?? os.userInfo().username);

describe('the missing-reporter notice', () => {
  test('claimed once per run: the first environment of the run gets it, every later one does not', () => {
    expect(claimMissingReporterNotice(tmp)).toBe(true);
    expect(claimMissingReporterNotice(tmp)).toBe(false);
    // Another process or thread of the same run: the marker file answers.
    resetMissingReporterNotice();
    expect(claimMissingReporterNotice(tmp)).toBe(false);
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
