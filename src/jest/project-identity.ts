/**
 * Which Jest project a test file ran in, and the label that tells projects
 * apart in test ids, trial-group keys and the summary of a multi-project run
 * (docs/reporter.md, "How the test id is formed"). Pure functions.
 */
import { relativeTestPath } from './test-identity';

/** A Jest project as RAMPART identifies it. */
export interface JestProject {
  /** Jest's own project id (`config.id`: a hash of rootDir, config file and position). */
  id: string;
  /** The project's `displayName`, when it has one. */
  displayName: string | null;
  rootDir: string;
}

/** The parts of a Jest project config this module reads (`displayName` is a string or `{ name }`). */
export interface ProjectConfigLike {
  id?: unknown;
  displayName?: unknown;
  rootDir: string;
}

function displayNameOf(value: unknown): string | null {
  const name =
    typeof value === 'string'
      ? value
      : value !== null && typeof value === 'object'
        ? (value as { name?: unknown }).name
        : undefined;
  return typeof name === 'string' && name.length > 0 ? name : null;
}

/** The project of a Jest project config (the environment's `projectConfig`, a reporter test's `context.config`). */
export function projectOf(config: ProjectConfigLike): JestProject {
  return {
    id: typeof config.id === 'string' && config.id.length > 0 ? config.id : config.rootDir,
    displayName: displayNameOf(config.displayName),
    rootDir: config.rootDir,
  };
}

/** Like {@link projectOf}, for a value of unknown shape; null when it is no project config. */
export function projectOfUnknown(config: unknown): JestProject | null {
  if (config === null || typeof config !== 'object') return null;
  const rootDir = (config as { rootDir?: unknown }).rootDir;
  return typeof rootDir === 'string' ? projectOf(config as ProjectConfigLike) : null;
}

/** `[<label>] <text>`: a test id, file or title qualified by its project. */
export function qualified(label: string, text: string): string {
  return `[${label}] ${text}`;
}

/**
 * The label of a project before collisions are resolved: its displayName,
 * else its rootDir relative to the run's rootDir (`.` for the run's own).
 * Square brackets become parentheses, so a qualified id always reads
 * `[label] rest` with the label's end where the first `]` is.
 */
function baseLabel(project: JestProject, runRootDir: string): string {
  const label = project.displayName ?? (relativeTestPath(runRootDir, project.rootDir) || '.');
  return label.replace(/\[/g, '(').replace(/\]/g, ')');
}

/** Labels of the projects of a run, unique among them. */
export interface ProjectLabels {
  /** Label by project id. */
  labels: Map<string, string>;
  /** Labels that had to be told apart by project id, one list per shared base label. */
  ambiguous: string[][];
}

/**
 * Unique labels for `projects`. Projects whose base labels coincide get
 * `#<start of Jest's project id>` appended: unique, and stable from run to
 * run, but not readable; a displayName per project is the remedy.
 */
export function projectLabels(projects: Iterable<JestProject>, runRootDir: string): ProjectLabels {
  const byBase = new Map<string, JestProject[]>();
  for (const project of projects) {
    const base = baseLabel(project, runRootDir);
    const list = byBase.get(base);
    if (!list) byBase.set(base, [project]);
    else if (!list.some((p) => p.id === project.id)) list.push(project);
  }
  const labels = new Map<string, string>();
  const ambiguous: string[][] = [];
  for (const [base, list] of byBase) {
    if (list.length === 1) {
      labels.set((list[0] as JestProject).id, base);
      continue;
    }
    let length = 8;
    while (new Set(list.map((p) => p.id.slice(0, length))).size < list.length) length += 4;
    const named = list.map((p) => `${base}#${p.id.slice(0, length)}`);
    list.forEach((p, i) => labels.set(p.id, named[i] as string));
    ambiguous.push([...named].sort());
  }
  return { labels, ambiguous };
}
