/**
 * `rampart/env`: jest-environment-node with RAMPART collection, or, when
 * `testEnvironmentOptions.rampart.base` names another environment, that
 * environment with RAMPART collection (docs/jest-setups.md). Collection
 * itself is withRampart(), the one mechanism for every base.
 */
import { TestEnvironment as NodeEnvironment } from 'jest-environment-node';
import { loadBaseEnvironment } from './base-environment';
import { splitEnvironmentConfig } from './environment-options';
import type { EnvironmentConstructor } from './environment-types';
import { withRampart } from './with-rampart';

const NodeEnvironmentWithRampart = withRampart(NodeEnvironment);

/** The RAMPART test environment: jest-environment-node (or the configured base) plus collection. */
export class RampartEnvironment extends NodeEnvironmentWithRampart {
  constructor(...args: ConstructorParameters<typeof NodeEnvironment>) {
    const [config, context] = args;
    // Only `testEnvironment: 'rampart/env'` itself reads the option; subclasses have their base.
    if (new.target === RampartEnvironment) {
      const { options, baseConfig } = splitEnvironmentConfig(config);
      if (options.base !== undefined) {
        const Named = withRampart(
          loadBaseEnvironment(options.base, config.projectConfig.rootDir),
        ) as unknown as EnvironmentConstructor;
        // Jest gets an instance of the named base instead: no Node sandbox is built for nothing.
        return new Named(baseConfig, context) as unknown as RampartEnvironment;
      }
    }
    super(...args);
  }
}
