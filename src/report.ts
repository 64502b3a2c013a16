/**
 * `rampart/report`: the run report model as sinks receive it, trial-group
 * verdicts, and the sink types with the built-in JSON file sink
 * (docs/entry-points.md, docs/reporter.md "Sinks").
 */
export {
  TestRunReport,
  summarizePopulation,
  UNCATEGORIZED,
  type PopulationSummary,
  type TestRunReportOptions,
} from './model/run-report';
export { TrialGroupResult, classifyTrialGroup } from './model/trial-group';
export type { ReportSink } from './report/sink';
export { JsonFileReportSink, type JsonFileReportSinkOptions } from './report/json-file-sink';
export type { SinkFactory, SinkFactoryContext } from './report/sink-modules';
