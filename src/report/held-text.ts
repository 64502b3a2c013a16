/**
 * Text an output makes in its one pass over the Results but writes later
 * (a later harm category's part of the JSON report or the JUnit XML, the
 * SARIF results after their rules): kept in memory up to a budget shared by
 * the texts of one output, beyond it in temporary files, so an output reads
 * the Results once whatever the run's size (docs/performance.md, "What keeps
 * the reporter cheap").
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Pieces handed back are about this many characters at most. */
const PIECE_CHARS = 1 << 20;

/** Default of {@link HeldTextOptions.heldChars}. */
const HELD_CHARS = 16 << 20;

/** Options of {@link HeldTexts}. */
export interface HeldTextOptions {
  /** Characters kept in memory over all the texts (default 16 Mi); beyond, they go to temporary files. */
  heldChars?: number;
  /** Where the temporary files go, in a folder of their own (default: the system's). */
  tempDir?: string;
}

/** The held texts of one output; {@link close} removes their temporary files. */
export class HeldTexts {
  private readonly heldChars: number;
  private readonly tempDir: string;
  private readonly texts: HeldText[] = [];
  private dir: string | null = null;
  private held = 0;

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
    if (this.held <= this.heldChars) return;
    for (const text of this.texts) text.flush();
    this.held = 0;
  }

  /** A new temporary file, opened for writing. */
  openFile(index: number): { file: string; fd: number } {
    this.dir ??= fs.mkdtempSync(path.join(this.tempDir, 'rampart-report-'));
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

/** One held text: pieces added in order, read back in order once. */
export class HeldText {
  /** Pieces added so far. */
  count = 0;
  private pieces: string[] = [];
  private file: { file: string; fd: number } | null = null;

  constructor(
    private readonly owner: HeldTexts,
    private readonly index: number,
  ) {}

  add(piece: string): void {
    this.pieces.push(piece);
    this.count += 1;
    this.owner.kept(piece.length);
  }

  /** Moves the pieces in memory to the end of the temporary file. */
  flush(): void {
    if (this.pieces.length === 0) return;
    this.file ??= this.owner.openFile(this.index);
    // writeFileSync on a descriptor writes all of it, at the end of what is there.
    fs.writeFileSync(this.file.fd, this.pieces.join(''));
    this.pieces = [];
  }

  closeFile(): void {
    if (this.file !== null && this.file.fd >= 0) fs.closeSync(this.file.fd);
    if (this.file !== null) this.file.fd = -1;
  }

  /** The whole text, in pieces of about 1 Mi characters at most. */
  *read(): Generator<string> {
    if (this.file !== null) {
      this.flush();
      this.closeFile();
      const fd = fs.openSync(this.file.file, 'r');
      try {
        const buffer = Buffer.allocUnsafe(PIECE_CHARS);
        const decoder = new StringDecoder('utf8');
        for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer)) {
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
}
