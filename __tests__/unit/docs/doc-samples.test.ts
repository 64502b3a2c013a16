/**
 * Every TypeScript sample of the documentation (README.md and docs/) is
 * compiled: untagged ```ts blocks here, against the sources (`rampart` and
 * its subpaths mapped to src/), under strict settings, once as they stand
 * and once with exactOptionalPropertyTypes (which `tsc --init` turns on in
 * new projects); tagged ones (```ts sample:<scenario>/<file>) by the
 * end-to-end suite against the packed package. A renamed option or export
 * breaks this test, not a reader's copy-paste. What a page leaves to the
 * reader (their agent, adapter, surface ...) is declared in CONTEXT.
 */
import * as path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT, docCodeBlocks, docPages } from '../../support/doc-code-blocks';

/** Tagged TypeScript samples and the end-to-end test that compiles them. */
const COMPILED_END_TO_END: Record<string, string> = {
  'docs/jest-setups.md sample:subclass': '__tests__/e2e/typescript.test.ts',
  'docs/adapters.md sample:langchain': '__tests__/e2e/langchain.test.ts',
  'docs/adapters.md sample:openai-agents': '__tests__/e2e/openai-agents.test.ts',
  'docs/adapters.md sample:mcp': '__tests__/e2e/mcp.test.ts',
  'docs/adapters.md sample:mcp-proxy': '__tests__/e2e/mcp-proxy.test.ts',
  'docs/adapters.md sample:mcp2': '__tests__/e2e/mcp-v2-sample.test.ts',
};

/**
 * What the samples of a page take from the reader: global declarations, and
 * modules a sample imports by a relative path (keyed by that path as seen
 * from the sample).
 */
interface PageContext {
  globals?: string;
  modules?: Record<string, string>;
}

const CONTEXT: Record<string, PageContext> = {
  'docs/adapters.md': {
    globals: `
      declare const model: import('ai').LanguageModel;
      declare const tools: import('ai').ToolSet;`,
  },
  'README.md': {
    modules: {
      '../src/agent':
        'export declare const myAgent: { handle(prompt: string): Promise<{ toolCalls: Array<{ name: string }> }> };',
    },
  },
  'docs/real-endpoints.md': {
    globals: `
      declare const attack: import('rampart').BaseExecution<import('rampart').AgentAdapter>;
      declare const adapter: import('rampart').AgentAdapter;`,
  },
  'docs/writing-tests.md': {
    globals: `declare const result: import('rampart').Result;`,
  },
  'docs/attacks-and-probes.md': {
    globals: `
      type Rampart = typeof import('rampart');
      declare class TicketQueue implements import('rampart').Surface {
        inject(options: { payload: import('rampart').Payload }): import('rampart').InjectionHandle;
      }
      declare class HelpdeskAdapter implements import('rampart').AgentAdapter {
        constructor(options: { queue: TicketQueue });
        readonly observabilityProfile: 'tool_only';
        createSession(): import('rampart').Session;
      }
      interface Reply {
        text: string;
        tools: Array<{ name: string; args: Record<string, unknown>; output: unknown }>;
        emails: Array<{ to: string }>;
      }
      declare const myAgent: {
        newConversation(): {
          id: string;
          ask(prompt: string, attachments: readonly import('rampart').Payload[]): Promise<Reply>;
          dispose(): void;
        };
      };
      interface Drive {
        write(file: string, content: string): Promise<void>;
        remove(file: string): Promise<void>;
      }
      declare const adapter: import('rampart').AgentAdapter;
      declare const handle: import('rampart').InjectionHandle;
      declare const ticketHandle: import('rampart').InjectionHandle;
      declare const driveHandle: import('rampart').InjectionHandle;
      declare const payload: import('rampart').Payload;
      declare const client: import('rampart').LlmClient;
      declare const evaluator: import('rampart').Evaluator;
      declare const Attacks: Rampart['Attacks'];`,
  },
};

