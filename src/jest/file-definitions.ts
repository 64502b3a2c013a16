/**
 * What a test file defines, learnt while it is defined (`add_test` is
 * dispatched synchronously): the harm()/trial() scopes open at each
 * definition, each test's id, title, ancestors, harm category and trial
 * membership, and the file's trial groups. Run-time state (which test is
 * running, what it recorded, the spool) lives in FileRun.
 */
import type { CircusTestEntry } from './circus-types';
import type { DefinitionScope, ScopeBridge } from './scope-bridge';
import { ancestorTitles, testIdOf, trialCloneTitle } from './test-identity';
import { RAMPART_CODE_DIRS, type SourcePosition, testEntryLocation } from './test-location';
import type { PlannedGroup, TestLine, TrialMembership } from './transport/spool-format';

/** What the spool says about a test besides its Results. */
export interface TestDefinition {
  id: string;
  title: string;
  ancestors: string[];
  harm: string | null;
  trial: TrialMembership | null;
  /** Where the test was written (absolute file), when its stack tells. */
  location: TestLine['location'];
}

/** The definitions of one test file. */
export class FileDefinitions {
  private readonly scopes: DefinitionScope[] = [];
  /** Strong, as circus's own state holds every entry of the file anyway (and cheaper than weak). */
  private readonly definitions = new Map<CircusTestEntry, TestDefinition>();
  private readonly usedIds = new Set<string>();
  private readonly groups = new Map<string, PlannedGroup & { indexes: Set<number> }>();
  /** Formatted positions of this file's definition sites: tests defined in a loop share one. */
  private readonly formattedSites = new Map<string, SourcePosition | null>();

  /** `relativePath`: the test file relative to its project's rootDir (test ids start with it). */
  constructor(private readonly relativePath: string) {}

  /** Installed on the sandbox global for harm() and trial(). */
  readonly scopeBridge: ScopeBridge = {
    version: 1,
    pushScope: (scope) => {
      this.scopes.push(scope);
    },
    popScope: () => {
      this.scopes.pop();
    },
    inTrial: () => this.scopes.some((scope) => scope.trial !== undefined),
  };

  private currentScope(): DefinitionScope {
    const merged: DefinitionScope = {};
    for (const scope of this.scopes) {
      if (scope.harm !== undefined) merged.harm = scope.harm;
      if (scope.trial !== undefined) merged.trial = scope.trial;
    }
    return merged;
  }

  private uniqueId(id: string): string {
    let candidate = id;
    for (let n = 2; this.usedIds.has(candidate); n += 1) candidate = `${id} (${n})`;
    this.usedIds.add(candidate);
    return candidate;
  }

  private locationOf(entry: CircusTestEntry): SourcePosition | null {
    return testEntryLocation(entry.asyncError, RAMPART_CODE_DIRS, this.formattedSites);
  }

  /** Defines a test just added (add_test), in the innermost scope; renames a trial clone. */
  define(entry: CircusTestEntry): void {
    const scope = this.currentScope();
    const ancestors = ancestorTitles(entry.parent);
    let trial: TrialMembership | null = null;
    if (scope.trial) {
      const { n, threshold, index } = scope.trial;
      // The scope comes from the test's realm: only a level in (0, 1) is taken (trial() checked it).
      const given = scope.trial.confidence;
      const confidence = typeof given === 'number' && given > 0 && given < 1 ? given : null;
      const baseId = testIdOf(this.relativePath, ancestors, entry.name);
      // Two identically titled trial tests in one block get separate groups.
      let groupId = baseId;
      for (let k = 2; this.groups.get(groupId)?.indexes.has(index); k += 1)
        groupId = `${baseId} (${k})`;
      const group = this.groups.get(groupId) ?? {
        id: groupId,
        title: entry.name,
        n,
        threshold,
        confidence,
        indexes: new Set<number>(),
      };
      group.indexes.add(index);
      this.groups.set(groupId, group);
      trial = { group: groupId, index };
      // Renaming the entry is how scoped trial() clones get distinct titles.
      entry.name = trialCloneTitle(entry.name, index);
    }
    const id = this.uniqueId(testIdOf(this.relativePath, ancestors, entry.name));
    this.definitions.set(entry, {
      id,
      title: entry.name,
      ancestors,
      harm: scope.harm ?? null,
      trial,
      location: this.locationOf(entry),
    });
  }

  /** The definition of `entry`; one without scope metadata for a test defined otherwise. */
  of(entry: CircusTestEntry): TestDefinition {
    const known = this.definitions.get(entry);
    if (known) return known;
    const ancestors = ancestorTitles(entry.parent);
    const definition: TestDefinition = {
      id: this.uniqueId(testIdOf(this.relativePath, ancestors, entry.name)),
      title: entry.name,
      ancestors,
      harm: null,
      trial: null,
      location: this.locationOf(entry),
    };
    this.definitions.set(entry, definition);
    return definition;
  }

  /** The file's trial groups, in the order defined. */
  plannedGroups(): PlannedGroup[] {
    return [...this.groups.values()].map(({ id, title, n, threshold, confidence }) => ({
      id,
      title,
      n,
      threshold,
      ...(confidence !== null && confidence !== undefined ? { confidence } : {}),
    }));
  }
}
