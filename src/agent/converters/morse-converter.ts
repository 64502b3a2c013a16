/** Morse code of a text payload. */
import { type ReversibleConverter, TextConverter } from './converter';

const CODES: Readonly<Record<string, string>> = {
  A: '.-',
  B: '-...',
  C: '-.-.',
  D: '-..',
  E: '.',
  F: '..-.',
  G: '--.',
  H: '....',
  I: '..',
  J: '.---',
  K: '-.-',
  L: '.-..',
  M: '--',
  N: '-.',
  O: '---',
  P: '.--.',
  Q: '--.-',
  R: '.-.',
  S: '...',
  T: '-',
  U: '..-',
  V: '...-',
  W: '.--',
  X: '-..-',
  Y: '-.--',
  Z: '--..',
  '0': '-----',
  '1': '.----',
  '2': '..---',
  '3': '...--',
  '4': '....-',
  '5': '.....',
  '6': '-....',
  '7': '--...',
  '8': '---..',
  '9': '----.',
  '.': '.-.-.-',
  ',': '--..--',
  '?': '..--..',
  "'": '.----.',
  '!': '-.-.--',
  '/': '-..-.',
  '(': '-.--.',
  ')': '-.--.-',
  '&': '.-...',
  ':': '---...',
  ';': '-.-.-.',
  '=': '-...-',
  '+': '.-.-.',
  '-': '-....-',
  _: '..--.-',
  '"': '.-..-.',
  $: '...-..-',
  '@': '.--.-.',
};
const LETTERS: ReadonlyMap<string, string> = new Map(
  Object.entries(CODES).map(([letter, code]) => [code, letter]),
);
/** Separates words; letters are separated by one space. */
const WORD_GAP = ' / ';

/**
 * Writes the content in International Morse code: letters (case-folded),
 * digits and common punctuation; letters separated by spaces, words by ` / `.
 * A character without a code is kept as it is, as its own letter.
 */
export class MorseConverter extends TextConverter implements ReversibleConverter {
  readonly name = 'morse';

  protected transform(content: string): string {
    return content
      .trim()
      .split(/\s+/)
      .filter((word) => word.length > 0)
      .map((word) =>
        Array.from(word.toUpperCase())
          .map((c) => CODES[c] ?? c)
          .join(' '),
      )
      .join(WORD_GAP);
  }

  /** Upper-case text with single spaces between words. */
  decode(content: string): string {
    return content
      .split(WORD_GAP)
      .map((word) =>
        word
          .split(' ')
          .filter((code) => code.length > 0)
          .map((code) => LETTERS.get(code) ?? code)
          .join(''),
      )
      .join(' ');
  }
}
