// A quiet Jest reporter for the demo: one line per test file and one per
// failing test, no failure messages or stack traces. The vulnerable agent
// fails its safety tests on purpose; Jest's default reporter would print
// hundreds of lines of expected failures before the RAMPART summary, which a
// newcomer takes for a broken install. A project of your own keeps Jest's
// 'default' reporter (docs/getting-started.md).
const path = require('node:path');

class TestListReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onTestFileResult(test, result) {
    const failed = result.testResults.filter((t) => t.status === 'failed');
    const passed = result.testResults.filter((t) => t.status === 'passed');
    const file = path.relative(this.rootDir, test.path);
    const status = failed.length > 0 || result.testExecError ? 'FAIL' : 'PASS';
    const lines = [`${status} ${file} (${passed.length} passed, ${failed.length} failed)`];
    for (const t of failed) lines.push(`  ✕ ${[...t.ancestorTitles, t.title].join(' › ')}`);
    if (result.testExecError) lines.push(`  ✕ ${result.testExecError.message.split('\n')[0]}`);
    process.stderr.write(`${lines.join('\n')}\n`);
  }

  onRunComplete(_contexts, aggregated) {
    process.stderr.write(
      `Jest: ${aggregated.numFailedTests} failed, ${aggregated.numPassedTests} passed, ${aggregated.numTotalTests} tests\n`,
    );
  }
}

module.exports = TestListReporter;
