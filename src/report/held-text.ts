/**
 * Text an output makes in its one pass over the Results but writes later
 * (a later harm category's part of the JSON report or the JUnit XML, the
 * SARIF results after their rules, the summary's Result lines of a later
 * category or status): kept in memory up to a budget shared by the texts of
 * one output, beyond it in temporary files of a private folder, so an output
 * reads the Results once whatever the run's size
 * (docs/performance-analysis.md, "What keeps the reporter cheap"). A folder
 * or disk that cannot take the text leaves it in memory: the output is still
 * written, as a small run's is.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Pieces handed back are about this many characters at most. */
const PIECE_CHARS = 1 << 20;

/** Default of {@link HeldTextOptions.heldChars}. */
const HELD_CHARS = 16 << 20;

/** The start of the name of the folder the temporary files go in. */
export const HELD_TEXT_FOLDER_PREFIX = 'rampart-held-';

/** Options of {@link HeldTexts}. */
export interface HeldTextOptions {
  /** Characters kept in memory over all the texts (default 16 Mi; 0: all go to files); beyond, they go to temporary files. */
  heldChars?: number;
  /** Where the folder of temporary files is made (default: the system's temporary directory). */
  tempDir?: string;
}

/** The held texts of one output; {@link close} removes their temporary files. */
export class HeldTexts {
  private readonly heldChars: number;
  private readonly tempDir: string;
  private readonly texts: HeldText[] = [];
  private dir: string | null = null;
  private held = 0;
  /** False once writing out failed: from then on every text stays in memory. */
  private spilling = true;

  constructor(options: HeldTextOptions = {}) {
    this.heldChars = options.heldChars ?? HELD_CHARS;
    this.tempDir = options.tempDir ?? os.tmpdir();
  }

  /** A new, empty text. */
  text(): HeldText {
    const text = new HeldText(this, this.texts.length);
    this.texts.push(text);
    return text;
  }

  /** Counts `chars` more in memory; past the budget, every text goes to its file. */
  kept(chars: number): void {
    this.held += chars;
    if (!this.spilling || this.held <= this.heldChars) return;
    try {
      for (const text of this.texts) text.flush();
      this.held = 0;
    } catch {
      this.spilling = false;
    }
  }

  /** A new temporary file, opened for writing. */
  openFile(index: number): { file: string; fd: number } {
    // mkdtemp makes the folder private (0700): nothing else writes into it.
    this.dir ??= fs.mkdtempSync(path.join(this.tempDir, HELD_TEXT_FOLDER_PREFIX));
    const file = path.join(this.dir, `text-${index}`);
    return { file, fd: fs.openSync(file, 'wx', 0o600) };
  }

  /** Removes the temporary files (safe to call more than once). */
  close(): void {
    for (const text of this.texts) text.closeFile();
    if (this.dir !== null) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

/** One held text: pieces added in order, read back in order (as often as asked). */
export class HeldText {
  /** Pieces added so far. */
  count = 0;
  private pieces: string[] = [];
  private file: { file: string; fd: number } | null = null;
  /** Bytes of the file that hold whole flushes: what is read back. */
  private written = 0;

  constructor(
    private readonly owner: HeldTexts,
    private readonly index: number,
  ) {}

  add(piece: string): void {
    this.pieces.push(piece);
    this.count += 1;
    this.owner.kept(piece.length);
  }

  /**
   * Moves the pieces in memory to the end of the temporary file. A write
   * that fails keeps them in memory; the bytes it may have written are
   * not read back.
   */
  flush(): void {
    if (this.pieces.length === 0) return;
    this.file ??= this.owner.openFile(this.index);
    const data = Buffer.from(this.pieces.join(''), 'utf8');
    for (let done = 0; done < data.length;)
      done += fs.writeSync(this.file.fd, data, done, data.length - done, this.written + done);
    this.written += data.length;
    this.pieces = [];
  }

  closeFile(): void {
    if (this.file !== null && this.file.fd >= 0) fs.closeSync(this.file.fd);
    if (this.file !== null) this.file.fd = -1;
  }

  /** The whole text, in pieces of about 1 Mi characters at most. */
  *read(): Generator<string> {
    if (this.file !== null && this.written > 0) {
      const fd = fs.openSync(this.file.file, 'r');
      try {
        const buffer = Buffer.allocUnsafe(Math.min(PIECE_CHARS, this.written));
        const decoder = new StringDecoder('utf8');
        for (let offset = 0; offset < this.written;) {
          const read = fs.readSync(
            fd,
            buffer,
            0,
            Math.min(buffer.length, this.written - offset),
            offset,
          );
          if (read === 0)
            throw new Error(`${this.file.file} is shorter than what was written to it`);
          offset += read;
          const text = decoder.write(buffer.subarray(0, read));
          if (text.length > 0) yield text;
        }
        const rest = decoder.end();
        if (rest.length > 0) yield rest;
      } finally {
        fs.closeSync(fd);
      }
    }
    let piece = '';
    for (const text of this.pieces) {
      piece += text;
      if (piece.length >= PIECE_CHARS) {
        yield piece;
        piece = '';
      }
    }
    if (piece.length > 0) yield piece;
  }

  /** The text's lines, for a text whose every piece is one line ended by a line break. */
  *lines(): Generator<string> {
    let pending = '';
    for (const text of this.read()) {
      const parts = (pending + text).split('\n');
      pending = parts.pop() as string;
      yield* parts;
    }
  }
}

/** How {@link inGroups} frames each group's text. */
export interface GroupFrame<T> {
  /** The group's key. */
  keyOf: (item: T) => string;
  /** An item's text; `first` when it is the first of its group. */
  textOf: (item: T, first: boolean) => string;
  /** What comes before the text of the group at `index` of the keys. */
  open: (index: number) => string;
  /** What comes after it. */
  close: (index: number) => string;
}

/**
 * The texts of `items`, grouped by `keys` in that order, from one pass over
 * `items`: the first group's text is handed on as it comes, in pieces of
 * about 1 Mi characters, the others' held until their turn (an item whose
 * key is not a later group's belongs to the first). No keys, no text.
 */
export function* inGroups<T>(
  items: Iterable<T>,
  keys: readonly string[],
  frame: GroupFrame<T>,
  options: HeldTextOptions = {},
): Generator<string> {
  if (keys.length === 0) return;
  const texts = new HeldTexts(options);
  try {
    const later = new Map(keys.slice(1).map((key) => [key, texts.text()]));
    let piece = frame.open(0);
    let first = true;
    for (const item of items) {
      const held = later.get(frame.keyOf(item));
      if (held !== undefined) {
        held.add(frame.textOf(item, held.count === 0));
        continue;
      }
      piece += frame.textOf(item, first);
      first = false;
      if (piece.length >= PIECE_CHARS) {
        yield piece;
        piece = '';
      }
    }
    yield `${piece}${frame.close(0)}`;
    for (let index = 1; index < keys.length; index += 1) {
      yield frame.open(index);
      yield* (later.get(keys[index] as string) as HeldText).read();
      yield frame.close(index);
    }
  } finally {
    texts.close();
  }
}
