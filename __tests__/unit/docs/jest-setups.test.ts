import { docSamples } from '../../e2e/support/doc-samples';
import { docCodeBlocks } from '../../support/doc-code-blocks';

// The end-to-end suite runs every tagged sample of this page; an untagged
// code block would be a sample nobody runs.
describe('docs/jest-setups.md', () => {
  test('every code block except shell commands is a tagged sample', () => {
    const blocks = docCodeBlocks('docs/jest-setups.md');
    expect(blocks.length).toBeGreaterThan(10);
    const untagged = blocks.filter((block) => !block.sample && block.language !== 'sh');
    expect(untagged).toEqual([]);
  });

  test('samples are found by scenario and file; an unknown scenario throws', () => {
    expect(Object.keys(docSamples('jest-setups.md', 'company'))).toEqual([
      'rampart-company-env.js',
      'jest.config.js',
    ]);
    expect(() => docSamples('jest-setups.md', 'nothing')).toThrow(
      'docs/jest-setups.md has no code sample tagged sample:nothing/<file>',
    );
  });
});
