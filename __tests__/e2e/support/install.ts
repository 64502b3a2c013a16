/**
 * Cached installs in the e2e work directory (paths.ts): a project is written
 * and installed once, then reused while its files and the other inputs of
 * the install (the tarball under test, a tool version) are unchanged.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One installed project. */
export interface InstallSpec {
  dir: string;
  /** Files written before installing, relative to `dir`. */
  files: Record<string, string>;
  /** What else the install depends on (hashes, versions). */
  inputs?: string[];
  /** Runs the install; `dir` holds `files` by then. */
  install: (dir: string) => void;
}

/** SHA-256 of a file's bytes, hex. */
export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Runs a command to completion; on failure the error carries its whole output. */
export function exec(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  try {
    return execFileSync(command, args, {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${[command, ...args].join(' ')}\` failed in ${cwd}:\n${stdout}${stderr}`);
  }
}

/** Installs `spec` unless the same install is already in place; true when it installed. */
export function installCached(spec: InstallSpec): boolean {
  const stampFile = path.join(spec.dir, '.installed');
  const stamp = createHash('sha256')
    .update(JSON.stringify([spec.files, spec.inputs ?? []]))
    .digest('hex');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return false;
  // A failed install must not look finished to the next run.
  fs.rmSync(stampFile, { force: true });
  for (const [name, content] of Object.entries(spec.files)) {
    const file = path.join(spec.dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  spec.install(spec.dir);
  fs.writeFileSync(stampFile, stamp);
  return true;
}
