import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { closestName } from '../../../src/model/closest-name';
import { main } from '../../../src/cli/main';
import { BROKEN_REPORTS, corpusFile, expectedError } from '../../fixtures/reports/cases';
import { schemaErrors } from '../../support/report-schema';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in `cwd` (a temporary directory), capturing what it prints. */
function run(args: string[], cwd = dir): Run {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const home = process.cwd();
  process.chdir(cwd);
  const previous = process.env.NO_COLOR;
  process.env.NO_COLOR = '1';
  try {
    return { code: main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.chdir(home);
    if (previous === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = previous;
  }
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const shard1 = corpusFile('valid/rampart-shard-1-of-2.json');
const shard2 = corpusFile('valid/rampart-shard-2-of-2.json');
const usage =
  'Usage: rampart merge <report.json>... -o <merged.json> [options] (see rampart merge --help)';

describe('help and version', () => {
  test('rampart --help, -h and help list the commands on stdout, exit 0', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const { code, stdout, stderr } = run(args);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(
        /^Usage: rampart <command> \[options\]\n\nCommands:\n {2}merge {2}merge/,
      );
      expect(stdout).toContain("    --version  print rampart's version");
    }
  });

  test('merge --help, -h anywhere, and help merge show the options and exit codes', () => {
    for (const args of [
      ['merge', '--help'],
      ['merge', 'x.json', '-h', '--bogus'],
      ['help', 'merge'],
    ]) {
      const { code, stdout, stderr } = run(args);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout.split('\n')[0]).toBe(
        'Usage: rampart merge <report.json>... -o <merged.json> [options]',
      );
      expect(stdout).toContain(
        '  -o, --output <merged.json>   where to write the merged report (required)',
      );
      expect(stdout).toContain(
        '  -f, --force                  replace the output file if it exists',
      );
      expect(stdout).toContain(
        '      --no-fail-on-trial-gate  report failed trial groups without failing',
      );
      expect(stdout).toContain('  -h, --help                   show this help');
      expect(stdout).toContain(
        'Exit codes:\n  0  the merged run passes\n  1  the merged run fails',
      );
      expect(stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
    }
  });

  test('--version prints the version of package.json', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'),
    );
    expect(run(['--version'])).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });
});

describe('usage errors: exit 2, one line that names the problem, then the usage', () => {
  test.each([
    [[], 'rampart: a command must be given, got none\nRun rampart --help for the commands.\n'],
    [
      ['merg'],
      'rampart: unknown command "merg" (did you mean merge?)\nRun rampart --help for the commands.\n',
    ],
    [
      ['--frobnicate'],
      'rampart: unknown option "--frobnicate"\nRun rampart --help for the commands.\n',
    ],
    [['help', 'nope'], 'rampart: unknown command "nope"\nRun rampart --help for the commands.\n'],
    [
      ['merge', 'a.json', '--outptu', 'x.json'],
      `rampart merge: unknown option "--outptu" (did you mean --output?)\n${usage}\n`,
    ],
    [
      ['merge', 'a.json', '--frobnicate'],
      `rampart merge: unknown option "--frobnicate"\n${usage}\n`,
    ],
    [['merge', 'a.json'], `rampart merge: -o <merged.json> must be given, got none\n${usage}\n`],
    [
      ['merge', '-o', 'x.json'],
      `rampart merge: <report.json> must be given at least once, got none\n${usage}\n`,
    ],
    [
      ['merge', 'a.json', '-o'],
      `rampart merge: -o, --output <merged.json> must be followed by its value, got nothing\n${usage}\n`,
    ],
    [
      ['merge', 'a.json', '-o', '--force'],
      `rampart merge: -o, --output <merged.json> must be followed by its value, got "--force"\n${usage}\n`,
    ],
    [
      ['merge', 'a.json', '-o', 'x.json', '--output=y.json'],
      `rampart merge: -o, --output <merged.json> must be given once, got "x.json" and "y.json"\n${usage}\n`,
    ],
    [
      ['merge', 'a.json', '-o', 'x.json', '--force=yes'],
      `rampart merge: -f, --force must be given without a value, got "yes"\n${usage}\n`,
    ],
    [
      ['merge', 'a.json', '--output='],
      `rampart merge: -o <merged.json> must be a file name, got ""\n${usage}\n`,
    ],
  ])('%j', (args, stderr) => {
    expect(run(args, dir)).toEqual({ code: 2, stdout: '', stderr });
  });

  test('closestName suggests only near misses', () => {
    expect(closestName('outptu', ['output', 'force'])).toBe('output');
    expect(closestName('FORCE', ['output', 'force'])).toBe('force');
    expect(closestName('no-fail-on-trial-gates', ['no-fail-on-trial-gate'])).toBe(
      'no-fail-on-trial-gate',
    );
    expect(closestName('x', ['output', 'force'])).toBeNull();
    expect(closestName('frobnicate', ['output', 'force'])).toBeNull();
  });
});

