/**
 * PayloadStore: upstream's on-disk layout, round trips (artifacts too),
 * collections appear whole and are never replaced, names and paths are
 * validated, and a damaged collection is reported with the file and line.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DocxConverter,
  EXAMPLE_OBJECTIVE,
  PayloadStore,
  createPayload,
  payloadTemplate,
} from '../../../../src/index';

let root: string;
let store: PayloadStore;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-store-'));
  store = new PayloadStore({ root: path.join(root, 'payloads') });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const text = payloadTemplate('urgency.outage').fill(EXAMPLE_OBJECTIVE, { id: 'u-1' });
const markdown = createPayload({
  content: '![x](y)',
  id: 'm-1',
  format: 'markdown',
  metadata: { n: 1 },
});

test('saves upstream’s layout and loads the same payloads back', () => {
  const docx = new DocxConverter({ outputDir: root }).convert(
    createPayload({ content: 'doc', id: 'd-1' }),
  );
  const dir = store.save('variants', [text, markdown, docx], {
    model: 'scripted',
    date: '2026-12-01',
  });
  expect(dir).toBe(path.join(root, 'payloads', 'variants'));
  expect(fs.readdirSync(dir).sort()).toEqual(['artifacts', 'manifest.json', 'payloads.jsonl']);
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))).toEqual({
    collection: 'variants',
    count: 3,
    formats: ['docx', 'markdown', 'text'],
    provenance: { model: 'scripted', date: '2026-12-01' },
  });
  const lines = fs.readFileSync(path.join(dir, 'payloads.jsonl'), 'utf8').trim().split('\n');
  expect(lines.map((l) => JSON.parse(l))).toEqual([
    { id: 'u-1', content: text.content, format: 'text', metadata: text.metadata },
    { id: 'm-1', content: '![x](y)', format: 'markdown', metadata: { n: 1 } },
    {
      id: 'd-1',
      content: 'doc',
      format: 'docx',
      metadata: { converter: 'docx' },
      artifact: 'artifacts/d-1.docx',
    },
  ]);
  const loaded = store.load('variants');
  expect(loaded.slice(0, 2)).toEqual([text, markdown]);
  expect(loaded[2]).toEqual({ ...docx, artifact: path.join(dir, 'artifacts', 'd-1.docx') });
  expect(fs.readFileSync(loaded[2]?.artifact as string)).toEqual(
    fs.readFileSync(docx.artifact as string),
  );
  expect(store.load('variants', { format: 'markdown' })).toEqual([markdown]);
  expect(store.manifest('variants').count).toBe(3);
  expect(store.list()).toEqual(['variants']);
  expect(store.exists('variants')).toBe(true);
  expect(fs.readdirSync(path.join(root, 'payloads'))).toEqual(['variants']); // no temporary left
});

test('an existing collection is never replaced; delete removes it', () => {
  store.save('c', [text]);
  expect(() => store.save('c', [markdown])).toThrow(
    `Payload collection "c" already exists at ${path.join(root, 'payloads', 'c')}; delete it first`,
  );
  expect(store.load('c')).toEqual([text]);
  expect(store.delete('c')).toBe(true);
  expect(store.delete('c')).toBe(false);
  expect(store.exists('c')).toBe(false);
  expect(() => store.load('c')).toThrow(
    `Payload collection "c" not found at ${path.join(root, 'payloads', 'c')}. Generate and save it first (PayloadStore.save).`,
  );
});

test('names, payload lists and ids are validated before anything is written', () => {
  for (const name of ['', '.', '..', '../x', 'a/b', 'a\\b', '.hidden'])
    expect(() => store.save(name, [text])).toThrow('Payload collection name must be 1-128 letters');
  expect(() => store.save('e', [])).toThrow(
    'PayloadStore.save payloads must be a non-empty array, got array(0)',
  );
  expect(() => store.save('e', [text, text])).toThrow(
    'PayloadStore.save payload ids must be unique, got "u-1" twice',
  );
  expect(() => store.save('e', [{ ...text, id: 'a b' }])).toThrow(
    'PayloadStore.save payloads[0] is invalid: Invalid payload id: "a b"',
  );
  expect(fs.existsSync(path.join(root, 'payloads'))).toBe(false);
});

test('a damaged collection is reported with its file and line', () => {
  const dir = store.save('d', [text, markdown]);
  const file = path.join(dir, 'payloads.jsonl');
  const good = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, good.replace(/\n$/, '\n{not json\n'));
  expect(() => store.load('d')).toThrow(`${file}:3 must be a JSON object, got invalid JSON`);
  fs.writeFileSync(file, `${good.split('\n')[0]}\n`);
  expect(() => store.load('d')).toThrow(`${file} must hold the 2 payloads of its manifest, got 1`);
  fs.writeFileSync(file, good.replace('"format":"text"', '"format":"pdf"'));
  expect(() => store.load('d')).toThrow(
    `${file}:1 is not a valid payload: Binary format pdf requires an artifact path`,
  );
  fs.writeFileSync(
    file,
    good.replace('"format":"text"', '"format":"text","artifact":"../../escape.txt"'),
  );
  expect(() => store.load('d')).toThrow(
    `${file}:1 artifact must stay inside the collection, got "../../escape.txt"`,
  );
  fs.writeFileSync(
    file,
    good.replace('"format":"text"', '"format":"text","artifact":"/etc/passwd"'),
  );
  expect(() => store.load('d')).toThrow(
    `${file}:1 artifact must be a path relative to the collection, got "/etc/passwd"`,
  );
});

test('an artifact that is a symlink out of the collection is rejected', () => {
  const outside = path.join(root, 'outside.docx');
  fs.writeFileSync(outside, 'x');
  const docx = createPayload({ content: 'c', id: 's-1', format: 'docx', artifact: outside });
  const dir = store.save('s', [docx]);
  const artifact = path.join(dir, 'artifacts', 's-1.docx');
  fs.rmSync(artifact);
  fs.symlinkSync(outside, artifact);
  expect(() => store.load('s')).toThrow(
    'artifact must stay inside the collection, got "artifacts/s-1.docx"',
  );
});
