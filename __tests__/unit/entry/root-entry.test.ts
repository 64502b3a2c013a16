/**
 * The root entry point `rampart` (src/index.ts) loads the model and the Jest
 * layer's `harm`/`trial` only; every other layer is loaded the first time
 * one of its names is read (docs/architecture.md, "Layers loaded on first
 * use"). Checked here on the sources: requiring the root loads no lazy layer,
 * reading a name loads its layer alone, and the root offers every name of
 * every layer it stands for, with the same meanings (value, type) as the
 * layer's own module.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '../../../src');

/** The layers the root loads on first use, by their barrel under src/ (a folder's index.ts, or a file). */
const LAZY_LAYERS = [
  'model/authoring',
  'suites',
  'agent/protocol',
  'agent/attacks',
  'agent/probes',
  'agent/populations',
  'agent/evaluators',
  'agent/drivers',
  'agent/converters',
  'agent/payloads',
  'agent/llm',
];
/** The layers it loads with itself. */
const EAGER_LAYERS = ['model', 'jest'];

type Module = Record<string, unknown>;

/**
 * A fresh root module, with each lazy layer replaced by a stand-in that
 * records its loading and then gives the real layer.
 */
function freshRoot(): { root: Module; loaded: string[] } {
  const loaded: string[] = [];
  let root: Module = {};
  jest.isolateModules(() => {
    for (const layer of LAZY_LAYERS) {
      const file = path.join(SRC, layer);
      jest.doMock(file, () => {
        loaded.push(layer);
        return jest.requireActual<Module>(file);
      });
    }
    root = jest.requireActual<Module>(SRC);
  });
  return { root, loaded };
}

afterEach(() => jest.resetModules());

test('requiring rampart loads no lazily loaded layer, yet lists their names', () => {
  const { root, loaded } = freshRoot();
  expect(loaded).toEqual([]);
  expect(Object.keys(root)).toEqual(
    expect.arrayContaining(['harm', 'trial', 'Result', 'recordResult', 'Attacks', 'LLMJudge']),
  );
  // The names of the root's own layers are there without any loading.
  expect(typeof root['recordResult']).toBe('function');
  expect(typeof root['harm']).toBe('function');
  expect(loaded).toEqual([]);
});

test.each(LAZY_LAYERS)('reading a name of %s loads that layer alone, once', (layer) => {
  const { root, loaded } = freshRoot();
  const actual = jest.requireActual<Module>(path.join(SRC, layer));
  const [first, ...others] = Object.keys(actual);
  if (first === undefined) throw new Error(`${layer} exports no value`);
  expect(root[first]).toBe(actual[first]);
  for (const name of others) expect(root[name]).toBe(actual[name]);
  expect(loaded).toEqual([layer]);
});

test('the root offers each value of every layer, as enumerable names that are never undefined', () => {
  const { root } = freshRoot();
  const expected = [...EAGER_LAYERS, ...LAZY_LAYERS].flatMap((layer) =>
    Object.keys(jest.requireActual<Module>(path.join(SRC, layer))),
  );
  expect(Object.keys(root).sort()).toEqual([...new Set(expected)].sort());
  for (const name of Object.keys(root)) expect(root[name]).toBeDefined();
});

/** name -> its meanings ('value', 'type') exported by the module of `file`. */
function exportedMeanings(checker: ts.TypeChecker, file: ts.SourceFile): Map<string, string> {
  const module = checker.getSymbolAtLocation(file);
  if (!module) throw new Error(`${file.fileName} is not a module`);
  const meanings = new Map<string, string>();
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    // A name exported with `export type` is a type alone, whatever it names.
    const typeOnly = (symbol.declarations ?? []).some(
      (d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly),
    );
    const flags = symbol.flags | target.flags;
    const kinds = [
      !typeOnly && flags & ts.SymbolFlags.Value ? 'value' : '',
      flags & ts.SymbolFlags.Type ? 'type' : '',
    ];
    meanings.set(symbol.name, kinds.filter(Boolean).join('+'));
  }
  return meanings;
}

test("the root's types: every name of every layer, with the layer's meanings", () => {
  const barrels = [...EAGER_LAYERS, ...LAZY_LAYERS].map((layer) => {
    const file = path.join(SRC, `${layer}.ts`);
    return fs.existsSync(file) ? file : path.join(SRC, layer, 'index.ts');
  });
  const rootFile = path.join(SRC, 'index.ts');
  const program = ts.createProgram([rootFile, ...barrels], {
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    strict: true,
    noEmit: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const sourceOf = (file: string) => {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not in the program`);
    return source;
  };
  const expected = new Map<string, string>();
  for (const barrel of barrels)
    for (const [name, meaning] of exportedMeanings(checker, sourceOf(barrel)))
      expected.set(name, meaning);
  const actual = exportedMeanings(checker, sourceOf(rootFile));
  expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
});
