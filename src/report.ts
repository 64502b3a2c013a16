/**
 * `rampart/report`: the run report model as sinks receive it, trial-group
 * verdicts, and the sink types with the built-in file sinks (JSON, JUnit
 * XML, SARIF) and the GitHub Actions sink (docs/entry-points.md,
 * docs/reporter.md "Sinks", docs/ci-formats.md).
 */
export {
  TestRunReport,
  summarizePopulation,
  UNCATEGORIZED,
  type PopulationSummary,
  type TestRunReportOptions,
  type ResultSource,
} from './model/run-report';
export { ResultDigest, type CategoryDigest } from './model/result-digest';
export { TrialGroupResult, classifyTrialGroup } from './model/trial-group';
export type { ReportSink } from './report/sink';
export { JsonFileReportSink, type JsonFileReportSinkOptions } from './report/json-file-sink';
export { HtmlFileReportSink, type HtmlFileReportSinkOptions } from './report/html-file-sink';
export { htmlReportChunks, type HtmlReportOptions } from './report/html-report';
export type { SinkFactory, SinkFactoryContext } from './report/sink-modules';
export { type FormatFileOptions } from './report/json-file-sink';
export { JUnitFileSink, SarifFileSink } from './report/ci-file-sinks';
export { GitHubActionsSink, type GitHubActionsSinkOptions } from './report/github-actions-sink';
export { renderJUnit } from './report/junit-report';
export { renderSarif, type SarifOptions } from './report/sarif-report';
export {
  githubAnnotations,
  githubStepSummary,
  type AnnotationOptions,
  type StepSummaryOptions,
} from './report/github-actions';
export type { TestLocation } from './model/result-tags';
