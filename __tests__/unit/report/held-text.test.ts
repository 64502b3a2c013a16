import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HELD_TEXT_FOLDER_PREFIX, type HeldText, HeldTexts } from '../../../src/report/held-text';

let parentDir: string;
beforeEach(() => {
  parentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-held-text-test-'));
});
afterEach(() => fs.rmSync(parentDir, { recursive: true, force: true }));

/** Numbered texts of one HeldTexts, each piece one line, as the summary uses them. */
class Buckets {
  readonly texts: HeldTexts;
  private readonly byNumber: HeldText[] = [];
  constructor(options: { tempDir: string; heldChars?: number }) {
    this.texts = new HeldTexts(options);
  }
  add(bucket: number, line: string): void {
    (this.byNumber[bucket] ??= this.texts.text()).add(`${line}\n`);
  }
  count(bucket: number): number {
    return this.byNumber[bucket]?.count ?? 0;
  }
  lines(bucket: number): Iterable<string> {
    return this.byNumber[bucket]?.lines() ?? [];
  }
  close(): void {
    this.texts.close();
  }
}

/** Lines of several lengths (multi-byte characters, one over a read chunk) spread over buckets. */
function fill(buckets: Buckets): string[][] {
  const expected: string[][] = [[], [], [], []];
  for (let i = 0; i < 3000; i += 1) {
    const bucket = (i * 7) % 4;
    const line =
      i === 1234
        ? 'x'.repeat(1024 * 1024 + 17)
        : `line ${i} — ${'é'.repeat(i % 13)} ${'✓'.repeat(i % 5)}`;
    buckets.add(bucket, line);
    (expected[bucket] as string[]).push(line);
  }
  buckets.add(3, '');
  (expected[3] as string[]).push('');
  return expected;
}

const spillFolders = () =>
  fs.readdirSync(parentDir).filter((n) => n.startsWith(HELD_TEXT_FOLDER_PREFIX));

test('each bucket gives its lines back in the order added, held or written out', () => {
  for (const budgetChars of [Infinity, 0, 10_000]) {
    const buckets = new Buckets({ tempDir: parentDir, heldChars: budgetChars });
    const expected = fill(buckets);
    for (const [bucket, lines] of expected.entries()) {
      expect(buckets.count(bucket)).toBe(lines.length);
      expect([...buckets.lines(bucket)]).toEqual(lines);
      // Read as often as asked.
      expect([...buckets.lines(bucket)]).toEqual(lines);
    }
    expect([...buckets.lines(9)]).toEqual([]);
    expect(buckets.count(9)).toBe(0);
    buckets.close();
  }
});

test('past the budget the lines are in files of a private folder, which close() removes', () => {
  const buckets = new Buckets({ tempDir: parentDir, heldChars: 100 });
  for (let i = 0; i < 50; i += 1) buckets.add(i % 2, `line ${i}`);
  const [folder] = spillFolders();
  expect(folder).toBeDefined();
  const dir = path.join(parentDir, folder as string);
  expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  const written = fs.readdirSync(dir).sort();
  expect(written).toEqual(['text-0', 'text-1']);
  expect(fs.readFileSync(path.join(dir, 'text-0'), 'utf8').split('\n')[0]).toBe('line 0');
  buckets.close();
  expect(spillFolders()).toEqual([]);
});

test('within the budget nothing is written', () => {
  const buckets = new Buckets({ tempDir: parentDir });
  buckets.add(0, 'a');
  expect([...buckets.lines(0)]).toEqual(['a']);
  expect(spillFolders()).toEqual([]);
  buckets.close();
});

test('a folder that cannot be made keeps every line in memory', () => {
  const buckets = new Buckets({ tempDir: path.join(parentDir, 'missing'), heldChars: 0 });
  const expected = fill(buckets);
  for (const [bucket, lines] of expected.entries())
    expect([...buckets.lines(bucket)]).toEqual(lines);
  buckets.close();
});

test('a bucket whose file cannot be written keeps its lines, and every line after', () => {
  const buckets = new Buckets({ tempDir: parentDir, heldChars: 0 });
  buckets.add(0, 'first');
  const [folder] = spillFolders();
  // Something in the way of bucket 1's file: its open fails.
  fs.mkdirSync(path.join(parentDir, folder as string, 'text-1'));
  buckets.add(1, 'second');
  buckets.add(0, 'third');
  expect(fs.readFileSync(path.join(parentDir, folder as string, 'text-0'), 'utf8')).toBe('first\n');
  expect([...buckets.lines(0)]).toEqual(['first', 'third']);
  expect([...buckets.lines(1)]).toEqual(['second']);
  buckets.close();
  expect(spillFolders()).toEqual([]);
});
