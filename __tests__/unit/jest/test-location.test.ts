import * as path from 'node:path';
import type { CircusDescribeBlock, CircusTestEntry } from '../../../src/jest/circus-types';
import { FileDefinitions } from '../../../src/jest/file-definitions';
import { parseSpoolLine } from '../../../src/jest/transport/spool-format';
import {
  RAMPART_CODE_DIRS,
  parseStackFrame,
  testEntryLocation,
  userFrameOf,
} from '../../../src/jest/test-location';

const OWN = ['/proj/node_modules/rampart/dist', '/repo/rampart/dist'];

describe('the user frame of a test() call stack', () => {
  test.each([
    [
      'Jest 29, CommonJS, nested describe',
      `Error: 
    at _addTest (/proj/node_modules/jest-circus/build/index.js:158:29)
    at test (/proj/node_modules/jest-circus/build/index.js:125:10)
    at Suite.<anonymous> (/proj/tests/agent.test.js:12:3)
    at addSpecsToSuite (/proj/node_modules/jest-circus/build/index.js:64:3)
    at Object.<anonymous> (/proj/tests/agent.test.js:4:1)
    at Runtime._execModule (/proj/node_modules/jest-runtime/build/index.js:1439:24)`,
      { file: '/proj/tests/agent.test.js', line: 12, column: 3 },
    ],
    [
      'Jest 30, CommonJS (anonymous describe callback)',
      `Error
    at test (/proj/node_modules/jest-circus/build/jestAdapterInit.js:1079:10)
    at /proj/tests/agent.test.js:7:5
    at _dispatchDescribe (/proj/node_modules/jest-circus/build/jestAdapterInit.js:1006:26)
    at describe (/proj/node_modules/jest-circus/build/jestAdapterInit.js:974:44)`,
      { file: '/proj/tests/agent.test.js', line: 7, column: 5 },
    ],
    [
      'native ESM (file URL with an escaped space)',
      `Error
    at test (/proj/node_modules/jest-circus/build/index.js:125:10)
    at file:///proj/my%20tests/agent.test.mjs:9:1
    at ModuleJob.run (node:internal/modules/esm/module_job:234:25)`,
      { file: '/proj/my tests/agent.test.mjs', line: 9, column: 1 },
    ],
    [
      'ts-jest / babel-jest, source-mapped to the .ts file',
      `Error
    at test (/proj/node_modules/jest-circus/build/index.js:125:10)
    at Object.<anonymous> (/proj/src/__tests__/agent.test.ts:21:7)
    at Runtime._execModule (/proj/node_modules/jest-runtime/build/index.js:1439:24)`,
      { file: '/proj/src/__tests__/agent.test.ts', line: 21, column: 7 },
    ],
    [
      'test.each: jest-each frames first',
      `Error
    at test (/proj/node_modules/jest-circus/build/index.js:125:10)
    at /proj/node_modules/jest-each/build/bind.js:73:11
    at Array.forEach (<anonymous>)
    at /proj/node_modules/jest-each/build/bind.js:64:15
    at Object.<anonymous> (/proj/tests/each.test.js:3:1)`,
      { file: '/proj/tests/each.test.js', line: 3, column: 1 },
    ],
    [
      'trial() scoped body and payloadMatrix: rampart frames skipped (a linked checkout too)',
      `Error
    at test (/proj/node_modules/jest-circus/build/index.js:125:10)
    at repeatDefinitions (/repo/rampart/dist/suites/payload-matrix.js:40:13)
    at withScope (/repo/rampart/dist/jest/scope-bridge.js:30:16)
    at /proj/tests/matrix.test.js:6:3
    at repeat (/proj/node_modules/rampart/dist/jest/trial.js:60:20)`,
      { file: '/proj/tests/matrix.test.js', line: 6, column: 3 },
    ],
    [
      'a path with spaces and parentheses in the function name',
      `Error
    at test (/proj/node_modules/jest-circus/build/index.js:125:10)
    at Object.<anonymous> [as fn] (/home/a b/proj/t.test.js:2:9)`,
      { file: '/home/a b/proj/t.test.js', line: 2, column: 9 },
    ],
  ])('%s', (_shape, stack, expected) => {
    expect(userFrameOf(stack, OWN)).toEqual(expected);
  });

  test('no user frame: only Jest, Node internals, eval and anonymous frames', () => {
    const stack = `Error
    at test (/proj/node_modules/jest-circus/build/index.js:125:10)
    at eval (eval at <anonymous> (/proj/node_modules/x/y.js:1:1), <anonymous>:1:1)
    at new Promise (<anonymous>)
    at node:internal/process/task_queues:95:5
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;
    expect(userFrameOf(stack, OWN)).toBeNull();
  });

  test('a frame line without position is no frame', () => {
    expect(parseStackFrame('    at Array.forEach (<anonymous>)')).toBeNull();
    expect(parseStackFrame('Error: boom')).toBeNull();
    expect(parseStackFrame('    at async Promise.all (index 0)')).toBeNull();
    expect(parseStackFrame('    at async run (/a/b.js:3:4)')).toEqual({
      file: '/a/b.js',
      line: 3,
      column: 4,
    });
  });

  test('an Error made here points at this file; a getter that throws or a non-Error gives null', () => {
    const here = testEntryLocation(new Error('x'), []);
    expect(here).toEqual({
      file: __filename,
      line: expect.any(Number),
      column: expect.any(Number),
    });
    const throwing = Object.defineProperty({}, 'stack', {
      get() {
        throw new Error('no stack for you');
      },
    });
    expect(testEntryLocation(throwing)).toBeNull();
    expect(testEntryLocation(undefined)).toBeNull();
    expect(testEntryLocation({ stack: 42 })).toBeNull();
  });

  test('reading the location leaves the stack to be formatted when read, as it would have been', () => {
    const formatted = new Map();
    const error = new Error('at definition');
    const location = testEntryLocation(error, [], formatted);
    expect(location).toEqual({
      file: __filename,
      line: expect.any(Number),
      column: expect.any(Number),
    });
    // Formatted on first read, with the message of that time (circus rewrites it on a timeout).
    error.message = 'Exceeded timeout';
    expect(error.stack).toMatch(/^Error: Exceeded timeout\n\s+at /);
    expect(userFrameOf(String(error.stack), [])).toEqual(location);
    error.stack = 'replaced';
    expect(error.stack).toBe('replaced');
    // One formatted position is kept; a stack already formatted (or replaced) is parsed as text.
    expect(formatted.size).toBe(1);
    expect(testEntryLocation(error, [], formatted)).toBeNull();
    const read = new Error('read before');
    void read.stack;
    expect(testEntryLocation(read, [])).toEqual({
      file: __filename,
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });

  test("rampart's own code is the folder above the layers (src/ here, dist/ when packed)", () => {
    expect(RAMPART_CODE_DIRS).toEqual([path.resolve(__dirname, '../../../src')]);
  });
});

describe('where the location goes', () => {
  test('FileDefinitions reads it from the entry when the test is defined', () => {
    const definitions = new FileDefinitions('a.test.js');
    const root = { type: 'describeBlock', name: 'ROOT', children: [] } as CircusDescribeBlock;
    const entry: CircusTestEntry = {
      type: 'test',
      name: 't',
      parent: root,
      invocations: 0,
      errors: [],
      asyncError: new Error('at the test() call'),
    };
    definitions.define(entry);
    expect(definitions.of(entry).location).toEqual({
      file: __filename,
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });

  test('the spool accepts a location or null on a test line, and nothing else', () => {
    const line = (location: unknown) =>
      JSON.stringify({
        type: 'test',
        id: 'a::t',
        title: 't',
        ancestors: [],
        attempt: 1,
        harm: null,
        trial: null,
        outcome: 'passed',
        location,
        results: [],
      });
    expect(parseSpoolLine(line({ file: '/a.test.js', line: 1, column: 1 }))).toMatchObject({
      location: { file: '/a.test.js', line: 1, column: 1 },
    });
    expect(parseSpoolLine(line(null))).toMatchObject({ location: null });
    for (const bad of [{ file: '/a.js', line: 0, column: 1 }, { line: 1, column: 1 }, 'x'])
      expect(() => parseSpoolLine(line(bad))).toThrow('malformed test record location');
  });
});
