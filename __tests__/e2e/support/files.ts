/** Test-file building blocks shared by the end-to-end scenarios. */

/** `rec(status, summary, extra)`: record a Result from a consumer test. */
export const HELPERS_JS = `
const { recordResult, Result } = require('rampart');
exports.rec = (status, summary, extra = {}) =>
  recordResult(new Result({ status, summary, observabilityLevel: 'tool_only', ...extra }));
exports.sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
`;
