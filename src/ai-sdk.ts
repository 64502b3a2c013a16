/**
 * `rampart/ai-sdk`: the Vercel AI SDK (`ai`, majors 6 and 7) as an agent
 * under test — `aiSdkAdapter` and the tool-output and tool-description
 * surfaces (docs/adapters.md). It reads the SDK's objects structurally and
 * never loads `ai` itself; the root entry point `rampart` never loads this one.
 */
export * from './agent/adapters/ai-sdk';
