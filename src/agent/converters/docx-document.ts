/**
 * A Word document (.docx: WordprocessingML in a ZIP) holding plain text, one
 * paragraph per line — the smallest package Word, LibreOffice and document
 * parsers open: content types, the package relationship and the main part.
 */
import { createZip } from './zip-archive';

/** How the text of a document looks. */
export interface DocxTextOptions {
  /** Visible paragraphs before the text; default none. */
  cover?: string;
  /** Render the text white and 1 pt, invisible to a reader (default false). */
  hidden?: boolean;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** `text` made safe for XML 1.0 character data: escaped, and characters XML forbids dropped. */
function xmlText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string)
  );
}

function paragraphs(text: string, runProperties: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const run =
        line.length > 0
          ? `<w:r>${runProperties}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r>`
          : '';
      return `<w:p>${run}</w:p>`;
    })
    .join('');
}

/** The `word/document.xml` part for `text`. */
function documentXml(text: string, options: DocxTextOptions = {}): string {
  const hidden =
    options.hidden === true ? '<w:rPr><w:color w:val="FFFFFF"/><w:sz w:val="2"/></w:rPr>' : '';
  const cover = options.cover ? paragraphs(options.cover, '') : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${cover}${paragraphs(text, hidden)}<w:sectPr/></w:body></w:document>`;
}

/** The bytes of a .docx file holding `text`. */
export function createDocx(text: string, options: DocxTextOptions = {}): Buffer {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  return createZip([
    { name: '[Content_Types].xml', data: utf8(CONTENT_TYPES) },
    { name: '_rels/.rels', data: utf8(PACKAGE_RELS) },
    { name: 'word/document.xml', data: utf8(documentXml(text, options)) },
  ]);
}
