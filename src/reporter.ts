/** `rampart/reporter`: the RAMPART Jest reporter. */
import { RampartReporter } from './jest/reporter';

export { RampartReporter };
export type { RampartReporterOptions } from './jest/reporter-options';
export default RampartReporter;
