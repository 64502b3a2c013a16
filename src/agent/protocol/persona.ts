/** Who an LLM plays: the judge's identity, or the user an LLM driver simulates. */
export interface Persona {
  name: string;
  description?: string;
  /** Opening of the system prompt. */
  systemPrompt?: string;
}
