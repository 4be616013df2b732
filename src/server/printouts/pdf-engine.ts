import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import { renderOffThread } from '../render/render.pool';

// Roboto ships with pdfmake as font files; pointed to by absolute path, no network, no vfs bundle.
const fontDir = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
let fontsSet = false;

/** Registers the fonts once and forbids pdfmake any other file or URL. */
function ensureFonts() {
  if (fontsSet) return;
  (pdfmake as unknown as { setFonts(f: unknown): void }).setFonts({
    Roboto: {
      normal: join(fontDir, 'Roboto-Regular.ttf'),
      bold: join(fontDir, 'Roboto-Medium.ttf'),
      italics: join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  // Only the font files above are ever read from disk.
  const engine = pdfmake as unknown as { setLocalAccessPolicy(cb: (path: string) => boolean): void; setUrlAccessPolicy(cb: (url: string) => boolean): void };
  engine.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  engine.setUrlAccessPolicy(() => false);
  fontsSet = true;
}

/**
 * Where the page number and the page count go in a page text (see pageText). NUL never occurs in a name or
 * a label, so no text a person typed can be taken for them.
 */
export const PAGE = '\u0000page\u0000';
export const PAGES = '\u0000pages\u0000';

/**
 * A header or footer that shows the page number, as data: pdfmake takes a function of (page, pages), which
 * cannot cross to the render worker thread, so documents say `pageText(text with PAGE / PAGES, style)` and
 * the engine makes the function where pdfmake runs. The node it gives is `{ text, ...style }`.
 */
export interface PageText {
  pageText: string;
  style: Record<string, unknown>;
}
export const pageText = (text: string, style: Record<string, unknown>): PageText => ({ pageText: text, style });

/** A pdfmake document definition made of data only (structured-clonable): header and footer may be PageText. */
export type PdfDocument = Record<string, unknown> & { header?: unknown; footer?: unknown };

const isPageText = (value: unknown): value is PageText => typeof value === 'object' && value !== null && typeof (value as PageText).pageText === 'string';

function pageFunction(template: PageText) {
  return (page: number, pages: number) => ({
    text: template.pageText.replace(/\u0000(pages?)\u0000/g, (_, which: string) => String(which === 'page' ? page : pages)),
    ...template.style,
  });
}

/**
 * A document definition rendered to PDF bytes on THIS thread (the one place that drives pdfmake). pdfmake
 * lays out the whole document in one synchronous run (a second or more for the annual report): call it only
 * on the render worker thread (src/server/render), or through renderPdf.
 */
export async function renderPdfHere(doc: PdfDocument): Promise<Buffer> {
  ensureFonts();
  const definition = { ...doc };
  for (const key of ['header', 'footer'] as const) {
    const value = definition[key];
    if (isPageText(value)) definition[key] = pageFunction(value);
  }
  const output = (pdfmake as unknown as { createPdf(d: unknown): { getBuffer(): Promise<Buffer> } }).createPdf(definition);
  return Buffer.from(await output.getBuffer());
}

/** A document definition rendered to PDF bytes on the render worker thread; the server's loop stays free. */
export const renderPdf = (doc: PdfDocument): Promise<Buffer> => renderOffThread({ task: 'pdf', doc });
