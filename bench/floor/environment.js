// The floor config's test environment (bench/suites.js): the least work any
// environment with rampart's guarantees must do per test file and per test,
// so the benchmark can show what remains of rampart's cost above it.
// jest-environment-node is resolved from the repository's node_modules, the
// same copy the bench's Jest (node_modules/jest) loads for `testEnvironment: 'node'`.
const fs = require('node:fs');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

/** The global the generated test files record through (bench/suites.js). */
const RECORD_GLOBAL = '__RAMPART_FLOOR_RECORD__';

/** The spool file of one test file; bench/floor/reporter.js names it the same way. */
const spoolFile = (spoolDir, testPath) =>
  path.join(spoolDir, `${encodeURIComponent(testPath)}.jsonl`);

/** The test's name as Jest reports it: its describe blocks' names and its own. */
function fullName(test) {
  const names = [test.name];
  for (let block = test.parent; block && block.parent; block = block.parent)
    names.unshift(block.name);
  return names.join(' ');
}

class FloorEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const { spoolDir } = config.projectConfig.testEnvironmentOptions;
    // One file per test file, opened once: every test then costs one write.
    // 'wx': a spool file is never overwritten (the reporter makes the folder fresh).
    this.fd = fs.openSync(spoolFile(spoolDir, context.testPath), 'wx');
    this.current = null;
    // The test file's way to hand a Result to the running test.
    this.global[RECORD_GLOBAL] = (result) => {
      if (this.current === null) throw new Error('a Result was recorded outside a test');
      this.current.push(result);
    };
  }

  // Its existence is part of the floor: rampart must see test_start and
  // test_done, and jest-circus then awaits this handler for every event.
  handleTestEvent(event) {
    if (event.name === 'test_start') this.current = [];
    else if (event.name === 'test_done') {
      // The guarantee: a test's Results are on disk before Jest reports the
      // test. One line, one write, on the fd opened in the constructor.
      const line = `${JSON.stringify({ test: fullName(event.test), results: this.current })}\n`;
      this.current = null;
      fs.writeSync(this.fd, line);
    }
  }

  async teardown() {
    fs.closeSync(this.fd);
    await super.teardown();
  }
}

module.exports = FloorEnvironment;
