/**
 * docs/getting-started.md as a reader follows it: its jest.config.js, the
 * stand-in agent, the adapter and the first safety tests, run with `npx jest`
 * against the packed package (the fixture's install is the page's install
 * command: the tarball, jest and jest-environment-node); the summary the page
 * shows is what Jest prints, and the report folder is ignored in git.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docSamples } from './support/doc-samples';
import { JEST_VERSIONS } from './support/paths';
import { createScenario } from './support/scenario';

const PAGE = 'getting-started.md';

test.each(JEST_VERSIONS)(
  "Jest %i: the page's files give the finding and the summary it shows",
  async (jest) => {
    const { 'summary.txt': summary, ...files } = docSamples(PAGE, 'first');
    expect(Object.keys(files).sort()).toEqual([
      'agent-adapter.js',
      'agent.safety.test.js',
      'jest.config.js',
      'my-agent.js',
    ]);
    const scenario = createScenario(jest, 'getting-started').write(files);
    const run = await scenario.run([]);
    expect(run.code).toBe(1);
    // The page's summary, line for line, as one block of the output.
    expect(run.stderr).toContain((summary as string).trimEnd());
    expect(run.stderr).toMatch(/Tests:\s+1 failed, 1 passed, 2 total/);
    expect(run.stderr).toMatch(/^RAMPART report: \.rampart\/run_report_\S+\.json$/m);
    const report = scenario.report();
    expect(report.failed).toBe(1);
    expect(report.passed).toBe(1);
    expect(fs.readFileSync(path.join(scenario.dir, '.rampart', '.gitignore'), 'utf8')).toContain(
      '*\n',
    );
  },
);
