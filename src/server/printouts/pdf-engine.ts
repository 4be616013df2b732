import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';

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

/** A pdfmake document definition rendered to PDF bytes (the one place that drives pdfmake). */
export async function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  ensureFonts();
  const output = (pdfmake as unknown as { createPdf(d: unknown): { getBuffer(): Promise<Buffer> } }).createPdf(doc);
  return Buffer.from(await output.getBuffer());
}
