/** The OWASP Top 10 for LLM Applications, 2025 edition (v2.0). */
import type { Taxonomy } from './taxonomy';

/** OWASP Top 10 for LLM Applications 2025: ids `LLM01:2025` … `LLM10:2025`. */
export const OWASP_LLM_TOP_10: Taxonomy = {
  key: 'owasp_llm',
  title: 'OWASP Top 10 for LLM Applications',
  version: '2025',
  source:
    'https://genai.owasp.org/llm-top-10/ (source: github.com/OWASP/www-project-top-10-for-large-language-model-applications, 2_0_vulns)',
  entries: [
    { id: 'LLM01:2025', name: 'Prompt Injection' },
    { id: 'LLM02:2025', name: 'Sensitive Information Disclosure' },
    { id: 'LLM03:2025', name: 'Supply Chain' },
    { id: 'LLM04:2025', name: 'Data and Model Poisoning' },
    { id: 'LLM05:2025', name: 'Improper Output Handling' },
    { id: 'LLM06:2025', name: 'Excessive Agency' },
    { id: 'LLM07:2025', name: 'System Prompt Leakage' },
    { id: 'LLM08:2025', name: 'Vector and Embedding Weaknesses' },
    { id: 'LLM09:2025', name: 'Misinformation' },
    { id: 'LLM10:2025', name: 'Unbounded Consumption' },
  ],
};
