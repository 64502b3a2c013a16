import {
  projectLabels,
  projectOf,
  projectOfUnknown,
  qualified,
} from '../../../src/jest/project-identity';

describe('projectOf', () => {
  test('reads id, displayName (string or { name }) and rootDir', () => {
    expect(
      projectOf({ id: 'abc', displayName: { name: 'web', color: 'white' }, rootDir: '/r' }),
    ).toEqual({
      id: 'abc',
      displayName: 'web',
      rootDir: '/r',
    });
    expect(projectOf({ id: 'abc', displayName: 'api', rootDir: '/r' }).displayName).toBe('api');
    expect(projectOf({ id: 'abc', displayName: '', rootDir: '/r' }).displayName).toBeNull();
  });

  test('without an id the rootDir stands in for it', () => {
    expect(projectOf({ rootDir: '/r' })).toEqual({ id: '/r', displayName: null, rootDir: '/r' });
  });

  test('a value that is no project config gives null', () => {
    expect(projectOfUnknown(undefined)).toBeNull();
    expect(projectOfUnknown({ id: 'x' })).toBeNull();
    expect(projectOfUnknown({ rootDir: '/r', id: 'x' })).toEqual({
      id: 'x',
      displayName: null,
      rootDir: '/r',
    });
  });
});

describe('projectLabels', () => {
  const p = (id: string, displayName: string | null, rootDir: string) => ({
    id,
    displayName,
    rootDir,
  });

  test('displayName first, else the rootDir relative to the run, "." for the run’s own', () => {
    const { labels, ambiguous } = projectLabels(
      [p('1', 'web', '/repo/web'), p('2', null, '/repo/packages/api'), p('3', null, '/repo')],
      '/repo',
    );
    expect([...labels]).toEqual([
      ['1', 'web'],
      ['2', 'packages/api'],
      ['3', '.'],
    ]);
    expect(ambiguous).toEqual([]);
  });

  test('labels that would coincide get the start of the project id, longer when needed', () => {
    const { labels, ambiguous } = projectLabels(
      [
        p('aaaaaaaa1111', null, '/repo'),
        p('aaaaaaaa2222', null, '/repo'),
        p('bbbbbbbbcccc', 'x', '/repo/x'),
        p('dddddddd0000', 'x', '/repo/y'),
      ],
      '/repo',
    );
    expect([...labels.values()]).toEqual([
      '.#aaaaaaaa1111',
      '.#aaaaaaaa2222',
      'x#bbbbbbbb',
      'x#dddddddd',
    ]);
    expect(ambiguous).toEqual([
      ['.#aaaaaaaa1111', '.#aaaaaaaa2222'],
      ['x#bbbbbbbb', 'x#dddddddd'],
    ]);
  });

  test('the same project given twice is one project', () => {
    const { labels, ambiguous } = projectLabels([p('1', null, '/r'), p('1', null, '/r')], '/r');
    expect([...labels]).toEqual([['1', '.']]);
    expect(ambiguous).toEqual([]);
  });

  test('square brackets in a label become parentheses, so qualified ids stay readable', () => {
    const { labels } = projectLabels([p('1', '[unit] tests', '/r')], '/r');
    expect(qualified(labels.get('1') as string, 'a.test.js::t')).toBe(
      '[(unit) tests] a.test.js::t',
    );
  });
});
