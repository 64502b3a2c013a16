/** The OWASP Top 10 for Agentic Applications, 2026 edition (published December 2025). */
import type { Taxonomy } from './taxonomy';

/** OWASP Top 10 for Agentic Applications 2026: ids `ASI01` … `ASI10`. */
export const OWASP_AGENTIC_TOP_10: Taxonomy = {
  key: 'owasp_agentic',
  title: 'OWASP Top 10 for Agentic Applications',
  version: '2026',
  source: 'https://genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/',
  entries: [
    { id: 'ASI01', name: 'Agent Goal Hijack' },
    { id: 'ASI02', name: 'Tool Misuse and Exploitation' },
    { id: 'ASI03', name: 'Identity and Privilege Abuse' },
    { id: 'ASI04', name: 'Agentic Supply Chain Vulnerabilities' },
    { id: 'ASI05', name: 'Unexpected Code Execution (RCE)' },
    { id: 'ASI06', name: 'Memory & Context Poisoning' },
    { id: 'ASI07', name: 'Insecure Inter-Agent Communication' },
    { id: 'ASI08', name: 'Cascading Failures' },
    { id: 'ASI09', name: 'Human-Agent Trust Exploitation' },
    { id: 'ASI10', name: 'Rogue Agents' },
  ],
};
