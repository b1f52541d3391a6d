/**
 * `service-feedback/analytics.js`: summaries, reports and record files (CONTRACT §5).
 * No DOM, no I/O: runs in browsers, Web Workers and Node.
 */
export {
  PERIODS,
  PERIOD_KEY_PATTERNS,
  civilFromDays,
  daysFromCivil,
  parseInstant,
  periodKey,
  periodKeyer,
  periodKeyOfDay,
  resolveTimeZone,
  runtimeTimeZone,
  timeZoneOffset,
  type Period,
  type ResolvedTimeZone,
} from './period.js';
export { normalQuantile, wilsonInterval, zForConfidence } from './wilson.js';
export {
  GROUP_FIELDS,
  SUMMARY_VERSION,
  addGroupStats,
  compareKeys,
  createSummarizer,
  emptyGroupStats,
  emptySummary,
  merge,
  summarize,
  summaryFromGroups,
  type GroupField,
  type GroupKey,
  type GroupStats,
  type SummarizeOptions,
  type Summarizer,
  type Summary,
  type SummaryGroup,
} from './summary.js';
export { DEFAULT_TARGETS, report, type ReportOptions, type ReportRow, type StandardResult, type Targets } from './report.js';
export {
  MAX_RECORD_TEXT,
  RECORD_FORMATS,
  detectFormat,
  parseRecordStream,
  parseRecords,
  type ParseBatch,
  type ParseError,
  type ParseOptions,
  type ParseResult,
  type RecordFormat,
  type TextChunk,
} from './parse.js';
export { CsvReader, MAX_CSV_ROW, toCsv, type CsvDelimiter, type CsvRow, type ToCsvOptions } from './csv.js';
export {
  MAX_REPORTED_ERRORS,
  handleWorkerMessage,
  type BlobLike,
  type DoneMessage,
  type ErrorMessage,
  type HandlerOptions,
  type ProgressMessage,
  type SummarizeRequest,
  type WorkerResponse,
} from './worker-protocol.js';
