/**
 * `PayloadStore`: named collections of generated payloads on disk, in
 * upstream RAMPART's layout, so expensive model-generated variants are made
 * once and loaded synchronously by later runs (e.g. to build a test matrix):
 *
 *     <root>/<name>/manifest.json   {collection, count, formats, provenance}
 *     <root>/<name>/payloads.jsonl  one {id, content, format, metadata, artifact?} per line
 *     <root>/<name>/artifacts/<id><ext>
 *
 * A collection is written in a private temporary directory and renamed into
 * place: it appears complete or not at all, and never replaces another.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasErrorCode } from '../../model/exclusive-file';
import { toJsonSafe, toJsonSafeRecord } from '../../model/json-safe';
import { createPayload } from '../protocol/payload';
import { type PayloadFormat, formatExtension } from '../../model/payload-format';
import type { Payload } from '../../model/trace-types';
import { describeValue, errorParts } from '../../model/value-description';
import { argumentChecks } from '../../model/value-checks';

const NAME = /^[A-Za-z0-9._-]{1,128}$/;
const MANIFEST = 'manifest.json';
const PAYLOADS = 'payloads.jsonl';
const ARTIFACTS = 'artifacts';

/** What `manifest.json` holds. */
export interface PayloadCollectionManifest {
  collection: string;
  count: number;
  /** The formats present, sorted. */
  formats: PayloadFormat[];
  /** Free-form: how the collection was made (template, model, date, ...). */
  provenance: Record<string, unknown>;
}

/** Options of {@link PayloadStore}. */
export interface PayloadStoreOptions {
  /** Directory of the collections; default `.rampart/payloads` (relative to the working directory). */
  root?: string;
}

/** Options of {@link PayloadStore.load}. */
export interface LoadOptions {
  /** Only payloads of this format. */
  format?: PayloadFormat;
}

/** Throws unless `name` can name a collection directory. */
export function validateCollectionName(name: unknown): string {
  if (
    typeof name !== 'string' ||
    !NAME.test(name) ||
    name === '.' ||
    name === '..' ||
    name.startsWith('.')
  )
    throw new TypeError(
      `Payload collection name must be 1-128 letters, digits, '.', '_' or '-' not starting with '.', got ${describeValue(name)}`,
    );
  return name;
}

/** Collections of payloads on disk. */
export class PayloadStore {
  readonly root: string;

  constructor(options: PayloadStoreOptions = {}) {
    const root = options.root ?? path.join('.rampart', 'payloads');
    this.root = path.resolve(argumentChecks.nonEmptyString(root, 'PayloadStore root'));
  }

  /** Directory of collection `name`. */
  collectionDir(name: string): string {
    return path.join(this.root, validateCollectionName(name));
  }

  /** True when collection `name` exists. */
  exists(name: string): boolean {
    return fs.existsSync(path.join(this.collectionDir(name), MANIFEST));
  }

  /** Names of the stored collections, sorted. */
  list(): string[] {
    if (!fs.existsSync(this.root)) return [];
    return fs
      .readdirSync(this.root)
      .filter((name) => NAME.test(name) && !name.startsWith('.'))
      .filter((name) => fs.existsSync(path.join(this.root, name, MANIFEST)))
      .sort();
  }

  /**
   * Saves `payloads` as collection `name`; throws when it exists (delete it
   * first). Artifacts are copied into the collection. Returns its directory.
   */
  save(
    name: string,
    payloads: readonly Payload[],
    provenance: Record<string, unknown> = {},
  ): string {
    const target = this.collectionDir(name);
    if (!Array.isArray(payloads) || payloads.length === 0)
      throw new TypeError(
        `PayloadStore.save payloads must be a non-empty array, got ${describeValue(payloads)}`,
      );
    const checked = payloads.map((p, i) => {
      try {
        return createPayload(p);
      } catch (error) {
        throw new TypeError(
          `PayloadStore.save payloads[${i}] is invalid: ${errorParts(error).message}`,
        );
      }
    });
    const ids = new Set<string>();
    for (const p of checked) {
      if (ids.has(p.id))
        throw new TypeError(
          `PayloadStore.save payload ids must be unique, got ${describeValue(p.id)} twice`,
        );
      ids.add(p.id);
    }
    if (fs.existsSync(target))
      throw new Error(
        `Payload collection ${describeValue(name)} already exists at ${target}; delete it first`,
      );
    fs.mkdirSync(this.root, { recursive: true });
    const temporary = fs.mkdtempSync(path.join(this.root, `.${name}.tmp-`));
    try {
      const lines = checked.map((p) => {
        const line: Record<string, unknown> = {
          id: p.id,
          content: p.content,
          format: p.format,
          metadata: toJsonSafeRecord(p.metadata),
        };
        if (p.artifact !== null) {
          const relative = `${ARTIFACTS}/${p.id}${formatExtension(p.format)}`;
          fs.mkdirSync(path.join(temporary, ARTIFACTS), { recursive: true });
          fs.copyFileSync(p.artifact, path.join(temporary, relative), fs.constants.COPYFILE_EXCL);
          line.artifact = relative;
        }
        return JSON.stringify(line);
      });
      const manifest: PayloadCollectionManifest = {
        collection: name,
        count: checked.length,
        formats: [...new Set(checked.map((p) => p.format))].sort(),
        provenance: toJsonSafeRecord(provenance),
      };
      fs.writeFileSync(path.join(temporary, PAYLOADS), `${lines.join('\n')}\n`, { flag: 'wx' });
      fs.writeFileSync(
        path.join(temporary, MANIFEST),
        `${JSON.stringify(toJsonSafe(manifest), null, 2)}\n`,
        { flag: 'wx' },
      );
      try {
        fs.renameSync(temporary, target); // fails on a non-empty target: never replaces a collection
      } catch (error) {
        if (hasErrorCode(error, 'ENOTEMPTY', 'EEXIST'))
          throw new Error(
            `Payload collection ${describeValue(name)} already exists at ${target}; delete it first`,
          );
        throw error;
      }
      return target;
    } finally {
      fs.rmSync(temporary, { recursive: true, force: true });
    }
  }

