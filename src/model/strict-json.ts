/**
 * A JSON reader for trace records that keeps what `JSON.parse` throws away:
 * it rejects numbers that overflow to ±Infinity and strings or keys with lone
 * UTF-16 surrogates, and it reports where a number was written with a
 * fraction or an exponent (`0.0`, `1e0`), so integer fields can insist on
 * integer notation as upstream's decoder does.
 */
import { defineEntry } from './json-safe';

/** Parsed JSON and the paths (`a.b[0].c`) of numbers not written as integers. */
export interface StrictJson {
  value: unknown;
  nonIntegerNotation: Set<string>;
}

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Parses `text`; throws a SyntaxError whose message says what and where. */
export function parseStrictJson(text: string): StrictJson {
  let at = 0;
  const nonIntegerNotation = new Set<string>();
  const fail = (message: string): never => {
    throw new SyntaxError(`${message} at position ${at}`);
  };
  const skipSpace = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at += 1;
  };
  const readString = (): string => {
    const start = at;
    at += 1;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    if (at >= text.length) fail('unterminated string');
    at += 1;
    let value: string;
    try {
      value = JSON.parse(text.slice(start, at)) as string;
    } catch {
      return fail('invalid string');
    }
    if (LONE_SURROGATE.test(value)) fail('string with a lone UTF-16 surrogate');
    return value;
  };
  const readValue = (path: string, depth: number): unknown => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skipSpace();
    const c = text[at];
    if (c === '{') {
      at += 1;
      const object: Record<string, unknown> = {};
      skipSpace();
      if (text[at] === '}') {
        at += 1;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text[at] !== '"') fail('expected a property name');
        const key = readString();
        skipSpace();
        if (text[at] !== ':') fail("expected ':'");
        at += 1;
        // defineEntry: a "__proto__" key stays data, never a prototype.
        defineEntry(object, key, readValue(`${path}.${key}`, depth + 1));
        skipSpace();
        if (text[at] === ',') at += 1;
        else if (text[at] === '}') {
          at += 1;
          return object;
        } else fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      at += 1;
      const array: unknown[] = [];
      skipSpace();
      if (text[at] === ']') {
        at += 1;
        return array;
      }
      for (;;) {
        array.push(readValue(`${path}[${array.length}]`, depth + 1));
        skipSpace();
        if (text[at] === ',') at += 1;
        else if (text[at] === ']') {
          at += 1;
          return array;
        } else fail("expected ',' or ']'");
      }
    }
    if (c === '"') return readString();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (!match) return fail('unexpected token');
    const number = Number(match[0]);
    if (!Number.isFinite(number)) fail('non-finite number');
    if (match[1] !== undefined || match[2] !== undefined) nonIntegerNotation.add(path);
    at += match[0].length;
    return number;
  };
  const value = readValue('', 0);
  skipSpace();
  if (at < text.length) fail('unexpected data after the JSON value');
  return { value, nonIntegerNotation };
}
