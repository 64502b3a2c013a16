import { spacedBlock, writeLines } from '../../../src/report/terminal-output';

/** What `write` sends to stderr, piece by piece. */
function written(write: () => void): string[] {
  const pieces: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    pieces.push(String(chunk));
    return true;
  });
  try {
    write();
  } finally {
    spy.mockRestore();
  }
  return pieces;
}

test('every line ended by a line break, written in pieces as the lines are produced', () => {
  const lines = Array.from({ length: 25_000 }, (_, i) => `line ${i} ${'x'.repeat(i % 300)}`);
  let produced = 0;
  const pieces = written(() =>
    writeLines(
      (function* () {
        for (const line of lines) {
          produced += 1;
          yield line;
        }
      })(),
    ),
  );
  expect(produced).toBe(lines.length);
  expect(pieces.join('')).toBe(lines.map((line) => `${line}\n`).join(''));
  expect(pieces.length).toBeGreaterThan(2);
  for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual((1 << 20) + 400);
});

test('no line, no write', () => {
  expect(written(() => writeLines([]))).toEqual([]);
  expect(written(() => writeLines(spacedBlock([])))).toEqual([]);
});

test('a block: its lines between two empty lines', () => {
  expect([...spacedBlock(['a', 'b'])]).toEqual(['', 'a', 'b', '']);
  expect(written(() => writeLines(spacedBlock(['a'])))).toEqual(['\na\n\n']);
});