/** The ```ts blocks this test compiles, by page, and the tagged ones it leaves to the end-to-end suite. */
function typeScriptBlocks() {
  const compiled = new Map<string, Array<{ code: string; line: number }>>();
  const tagged: string[] = [];
  for (const page of docPages()) {
    for (const block of docCodeBlocks(page)) {
      if (block.language !== 'ts') continue;
      if (block.sample) tagged.push(`${page} sample:${block.sample.scenario}`);
      else compiled.set(page, [...(compiled.get(page) ?? []), block]);
    }
  }
  return { compiled, tagged };
}

const { compiled, tagged } = typeScriptBlocks();

const BASE_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  types: ['node', 'jest'],
  typeRoots: [path.join(REPO_ROOT, 'node_modules', '@types')],
  paths: Object.fromEntries(
    [
      'index',
      'report',
      'trace',
      'integration',
      'matchers',
      'adapters',
      'ai-sdk',
      'langchain',
      'openai-agents',
    ].map((entry) => [
      entry === 'index' ? 'rampart' : `rampart/${entry}`,
      [path.join(REPO_ROOT, 'src', `${entry}.ts`)],
    ]),
  ),
};

// Source files parsed once for every program (src/, lib and @types are shared).
const parsed = new Map<string, ts.SourceFile | undefined>();

/** Diagnostics of the samples of `page`, as `<sample>:<line in the page> <message>`. */
function compile(page: string, options: ts.CompilerOptions): string[] {
  const dir = path.join(REPO_ROOT, '__doc_samples__', page.replace(/[/.]/g, '_'));
  const context = CONTEXT[page] ?? {};
  const files = new Map<string, string>();
  const origin = new Map<string, number>();
  (compiled.get(page) ?? []).forEach(({ code, line }, i) => {
    const file = path.join(dir, `sample-${i + 1}.ts`);
    // A module of its own, so that samples of one page cannot clash.
    files.set(file, `${code}\nexport {};\n`);
    origin.set(file, line);
  });
  const samples = [...files.keys()];
  if (context.globals) files.set(path.join(dir, 'context.d.ts'), context.globals);
  for (const [specifier, code] of Object.entries(context.modules ?? {}))
    files.set(`${path.resolve(dir, specifier)}.ts`, code);

  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) => {
    const code = files.get(name);
    if (code !== undefined) return ts.createSourceFile(name, code, language);
    if (!parsed.has(name)) parsed.set(name, getSourceFile(name, language, onError, create));
    return parsed.get(name);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const directories = new Set([...files.keys()].map((file) => path.dirname(file)));
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => directories.has(name) || (directoryExists?.(name) ?? true);
  const program = ts.createProgram([...files.keys()], options, host);
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...samples.flatMap((file) => {
      const source = program.getSourceFile(file);
      return source
        ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
        : [];
    }),
  ];
  return diagnostics.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || !origin.has(d.file.fileName))
      return `${d.file?.fileName ?? 'options'} ${message}`;
    const line = d.file.getLineAndCharacterOfPosition(d.start ?? 0).line;
    return `${page}:${(origin.get(d.file.fileName) as number) + line} ${message}`;
  });
}

test('every TypeScript sample is compiled here or by the end-to-end suite', () => {
  expect([...compiled.keys()].sort()).toEqual(
    expect.arrayContaining([
      'README.md',
      'docs/attacks-and-probes.md',
      'docs/converters-and-payloads.md',
      'docs/entry-points.md',
      'docs/writing-tests.md',
    ]),
  );
  for (const sample of tagged) expect(COMPILED_END_TO_END).toHaveProperty([sample]);
});

describe.each([...compiled.keys()])('the TypeScript samples of %s', (page) => {
  test('compile', () => {
    expect(compile(page, BASE_OPTIONS)).toEqual([]);
  });

  test('compile with exactOptionalPropertyTypes', () => {
    expect(compile(page, { ...BASE_OPTIONS, exactOptionalPropertyTypes: true })).toEqual([]);
  });
});
