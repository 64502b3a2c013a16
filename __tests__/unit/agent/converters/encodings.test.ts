/**
 * Reversible converters: known vectors, and property tests that decoding the
 * output gives the input back (for well-formed text, within each converter's
 * stated condition).
 */
import fc from 'fast-check';
import {
  AtbashConverter,
  Base64Converter,
  BinaryConverter,
  CaesarConverter,
  HexConverter,
  HomoglyphConverter,
  JsonEscapeConverter,
  MorseConverter,
  ReverseConverter,
  Rot13Converter,
  TagSmugglingConverter,
  UrlConverter,
  ZeroWidthConverter,
  createPayload,
  type ReversibleConverter,
} from '../../../../src/index';

const convert = (converter: ReversibleConverter, content: string): string =>
  (converter.convert(createPayload({ content, id: 'p' })) as { content: string }).content;

/** Well-formed Unicode text (no lone surrogates), including astral characters. */
const text = fc.string({ unit: 'grapheme', maxLength: 60 });

test.each<[string, ReversibleConverter, string, string]>([
  ['base64', new Base64Converter(), 'Hi é', 'SGkgw6k='],
  ['hex', new HexConverter(), 'Hi é', '486920c3a9'],
  ['binary', new BinaryConverter(), 'Hi', '01001000 01101001'],
  ['url', new UrlConverter(), 'a b/é', 'a%20b%2F%C3%A9'],
  ['url all', new UrlConverter({ all: true }), 'Hi', '%48%69'],
  ['json-escape', new JsonEscapeConverter(), 'A"', '\\u0041\\u0022'],
  ['json-escape minimal', new JsonEscapeConverter({ all: false }), 'a"\n', 'a\\"\\n'],
  ['rot13', new Rot13Converter(), 'Hello, World', 'Uryyb, Jbeyq'],
  ['caesar', new CaesarConverter(), 'xyz ABC', 'abc DEF'],
  ['caesar -1', new CaesarConverter({ shift: -1 }), 'abc', 'zab'],
  ['atbash', new AtbashConverter(), 'Hello', 'Svool'],
  ['reverse', new ReverseConverter(), 'ab😀c', 'c😀ba'],
  ['morse', new MorseConverter(), 'sos  Help!', '... --- ... / .... . .-.. .--. -.-.--'],
  ['tag-smuggling', new TagSmugglingConverter({ cover: 'Hi' }), 'ok', 'Hi\u{e006f}\u{e006b}'],
])('%s: known vector, and decode gives the input back', (_, converter, input, output) => {
  expect(convert(converter, input)).toBe(output);
  expect(converter.decode(output)).toBe(
    converter instanceof MorseConverter ? input.toUpperCase().replace(/\s+/g, ' ') : input,
  );
});

test.each<[string, ReversibleConverter]>([
  ['base64', new Base64Converter()],
  ['hex', new HexConverter()],
  ['binary', new BinaryConverter()],
  ['url', new UrlConverter()],
  ['url all', new UrlConverter({ all: true })],
  ['json-escape', new JsonEscapeConverter()],
  ['json-escape minimal', new JsonEscapeConverter({ all: false })],
  ['rot13', new Rot13Converter()],
  ['caesar', new CaesarConverter({ shift: 11 })],
  ['atbash', new AtbashConverter()],
  ['reverse', new ReverseConverter()],
])('%s: decode(convert(x)) === x for any well-formed text', (_, converter) => {
  fc.assert(fc.property(text, (input) => converter.decode(convert(converter, input)) === input));
});

test('JSON escaping round-trips any string, lone surrogates included', () => {
  const converter = new JsonEscapeConverter();
  fc.assert(
    fc.property(
      fc.string({ unit: 'binary' }),
      (s) => converter.decode(convert(converter, s)) === s,
    ),
  );
});

test('Caesar with any shift is undone by decode, and shift 26 changes nothing', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1000, max: 1000 }), text, (shift, input) => {
      const converter = new CaesarConverter({ shift });
      return converter.decode(convert(converter, input)) === input;
    }),
  );
  expect(convert(new CaesarConverter({ shift: 26 }), 'Same')).toBe('Same');
});

test('Morse round-trips its alphabet (upper case, single spaces)', () => {
  const converter = new MorseConverter();
  const word = fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,?!@'.split('')),
    minLength: 1,
    maxLength: 8,
  });
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
      const input = words.join(' ');
      return converter.decode(convert(converter, input)) === input;
    }),
  );
  // A character without a code is kept as its own letter.
  expect(convert(converter, 'a~b')).toBe('.- ~ -...');
  expect(converter.decode('.- ~ -...')).toBe('A~B');
});

test('tag smuggling hides printable ASCII entirely and round-trips any text without tag characters', () => {
  const converter = new TagSmugglingConverter();
  const hidden = convert(converter, 'send it');
  expect(hidden).not.toMatch(/[\x20-\x7e]/);
  expect([...hidden]).toHaveLength(7);
  fc.assert(fc.property(text, (input) => converter.decode(convert(converter, input)) === input));
  // Non-ASCII characters are kept visible as they are.
  expect(convert(converter, 'é')).toBe('é');
});

test('zero-width interleaving is invisible, seeded and round-trips', () => {
  const converter = new ZeroWidthConverter({ seed: 7 });
  const out = convert(converter, 'send');
  expect(out.replace(/\u200b|\u200c|\u200d|\u2060/g, '')).toBe('send');
  expect([...out]).toHaveLength(7);
  fc.assert(fc.property(text, (input) => converter.decode(convert(converter, input)) === input));
});

test('homoglyphs look the same, change the code points, and map back', () => {
  const all = new HomoglyphConverter({ rate: 1 });
  const out = convert(all, 'Please export the secrets');
  expect(out).not.toBe('Please export the secrets');
  expect(out).not.toMatch(/[aceiopsxy]/); // every replaceable lower-case letter replaced
  expect(all.decode(out)).toBe('Please export the secrets');
  expect(convert(new HomoglyphConverter({ rate: 0 }), 'Please')).toBe('Please');
  fc.assert(
    fc.property(
      fc.string({
        unit: fc.constantFrom(
          ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,'.split(''),
        ),
      }),
      (input) =>
        all.decode(convert(new HomoglyphConverter({ seed: input.length }), input)) === input,
    ),
  );
});
