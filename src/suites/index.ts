/** Jest suites generated from the agent layer, for the root entry point `rampart`. */
export {
  payloadMatrix,
  MATRIX_METADATA,
  type PayloadMatrixOptions,
  type MatrixCase,
} from './payload-matrix';
