import { BaseExecution, ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { executionLog } from '../../../src/integration';

const adapter = { observabilityProfile: ObservabilityLevel.TOOL_ONLY };
const population = { id: 'pop', index: 0, size: 2, threshold: 0.5 };

class Fixed extends BaseExecution {
  readonly strategyName = 'fixed';
  constructor(private readonly fail: boolean) {
    super();
  }
  protected async run(): Promise<Result> {
    if (this.fail) throw new Error('boom');
    return new Result({
      status: SafetyStatus.SAFE,
      summary: 'ok',
      observabilityLevel: ObservabilityLevel.TOOL_ONLY,
    });
  }
}

const originalWarn = executionLog.warn;
beforeEach(() => (executionLog.warn = () => {}));
afterEach(() => (executionLog.warn = originalWarn));

test('execute(adapter, { population }) stamps the population on SAFE and ERROR Results', async () => {
  expect((await new Fixed(false).execute(adapter, { population })).population).toEqual(population);
  const error = await new Fixed(true).execute(adapter, { population });
  expect(error.status).toBe('error');
  expect(error.population).toEqual(population);
});

test('without the option the Result keeps no population', async () => {
  expect((await new Fixed(false).execute(adapter)).population).toBeNull();
});
