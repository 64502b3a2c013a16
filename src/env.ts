/** `rampart/env`: the RAMPART test environment (jest-environment-node + collection). */
import { RampartEnvironment } from './jest/environment';

export { RampartEnvironment, RampartEnvironment as TestEnvironment };
export default RampartEnvironment;
