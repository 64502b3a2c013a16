/** Leetspeak of a text payload. */
import { TextConverter } from './converter';

const LEET: Readonly<Record<string, string>> = {
  a: '4',
  b: '8',
  e: '3',
  g: '9',
  i: '1',
  l: '|',
  o: '0',
  s: '5',
  t: '7',
  z: '2',
};

/**
 * Replaces letters by look-alike digits and symbols (a→4, e→3, o→0, ...),
 * case-insensitively. Not reversible: `1` could have been `i` or a digit.
 */
export class LeetspeakConverter extends TextConverter {
  readonly name = 'leetspeak';

  protected transform(content: string): string {
    return content.replace(/[a-zA-Z]/g, (c) => LEET[c.toLowerCase()] ?? c);
  }
}
