/**
 * The TypeScript samples of the documentation pages listed here compile
 * under strict settings against the sources (`rampart` mapped to
 * src/index.ts), so a renamed option or export breaks this test, not a
 * reader's copy-paste. Add a page to PAGES once its samples are complete
 * programs (they may `declare` what the reader provides).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');
const PAGES = ['docs/converters-and-payloads.md'];

function samples(page: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
}

test.each(PAGES)('the TypeScript samples of %s compile', (page) => {
  const blocks = samples(page);
  expect(blocks.length).toBeGreaterThan(0);
  const files = new Map(
    blocks.map((code, i) => [path.join(ROOT, '__doc_samples__', `sample-${i + 1}.ts`), code]),
  );
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    types: ['node', 'jest'],
    paths: { rampart: [path.join(ROOT, 'src', 'index.ts')] },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) =>
    files.has(name)
      ? ts.createSourceFile(name, files.get(name) as string, language)
      : getSourceFile(name, language, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const program = ts.createProgram([...files.keys()], options, host);
  const problems = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || files.has(d.file.fileName))
    .map((d) => {
      const where = d.file
        ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : 'options';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  expect(problems).toEqual([]);
});