describe('merge', () => {
  test('two shards: exit 0, a valid merged report, the summary on stderr', () => {
    const { code, stdout, stderr } = run(['merge', shard2, shard1, '-o', 'out/merged.json'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('RAMPART Safety Summary');
    expect(stderr).toContain(`RAMPART merged report: ${path.join('out', 'merged.json')}`);
    const merged = JSON.parse(fs.readFileSync(path.join(dir, 'out/merged.json'), 'utf8'));
    expect(schemaErrors(merged)).toBeNull();
    expect(merged.total_runs).toBe(7);
    expect(merged.metadata.merged_from).toEqual([shard2, shard1]);
  });

  test('an incomplete merged run: exit 1 and why', () => {
    const { code, stderr } = run(['merge', shard1, '-o', 'merged.json'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('  - shard 2/2 is missing');
    expect(stderr).toContain('RAMPART fails this run: the RAMPART run is incomplete.');
  });

  test('an output that exists is refused before any input is read; --force replaces it atomically', () => {
    const out = path.join(dir, 'merged.json');
    fs.writeFileSync(out, 'keep me');
    const refused = run(['merge', 'missing.json', '-o', 'merged.json'], dir);
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: 'rampart merge: merged.json already exists; use --force to replace it\n',
    });
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');

    const inode = fs.statSync(out).ino;
    const forced = run(['merge', shard1, shard2, '-o', 'merged.json', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(schemaErrors(JSON.parse(fs.readFileSync(out, 'utf8')))).toBeNull();
    // Renamed into place, not rewritten in place; no temporary file is left.
    expect(fs.statSync(out).ino).not.toBe(inode);
    expect(fs.readdirSync(dir)).toEqual(['merged.json']);
  });

  test('a broken input: exit 2, the message of the reader, nothing written', () => {
    const broken = BROKEN_REPORTS.find((c) => c.file === 'invalid/trace-end-reason.json');
    if (!broken) throw new Error('corpus case missing');
    const file = corpusFile(broken.file);
    const { code, stdout, stderr } = run(['merge', shard1, file, '-o', 'merged.json'], dir);
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `rampart merge: ${expectedError(broken, file)}\n`,
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('an output that is a directory, or cannot be written, is a plain error', () => {
    fs.mkdirSync(path.join(dir, 'taken'));
    expect(run(['merge', shard1, '-o', 'taken', '--force'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'rampart merge: the output must be a file, got the directory "taken"\n',
    });
    fs.writeFileSync(path.join(dir, 'file'), '');
    const { code, stderr } = run(['merge', shard1, '-o', 'file/merged.json'], dir);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `rampart merge: cannot write file/merged.json: file already exists (mkdir ${path.join(dir, 'file')})\n`,
    );
  });

  test('terminal escapes in messages are removed', () => {
    const { code, stderr } = run(['merge', '\x1b]0;title\x07x.json', '-o', 'o.json'], dir);
    expect(code).toBe(2);
    expect(stderr).toBe('rampart merge: cannot read x.json: no such file or directory\n');
  });
});

describe('merge and run_report_latest.json', () => {
  test('a glob that names a shard report and its latest copy merges the shard once', () => {
    for (const [sub, file] of [
      ['s1', shard1],
      ['s2', shard2],
    ] as const) {
      fs.mkdirSync(path.join(dir, sub));
      fs.copyFileSync(file, path.join(dir, sub, 'run_report_2026-11-27T10-15-00-123.json'));
      fs.copyFileSync(file, path.join(dir, sub, 'run_report_latest.json'));
    }
    const inputs = ['s1', 's2'].flatMap((sub) => [
      `${sub}/run_report_2026-11-27T10-15-00-123.json`,
      `${sub}/run_report_latest.json`,
    ]);
    const { code, stderr } = run(['merge', ...inputs, '-o', 'merged.json']);
    expect(code).toBe(0);
    expect(stderr).toContain('Population: 7 runs - 1 unsafe');
    const merged = JSON.parse(fs.readFileSync(path.join(dir, 'merged.json'), 'utf8'));
    expect(merged.metadata.incomplete).toBeUndefined();
    expect(merged.metadata.merged_from).toEqual([inputs[0], inputs[2]]);
  });
});

describe('rampart diff', () => {
  test('a report against itself: no regression, exit 0; usage errors exit 2', () => {
    const same = run(['diff', shard1, shard1]);
    expect(same.code).toBe(0);
    expect(same.stdout.split('\n')).toContain('No regression against the baseline.');
    // A short relative path, so the message is whole wherever the repository lives.
    expect(run(['diff', path.basename(shard1)], path.dirname(shard1)).stderr).toBe(
      `rampart diff: <baseline.json> <run.json> must be given, got ${JSON.stringify(path.basename(shard1))} alone\nUsage: rampart diff <baseline.json> <run.json> [options] (see rampart diff --help)\n`,
    );
    expect(run(['diff', shard1, shard2, '--format', 'html']).stderr).toContain(
      'rampart diff: --format must be one of text, markdown, json, got "html"',
    );
    expect(run(['diff', shard1, shard2, '--fail-on', 'asr,flip']).code).toBe(2);
  });
});

describe('rampart html', () => {
  const htmlUsage =
    'Usage: rampart html <report.json> [-o <page.html>] [options] (see rampart html --help)';

  test('help: the options and exit codes, within 80 columns', () => {
    const { code, stdout, stderr } = run(['html', '--help']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout.split('\n')[0]).toBe(
      'Usage: rampart html <report.json> [-o <page.html>] [options]',
    );
    expect(stdout).toContain('  -o, --output <page.html>');
    expect(stdout).toContain('Exit codes:\n  0  the page was written; the run passes');
    expect(stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(run(['--help']).stdout).toMatch(
      /\n {2}html {3}render a JSON report as a self-contained HTML page\n/,
    );
  });

  test.each([
    [['html'], `rampart html: <report.json> must be given, got none\n${htmlUsage}\n`],
    [
      ['html', 'a.json', 'b.json'],
      `rampart html: <report.json> must be given once, got 2 files\n${htmlUsage}\n`,
    ],
    [
      ['html', 'a.json', '-o', ''],
      `rampart html: -o <page.html> must be a file name, got ""\n${htmlUsage}\n`,
    ],
  ])('%p: exit 2 and the usage', (args, stderr) => {
    expect(run(args)).toEqual({ code: 2, stdout: '', stderr });
  });

  test('writes the page beside the report by default; exit 1 for a failing run; never over a file without --force', () => {
    fs.copyFileSync(shard1, path.join(dir, 'shard.json'));
    // Shard 1 of 2 alone is complete as a report: its verdict is its own.
    const first = run(['html', 'shard.json']);
    expect(first.stderr).toMatch(/^RAMPART HTML report: shard\.html\n/);
    const page = fs.readFileSync(path.join(dir, 'shard.html'), 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<script type="application/json" id="rampart-results">');
    expect(run(['html', 'shard.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'rampart html: shard.html already exists; use --force to replace it\n',
    });
    expect(run(['html', 'shard.json', '--force']).code).toBe(first.code);
  });

  test('a broken report: exit 2, its message, nothing written', () => {
    const [broken] = BROKEN_REPORTS;
    const file = corpusFile((broken as { file: string }).file);
    const outcome = run(['html', file, '-o', 'page.html']);
    expect(outcome).toEqual({
      code: 2,
      stdout: '',
      stderr: `rampart html: ${expectedError(broken as (typeof BROKEN_REPORTS)[number], file)}\n`,
    });
    expect(fs.existsSync(path.join(dir, 'page.html'))).toBe(false);
  });
});
