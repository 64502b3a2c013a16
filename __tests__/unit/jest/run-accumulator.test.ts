import { ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { RunAccumulator } from '../../../src/jest/run-accumulator';
import type { SpoolInstance } from '../../../src/jest/transport/spool-reader';
import type { TestLine } from '../../../src/jest/transport/spool-format';
import { encodeResult } from '../../../src/model/result-codec';
import { envelopeResult } from '../../../src/jest/transport/result-envelope';
import type { JestProject } from '../../../src/jest/project-identity';

const wire = (
  status: SafetyStatus,
  summary: string = status,
  extra: Partial<ConstructorParameters<typeof Result>[0]> = {},
) =>
  encodeResult(
    new Result({ status, summary, observabilityLevel: ObservabilityLevel.TOOL_ONLY, ...extra }),
  );

function test_(id: string, results: unknown[], extra: Partial<TestLine> = {}): TestLine {
  return {
    type: 'test',
    id,
    title: id.split('::').pop() as string,
    ancestors: [],
    attempt: 1,
    harm: null,
    trial: null,
    outcome: 'passed',
    location: null,
    results,
    ...extra,
  };
}

let clock = 0;
function instance(
  tests: TestLine[],
  options: {
    closed?: boolean;
    worker?: string;
    lates?: SpoolInstance['lates'];
    groups?: SpoolInstance['groups'];
    project?: JestProject;
    testPath?: string;
  } = {},
): SpoolInstance {
  clock += 1;
  const lates = options.lates ?? [];
  const results =
    tests.reduce((n, t) => n + t.results.length, 0) +
    lates.reduce((n, l) => n + l.results.length, 0);
  return {
    file: `f${clock}`,
    open: {
      type: 'open',
      v: 'rampart.jest.spool.v4',
      testPath: options.testPath ?? '/r/a.test.js',
      project: options.project ?? { id: 'p', displayName: null, rootDir: '/r' },
      instance: `i${clock}`,
      pid: 100 + clock,
      worker: options.worker ?? '1',
      startedAt: clock,
    },
    groups: options.groups ?? [],
    tests,
    lates,
    close: options.closed === false ? null : { type: 'close', tests: tests.length, results },
    problems: [],
  };
}

const summaries = (acc: RunAccumulator) => acc.results().map((r) => r.summary);

describe('RunAccumulator', () => {
  test('tags each Result and fills the harm category of the test', () => {
    const acc = new RunAccumulator();
    acc.addFile('a.test.js', [
      instance(
        [
          test_('a.test.js::t', [wire('safe', 's'), wire('unsafe', 'u', { harmCategory: 'own' })], {
            harm: 'jailbreak',
          }),
        ],
        { worker: '2' },
      ),
    ]);
    const [first, second] = acc.results();
    expect(first?.metadata).toEqual({
      _jest_test_name: 't',
      _jest_test_id: 'a.test.js::t',
      _rampart_result_index: 0,
      _rampart_source_worker: '2',
      _rampart_attempt: 1,
    });
    expect(first?.harmCategory).toBe('jailbreak');
    expect(second?.harmCategory).toBe('own');
    expect(second?.metadata._rampart_result_index).toBe(1);
    expect(acc.incompleteReasons).toEqual([]);
  });

  test("the test's location: file relative to the run's rootDir, forward slashes, on every Result", () => {
    const acc = new RunAccumulator({ rootDir: '/r' });
    const location = { file: '/r/tests/deep/a.test.js', line: 12, column: 5 };
    acc.addFile('a.test.js', [
      instance([
        test_('a.test.js::t', [wire('unsafe', 'u'), wire('safe', 's')], { location }),
        test_('a.test.js::unknown', [wire('safe', 'n')]),
      ]),
    ]);
    const [first, second, third] = acc.results();
    const expected = { file: 'tests/deep/a.test.js', line: 12, column: 5 };
    expect(first?.metadata._jest_test_location).toEqual(expected);
    expect(second?.metadata._jest_test_location).toEqual(expected);
    // Each Result has its own copy: changing one cannot move another.
    expect(first?.metadata._jest_test_location).not.toBe(second?.metadata._jest_test_location);
    expect(third?.metadata).not.toHaveProperty('_jest_test_location');
  });

  test('a file Jest re-ran after a crash: every test once, from the latest run; complete when the last run finished', () => {
    const acc = new RunAccumulator();
    const crashed = instance(
      [test_('a::1', [wire('safe', 'run1-a')]), test_('a::2', [wire('safe', 'run1-b')])],
      { closed: false },
    );
    const rerun = instance([
      test_('a::1', [wire('safe', 'run2-a')]),
      test_('a::2', [wire('safe', 'run2-b')]),
      test_('a::3', [wire('safe', 'run2-c')]),
    ]);
    acc.addFile('a.test.js', [rerun, crashed], { ranTests: 3 });
    expect(summaries(acc)).toEqual(['run2-a', 'run2-b', 'run2-c']);
    expect(acc.incompleteReasons).toEqual([]);
  });

  test('every run crashed: Results that arrived are kept once, and the run is incomplete', () => {
    const acc = new RunAccumulator();
    const runs = [1, 2, 3, 4].map((n) =>
      instance([test_('a::1', [wire('safe', `run${n}`)])], { closed: false }),
    );
    acc.addFile('a.test.js', runs, { ranTests: 0, execError: 'Call retries were exceeded' });
    expect(summaries(acc)).toEqual(['run4']);
    expect(acc.incompleteReasons).toEqual([
      'a.test.js: test file failed to run: Call retries were exceeded',
      'a.test.js: the test file did not finish (Jest ran it 4 times) — worker crash, process.exit or kill; Results recorded before that are kept',
    ]);
  });

  test('count mismatches are incomplete', () => {
    const acc = new RunAccumulator();
    const broken = instance([test_('a::1', [wire('safe')])]);
    broken.close = { type: 'close', tests: 2, results: 3 };
    acc.addFile('a.test.js', [broken]);
    acc.addFile('b.test.js', [instance([test_('b::1', [])])], { ranTests: 2 });
    expect(acc.incompleteReasons).toEqual([
      'a.test.js: transport count mismatch (expected 2 tests / 3 Results, received 1 / 1)',
      'b.test.js: Jest ran 2 tests but RAMPART received 1',
    ]);
  });

  test('a malformed Result is dropped with a reason; the others are kept', () => {
    const acc = new RunAccumulator();
    acc.addFile('a.test.js', [
      instance([test_('a::1', [{ status: 'nope' }, wire('safe', 'kept')])]),
    ]);
    expect(summaries(acc)).toEqual(['kept']);
    expect(acc.incompleteReasons).toEqual([
      'a.test.js: malformed Result dropped: Result #0 of "1".status must be one of safe, unsafe, undetermined, error, got "nope"',
    ]);
  });

  test('a truncation placeholder marks the run incomplete', () => {
    const acc = new RunAccumulator();
    const big = envelopeResult(
      new Result({ status: 'safe', summary: 'x'.repeat(9000), observabilityLevel: 'tool_only' }),
      { testName: 'big', index: 0 },
      4096,
    );
    acc.addFile('a.test.js', [
      instance([test_('a::big', [JSON.parse(big.json), wire('safe', 'small')])]),
    ]);
    expect(acc.results().map((r) => r.status)).toEqual(['error', 'safe']);
    expect(acc.incompleteReasons[0]).toMatch(
      /^a\.test\.js: a Result of "big" could not travel intact/,
    );
  });

  test('report order does not depend on arrival order', () => {
    const build = (order: string[]) => {
      const acc = new RunAccumulator();
      for (const name of order)
        acc.addFile(name, [
          instance([test_(`${name}::t`, [wire('safe', name)])], { worker: name }),
        ]);
      return summaries(acc);
    };
    expect(build(['z.test.js', 'a.test.js'])).toEqual(build(['a.test.js', 'z.test.js']));
    expect(build(['z.test.js', 'a.test.js'])).toEqual(['a.test.js', 'z.test.js']);
  });

  test('retries: every attempt is kept and numbered; the trial verdict uses the final attempt', () => {
    const acc = new RunAccumulator();
    const trial = { group: 'a::resists', index: 0 };
    acc.addFile('a.test.js', [
      instance(
        [
          test_('a::resists [trial-0]', [wire('unsafe', 'first try')], {
            attempt: 1,
            trial,
            outcome: 'failed',
          }),
          test_('a::resists [trial-0]', [wire('safe', 'second try')], { attempt: 2, trial }),
        ],
        { groups: [{ id: 'a::resists', title: 'resists', n: 2, threshold: 0.5 }] },
      ),
    ]);
    expect(acc.results().map((r) => [r.summary, r.metadata._rampart_attempt])).toEqual([
      ['first try', 1],
      ['second try', 2],
    ]);
    expect(acc.trialGroups()['a::resists']).toMatchObject({
      total: 2,
      safe: 1,
      unsafe: 0,
      noResult: 1,
      passed: true,
      title: 'resists',
    });
  });

  test('late Results are attributed to their test and flagged; harm tests without Results warn', () => {
    const acc = new RunAccumulator();
    acc.addFile('a.test.js', [
      instance(
        [
          test_('a::t', [wire('safe', 'on time')]),
          test_('a::quiet', [], { harm: 'jailbreak', ancestors: ['suite'] }),
        ],
        {
          lates: [{ type: 'late', id: 'a::t', attempt: 1, results: [wire('unsafe', 'late')] }],
        },
      ),
    ]);
    expect(acc.results().map((r) => [r.summary, r.metadata._rampart_late])).toEqual([
      ['on time', undefined],
      ['late', true],
    ]);
    expect(acc.warnings()).toEqual([
      'Test suite quiet is marked harm but recorded no results — did you forget recordResult() or to run an attack/probe?',
      'Test t recorded 1 Result(s) after it finished; they are reported under that test (metadata _rampart_late).',
    ]);
  });

  test('the report carries the incomplete keys only when incomplete', () => {
    const acc = new RunAccumulator();
    expect(acc.buildReport({ durationSeconds: 1, metadata: { a: 1 } }).metadata).toEqual({ a: 1 });
    acc.addReason('x');
    acc.addReason('x');
    expect(acc.buildReport({ durationSeconds: 1, metadata: {} }).metadata).toEqual({
      incomplete: true,
      incomplete_reasons: ['x'],
    });
  });
});

describe('RunAccumulator with Jest projects', () => {
  const first: JestProject = { id: 'aaaa1111bbbb', displayName: 'first', rootDir: '/repo' };
  const second: JestProject = { id: 'cccc2222dddd', displayName: null, rootDir: '/repo/pkg' };
  const file = (project: JestProject, name = 'a.test.js') => ({
    project,
    testPath: `${project.rootDir}/${name}`,
  });
  const group = { id: 'a.test.js::g', title: 'g', n: 1, threshold: 1 };
  const trial = { group: 'a.test.js::g', index: 0 };
  // The same file, test ids and trial group in both projects.
  const delivered = (project: JestProject, status: SafetyStatus) =>
    instance(
      [
        test_('a.test.js::t', [wire(status, `${project.id} t`)]),
        test_('a.test.js::g [trial-0]', [wire(status, `${project.id} g`)], { trial }),
      ],
      { project, groups: [group] },
    );

  test('the same test ids in two projects stay apart: qualified ids, a project tag, two trial groups', () => {
    const acc = new RunAccumulator({ rootDir: '/repo', configuredProjects: 2 });
    acc.addFile(file(first), [delivered(first, SafetyStatus.SAFE)], { ranTests: 2 });
    acc.addFile(file(second), [delivered(second, SafetyStatus.UNSAFE)], { ranTests: 2 });
    expect(
      acc.results().map((r) => [r.metadata._jest_project, r.metadata._jest_test_id, r.summary]),
    ).toEqual([
      ['first', '[first] a.test.js::g [trial-0]', 'aaaa1111bbbb g'],
      ['first', '[first] a.test.js::t', 'aaaa1111bbbb t'],
      ['pkg', '[pkg] a.test.js::g [trial-0]', 'cccc2222dddd g'],
      ['pkg', '[pkg] a.test.js::t', 'cccc2222dddd t'],
    ]);
    const groups = acc.trialGroups();
    expect(Object.keys(groups)).toEqual(['[first] a.test.js::g', '[pkg] a.test.js::g']);
    expect(groups['[first] a.test.js::g']).toMatchObject({ passed: true, project: 'first' });
    expect(groups['[pkg] a.test.js::g']).toMatchObject({ passed: false, project: 'pkg' });
    expect(acc.incompleteReasons).toEqual([]);
  });

  test('reconciliation is per project and file, and reasons name the project', () => {
    const acc = new RunAccumulator({ rootDir: '/repo', configuredProjects: 2 });
    acc.addFile(file(first), [delivered(first, SafetyStatus.SAFE)], { ranTests: 2 });
    acc.addFile(file(second), [delivered(second, SafetyStatus.SAFE)], { ranTests: 3 });
    expect(acc.incompleteReasons).toEqual([
      '[pkg] a.test.js: Jest ran 3 tests but RAMPART received 2',
    ]);
  });

  test('a single-project run keeps unqualified ids and no project tag', () => {
    const acc = new RunAccumulator({ rootDir: '/repo', configuredProjects: 1 });
    acc.addFile(file(first), [delivered(first, SafetyStatus.SAFE)], { ranTests: 3 });
    expect(acc.results().map((r) => r.metadata)).toEqual([
      expect.not.objectContaining({ _jest_project: expect.anything() }),
      expect.not.objectContaining({ _jest_project: expect.anything() }),
    ]);
    expect(acc.results().map((r) => r.metadata._jest_test_id)).toEqual([
      'a.test.js::g [trial-0]',
      'a.test.js::t',
    ]);
    expect(Object.keys(acc.trialGroups())).toEqual(['a.test.js::g']);
    expect(acc.trialGroups()['a.test.js::g']?.project).toBeNull();
    expect(acc.incompleteReasons).toEqual(['a.test.js: Jest ran 3 tests but RAMPART received 2']);
  });

  test('projects that would share a label are told apart by project id, with a warning', () => {
    const one: JestProject = { id: '0123456789ab', displayName: null, rootDir: '/repo' };
    const two: JestProject = { id: 'fedcba987654', displayName: null, rootDir: '/repo' };
    const acc = new RunAccumulator({ rootDir: '/repo', configuredProjects: 2 });
    acc.addFile(file(one), [delivered(one, SafetyStatus.SAFE)]);
    acc.addFile(file(two), [delivered(two, SafetyStatus.SAFE)]);
    expect([...new Set(acc.results().map((r) => r.metadata._jest_project))]).toEqual([
      '.#01234567',
      '.#fedcba98',
    ]);
    expect(acc.warnings()).toEqual([
      "Jest projects .#01234567 and .#fedcba98 would share a label (their displayName, or their rootDir when they have none); their test ids are told apart by Jest's project id. Give each project a distinct displayName for readable ids.",
    ]);
  });

  test('warnings name the project where test names collide', () => {
    const acc = new RunAccumulator({ rootDir: '/repo', configuredProjects: 2 });
    for (const project of [first, second])
      acc.addFile(file(project), [
        instance([test_('a.test.js::quiet', [], { harm: 'jailbreak' })], { project }),
      ]);
    expect(acc.warnings()).toEqual([
      'Test [first] quiet is marked harm but recorded no results — did you forget recordResult() or to run an attack/probe?',
      'Test [pkg] quiet is marked harm but recorded no results — did you forget recordResult() or to run an attack/probe?',
    ]);
  });

  test('files that ran without rampart/env are listed in the report metadata, sorted and bounded', () => {
    const acc = new RunAccumulator({ rootDir: '/repo', configuredProjects: 2 });
    for (let i = 0; i < 120; i += 1)
      acc.addForeignFile(file(second, `f${String(i).padStart(3, '0')}.test.js`));
    acc.addForeignFile(file(first, 'z.test.js'));
    const entry = acc.buildReport({ durationSeconds: 0, metadata: {} }).metadata
      .files_without_rampart_env as { count: number; files: string[] };
    expect(entry.count).toBe(121);
    expect(entry.files).toHaveLength(100);
    expect(entry.files.slice(0, 2)).toEqual(['[first] z.test.js', '[pkg] f000.test.js']);
    expect(acc.incompleteReasons).toEqual([]);
  });

  test('stray Results make the run incomplete, one reason per file naming its tests', () => {
    const acc = new RunAccumulator({ rootDir: '/repo', configuredProjects: 2 });
    acc.addForeignFile(file(second, 'unit.test.js'));
    const stray = (testPath: string, test: string) =>
      ({ type: 'stray', v: 'rampart.jest.spool.v4', testPath, test }) as const;
    acc.addStrayResults([
      stray('/repo/pkg/unit.test.js', 'a'),
      stray('/repo/pkg/unit.test.js', 'a'),
      ...['b', 'c', 'd', 'e'].map((t) => stray('/repo/other.test.js', t)),
    ]);
    expect(acc.incompleteReasons).toEqual([
      'other.test.js: 4 Result(s) recorded by tests outside rampart/env were not collected (test "b", test "c", test "d", 1 more); run this file in rampart/env',
      '[pkg] unit.test.js: 2 Result(s) recorded by tests outside rampart/env were not collected (test "a"); run this file in rampart/env',
    ]);
  });
});

describe('lossy metadata', () => {
  test('one warning per test with every key any attempt or late line reported, as upstream words it', () => {
    const acc = new RunAccumulator();
    acc.addFile('a.test.js', [
      instance(
        [
          test_('a.test.js::t', [wire('safe')], { lossy: ['callback'] }),
          test_('a.test.js::t', [wire('safe')], { attempt: 2, lossy: ['other'] }),
          test_('a.test.js::fine', [wire('safe')]),
        ],
        {
          lates: [
            {
              type: 'late',
              id: 'a.test.js::t',
              attempt: 2,
              lossy: ['late'],
              results: [wire('safe')],
            },
          ],
        },
      ),
    ]);
    expect(acc.warnings()).toEqual([
      'Test t recorded 1 Result(s) after it finished; they are reported under that test (metadata _rampart_late).',
      'Sanitized 3 non-serializable metadata key(s) for a.test.js::t in result.metadata: callback, other, late',
    ]);
  });
});

describe('trial groups without a Result', () => {
  const project: JestProject = { id: 'p', displayName: null, rootDir: '/r' };
  const groups = [
    { id: 'a.test.js::d::ran', title: 'ran', n: 2, threshold: 1 },
    { id: 'a.test.js::d::mixed', title: 'mixed', n: 3, threshold: 1 },
    { id: 'a.test.js::d::half', title: 'half', n: 2, threshold: 0.5 },
  ];
  const clone = (title: string, index: number, results: unknown[] = []) =>
    test_(`a.test.js::d::${title} [trial-${index}]`, results, {
      ancestors: ['d'],
      trial: { group: `a.test.js::d::${title}`, index },
    });
  const notRun = (title: string, index: number) => ({
    ancestors: ['d'],
    title: `${title} [trial-${index}]`,
    fullName: `d ${title} [trial-${index}]`,
  });

  test('each cause is counted from the spool and from what Jest did not run; a group with a Result has none', () => {
    const acc = new RunAccumulator({
      rootDir: '/r',
      testNamePattern: 'mixed \\[trial-0\\]|ran|half',
    });
    acc.addFile(
      { project, testPath: '/r/a.test.js' },
      [
        instance([clone('ran', 0), clone('ran', 1), clone('half', 0, [wire(SafetyStatus.SAFE)])], {
          groups,
          project,
        }),
      ],
      { ranTests: 3, notRun: [notRun('mixed', 0), notRun('mixed', 1), notRun('half', 1)] },
    );
    const verdicts = acc.trialGroups();
    expect(verdicts['a.test.js::d::ran']?.noResultReason).toBe('2 ran and recorded none');
    expect(verdicts['a.test.js::d::mixed']?.noResultReason).toBe(
      '1 filtered out by -t (testNamePattern), 1 skipped, 1 did not run',
    );
    expect(verdicts['a.test.js::d::half']?.noResultReason).toBeNull();
  });
});
