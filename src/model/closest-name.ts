/**
 * "Did you mean": the known name closest to a mistyped one, shared by the
 * CLI's arguments and the reporter's and environment's options.
 */
import { describeValue } from './value-description';

/** Edit distance with adjacent transpositions (`outptu` is 1 away from `output`). */
function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => (rows[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The name in `names` closest to `input`, when it is close enough to be a typo; else null. */
export function closestName(input: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = distance(input.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  // A third of the name may be wrong (at least one character, at most three).
  const allowed = Math.min(3, Math.max(1, Math.floor(input.length / 3)));
  return best !== null && bestDistance <= allowed ? best : null;
}

/**
 * `<owner> has no option "<key>" (did you mean "<name>"?); known options: <names>`:
 * the one message for an unknown option key.
 */
export function unknownOptionMessage(owner: string, key: string, known: readonly string[]): string {
  const guess = closestName(key, known);
  const hint = guess !== null ? ` (did you mean ${describeValue(guess)}?)` : '';
  return `${owner} has no option ${describeValue(key)}${hint}; known options: ${known.join(', ')}`;
}
