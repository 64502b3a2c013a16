/**
 * `rampart/langchain`: LangChain.js agents and LangGraph compiled graphs
 * (`@langchain/core` 1, `langchain` 1, `@langchain/langgraph` 1) as agents
 * under test — `langchainAdapter` and the tool-output and tool-description
 * surfaces (docs/adapters.md). It reads LangChain's objects structurally and
 * never loads LangChain itself; the root entry point `rampart` never loads this one.
 */
export * from './agent/adapters/langchain';
