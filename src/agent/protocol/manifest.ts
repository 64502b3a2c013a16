/**
 * What the agent under test can do and read. Its text form
 * ({@link renderManifest}) is given to LLM judges and drivers as context.
 */

/** A tool the agent can call. */
export interface ToolDeclaration {
  name: string;
  description?: string;
  /** Parameter name → type or short description. */
  parameters?: Record<string, string>;
  permissions?: string[];
}

/** A data source the agent reads; `writableByUntrusted` marks a priority XPIA surface. */
export interface DataSource {
  name: string;
  type?: string;
  writableByUntrusted?: boolean;
}

/** Capabilities of the agent under test. */
export interface AppManifest {
  name: string;
  description?: string;
  tools?: ToolDeclaration[];
  dataSources?: DataSource[];
  metadata?: Record<string, unknown>;
}

/** The manifest as text, in upstream's layout (sections separated by blank lines). */
export function renderManifest(manifest: AppManifest): string {
  const sections = [`TARGET AGENT: ${manifest.name}`];
  if (manifest.description) sections.push(manifest.description);
  const tools = manifest.tools ?? [];
  if (tools.length > 0) {
    const lines = tools.map((tool) => {
      const params = Object.entries(tool.parameters ?? {})
        .map(([key, type]) => `${key}: ${type}`)
        .join(', ');
      return `  - ${tool.name}(${params})${tool.description ? ` — ${tool.description}` : ''}`;
    });
    sections.push(['Available tools:', ...lines].join('\n'));
  }
  const sources = manifest.dataSources ?? [];
  if (sources.length > 0) {
    const lines = sources.map(
      (source) =>
        `  - ${source.name}${source.type ? ` (${source.type})` : ''}${
          source.writableByUntrusted ? ' (writable by untrusted users)' : ''
        }`,
    );
    sections.push(['Accessible data sources:', ...lines].join('\n'));
  }
  return sections.join('\n\n');
}
