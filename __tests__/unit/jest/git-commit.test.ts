import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitCommit } from '../../../src/jest/git-commit';

const A = 'a'.repeat(40);
const B = '0123456789abcdef0123456789abcdef01234567';

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-git-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('gitCommit reads .git without git', () => {
  test('a branch with a loose ref, found from a folder below the repository', () => {
    const root = tree({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': `${A}\n` });
    fs.mkdirSync(path.join(root, 'packages', 'agent'), { recursive: true });
    expect(gitCommit(path.join(root, 'packages', 'agent'))).toBe(A);
  });

  test('a packed ref, and a detached HEAD', () => {
    const packed = tree({
      '.git/HEAD': 'ref: refs/heads/release/1.0\n',
      '.git/packed-refs': `# pack-refs with: peeled fully-peeled sorted\n${B} refs/heads/release/1.0\n`,
    });
    expect(gitCommit(packed)).toBe(B);
    expect(gitCommit(tree({ '.git/HEAD': `${A}\n` }))).toBe(A);
  });

  test('a worktree: .git names its git directory, whose commondir holds the refs', () => {
    const root = tree({
      'main/.git/refs/heads/feature': `${B}\n`,
      'main/.git/worktrees/wt/HEAD': 'ref: refs/heads/feature\n',
      'main/.git/worktrees/wt/commondir': '../..\n',
    });
    fs.mkdirSync(path.join(root, 'wt'));
    fs.writeFileSync(
      path.join(root, 'wt', '.git'),
      `gitdir: ${path.join(root, 'main/.git/worktrees/wt')}\n`,
    );
    expect(gitCommit(path.join(root, 'wt'))).toBe(B);
  });

  test('no repository, an unborn branch, a broken HEAD: null, never an error', () => {
    // The temporary directory may itself sit inside a repository: give a HEAD that resolves nowhere.
    expect(gitCommit(tree({ '.git/HEAD': 'ref: refs/heads/unborn\n' }))).toBeNull();
    expect(gitCommit(tree({ '.git/HEAD': 'garbage' }))).toBeNull();
    expect(gitCommit(tree({ '.git/HEAD': 'ref: ../../../etc/passwd\n' }))).toBeNull();
    expect(gitCommit(tree({ '.git': 'not a pointer' }))).toBeNull();
  });
});
