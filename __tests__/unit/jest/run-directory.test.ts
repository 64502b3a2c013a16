import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createRunDirectory,
  sweepAbandonedRunDirectories,
} from '../../../src/jest/transport/run-directory';

const DAY = 24 * 60 * 60 * 1000;

function fakeRun(pid: number, ageMs: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rampart-run-${pid}-`));
  fs.writeFileSync(path.join(dir, 'x.jsonl'), '');
  const when = new Date(Date.now() - ageMs);
  fs.utimesSync(dir, when, when);
  return dir;
}

describe('run directories', () => {
  test('are private and named after the owning process', () => {
    const dir = createRunDirectory();
    try {
      expect(path.basename(dir)).toMatch(new RegExp(`^rampart-run-${process.pid}-`));
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the sweep removes only old directories of processes that are gone', async () => {
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    const abandoned = fakeRun(deadPid, 2 * DAY);
    const recent = fakeRun(deadPid, 60 * 1000);
    const alive = fakeRun(process.pid, 2 * DAY);
    try {
      await sweepAbandonedRunDirectories();
      expect(fs.existsSync(abandoned)).toBe(false);
      expect(fs.existsSync(recent)).toBe(true);
      expect(fs.existsSync(alive)).toBe(true);
    } finally {
      for (const dir of [abandoned, recent, alive])
        fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
