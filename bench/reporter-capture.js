// A Jest reporter for bench/reporter-replay.js: saves what Jest hands
// rampart/reporter (its global config, each file's test and results, the
// contexts and the aggregated counts), reduced to the fields rampart reads.
const fs = require('node:fs');

const projectConfig = (config) =>
  config && { rootDir: config.rootDir, displayName: config.displayName ?? null, id: config.id };

class ReporterCapture {
  constructor(globalConfig, options) {
    this.out = options.out;
    this.globalConfig = {
      rootDir: globalConfig.rootDir,
      maxWorkers: globalConfig.maxWorkers,
      projects: globalConfig.projects,
      testNamePattern: globalConfig.testNamePattern ?? null,
    };
    this.files = [];
  }

  onTestFileResult(test, result) {
    this.files.push({
      test: { path: test.path, context: { config: projectConfig(test.context?.config) } },
      result: {
        testExecError: result.testExecError ?? undefined,
        testResults: result.testResults.map((t) => ({
          status: t.status,
          title: t.title,
          ancestorTitles: t.ancestorTitles,
          fullName: t.fullName,
        })),
      },
    });
  }

  onRunComplete(contexts, aggregated) {
    fs.writeFileSync(
      this.out,
      JSON.stringify({
        globalConfig: this.globalConfig,
        files: this.files,
        contexts: [...(contexts ?? [])].map((c) => ({ config: projectConfig(c.config) })),
        aggregated: {
          numTotalTestSuites: aggregated.numTotalTestSuites,
          testResults: aggregated.testResults.map(() => ({})),
        },
      }),
    );
  }
}

module.exports = ReporterCapture;
