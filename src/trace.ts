/**
 * `rampart/trace`: a Result as JSON — the canonical codec, upstream's
 * `rampart.trace.v2` trace records, and the conversion that makes any value
 * JSON-safe (docs/entry-points.md, docs/attacks-and-probes.md "Trace records").
 */
export { encodeResult, decodeResult, SchemaError } from './model/result-codec';
export {
  serializeRecord,
  deserializeRecord,
  TRACE_SCHEMA_VERSION,
  UnsupportedSchemaVersionError,
  type ResultRecord,
} from './model/trace-record';
export { toJsonSafe, type JsonValue } from './model/json-safe';