  /** The manifest of collection `name`. */
  manifest(name: string): PayloadCollectionManifest {
    const file = path.join(this.requireCollection(name), MANIFEST);
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(
        `${file} must be a JSON manifest, got an unreadable file: ${errorParts(error).message}`,
      );
    }
    const m = parsed as Partial<PayloadCollectionManifest>;
    if (
      m === null ||
      typeof m !== 'object' ||
      typeof m.count !== 'number' ||
      !Array.isArray(m.formats)
    )
      throw new Error(
        `${file} must hold {collection, count, formats, provenance}, got ${describeValue(parsed)}`,
      );
    return parsed as PayloadCollectionManifest;
  }

  /**
   * The payloads of collection `name` (synchronous, so a test file can build
   * its tests from them), optionally only those of `format`. Artifact paths
   * are absolute and must stay inside the collection.
   */
  load(name: string, options: LoadOptions = {}): Payload[] {
    const dir = this.requireCollection(name);
    const manifest = this.manifest(name);
    const file = path.join(dir, PAYLOADS);
    const realDir = fs.realpathSync(dir);
    const lines = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim().length > 0);
    const payloads = lines.map((line, i) => {
      const where = `${file}:${i + 1}`;
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line) as Record<string, unknown>;
      } catch (error) {
        throw new Error(
          `${where} must be a JSON object, got invalid JSON: ${errorParts(error).message}`,
        );
      }
      if (row === null || typeof row !== 'object' || Array.isArray(row))
        throw new Error(`${where} must be a JSON object, got ${describeValue(row)}`);
      let artifact: string | null = null;
      if (row.artifact !== undefined && row.artifact !== null) {
        if (typeof row.artifact !== 'string' || path.isAbsolute(row.artifact))
          throw new Error(
            `${where} artifact must be a path relative to the collection, got ${describeValue(row.artifact)}`,
          );
        const resolved = path.resolve(dir, row.artifact);
        const real = fs.existsSync(resolved) ? fs.realpathSync(resolved) : resolved;
        if (!real.startsWith(realDir + path.sep))
          throw new Error(
            `${where} artifact must stay inside the collection, got ${describeValue(row.artifact)}`,
          );
        artifact = resolved;
      }
      try {
        return createPayload({
          content: row.content as string,
          id: row.id as string,
          format: row.format as PayloadFormat,
          artifact,
          metadata: (row.metadata ?? {}) as Record<string, unknown>,
        });
      } catch (error) {
        throw new Error(`${where} is not a valid payload: ${errorParts(error).message}`);
      }
    });
    if (payloads.length !== manifest.count)
      throw new Error(
        `${file} must hold the ${manifest.count} payloads of its manifest, got ${payloads.length}`,
      );
    return options.format === undefined
      ? payloads
      : payloads.filter((p) => p.format === options.format);
  }

  /** Removes collection `name`; false when there was none. */
  delete(name: string): boolean {
    const dir = this.collectionDir(name);
    if (!fs.existsSync(dir)) return false;
    fs.rmSync(dir, { recursive: true, force: true });
    return true;
  }

  private requireCollection(name: string): string {
    const dir = this.collectionDir(name);
    if (!fs.existsSync(path.join(dir, MANIFEST)))
      throw new Error(
        `Payload collection ${describeValue(name)} not found at ${dir}. Generate and save it first (PayloadStore.save).`,
      );
    return dir;
  }
}
