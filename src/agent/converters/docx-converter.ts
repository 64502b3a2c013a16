/** Rendering a text payload as a Word document (upstream's DocxConverter). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeUniqueFileSync } from '../../model/exclusive-file';
import { PayloadFormat } from '../../model/payload-format';
import { type Payload } from '../../model/trace-types';
import { describeValue } from '../../model/value-description';
import { type PayloadConverter, checkTextPayload, withConverterRecorded } from './converter';
import { createDocx } from './docx-document';
import { checkCover } from './cover-text';
import { argumentChecks } from '../../model/value-checks';

/** Options of {@link DocxConverter}. */
export interface DocxConverterOptions {
  /**
   * Directory of the documents (created when missing). Default: a fresh
   * private directory under the OS temporary directory, made on first use.
   */
  outputDir?: string;
  /** Visible paragraphs before the payload text; default none. */
  cover?: string;
  /** Render the payload text white and 1 pt, invisible to a reader; default false. */
  hidden?: boolean;
}

/**
 * Writes the payload text into a new `.docx` file, `<payload id>.docx` (a
 * random suffix when the name is taken; never overwrites), and returns a
 * `docx` payload with that file as its artifact and the text kept as its
 * content for reports. Upload the artifact with a surface that takes files.
 */
export class DocxConverter implements PayloadConverter {
  readonly name = 'docx';
  readonly cover: string;
  readonly hidden: boolean;
  private outputDir: string | null;

  constructor(options: DocxConverterOptions = {}) {
    const { outputDir, hidden = false } = options;
    if (outputDir !== undefined)
      argumentChecks.nonEmptyString(outputDir, 'DocxConverter outputDir');
    if (typeof hidden !== 'boolean')
      throw new TypeError(`DocxConverter hidden must be a boolean, got ${describeValue(hidden)}`);
    this.outputDir = outputDir ?? null;
    this.cover = checkCover(options.cover, 'DocxConverter');
    this.hidden = hidden;
  }

  /** Where the documents go (the default directory is made on first use). */
  get directory(): string {
    this.outputDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-docx-'));
    return this.outputDir;
  }

  convert(payload: Payload): Payload {
    const checked = checkTextPayload(payload, 'DocxConverter');
    const bytes = createDocx(checked.content, { cover: this.cover, hidden: this.hidden });
    const file = writeUniqueFileSync(this.directory, bytes, (suffix) =>
      suffix ? `${checked.id}-${suffix}.docx` : `${checked.id}.docx`,
    );
    return {
      content: checked.content,
      id: checked.id,
      format: PayloadFormat.DOCX,
      artifact: file,
      metadata: withConverterRecorded(checked.metadata ?? {}, this.name),
    };
  }
}
