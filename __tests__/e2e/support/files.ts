/** Test-file building blocks shared by the end-to-end scenarios. */

/**
 * `rec(status, summary, extra)`: record a Result from a consumer test.
 * `ownSpoolFile()`: the spool file of the running test file (for tampering tests).
 */
export const HELPERS_JS = `
const fs = require('node:fs');
const path = require('node:path');
const { recordResult, Result } = require('rampart');
exports.rec = (status, summary, extra = {}) =>
  recordResult(new Result({ status, summary, observabilityLevel: 'tool_only', ...extra }));
exports.sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
exports.ownSpoolFile = () => {
  const { dir } = JSON.parse(process.env.RAMPART_RUN);
  const files = fs.readdirSync(dir).flatMap((sub) => fs.readdirSync(path.join(dir, sub)).map((f) => path.join(dir, sub, f)));
  const { testPath } = expect.getState();
  return files.find((file) => JSON.parse(fs.readFileSync(file, 'utf8').split('\\n')[0]).testPath === testPath);
};
`;
