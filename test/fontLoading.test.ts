import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../src/document/parseMarkup.ts';
import { openedFonts } from '../src/render/pdf/fonts.ts';
import { writePdf } from '../src/render/pdf/writePdf.ts';
import { readPdf } from './helpers/readPdf.ts';

// each test file runs in a fresh module graph, so no font has been opened before the first test here
const doc = (body: string) => parseMarkup(`<document title="t" date="2025-04-01">${body}</document>`);

describe('font files are opened only when a document draws with them', () => {
  it('opens neither the bold nor the emoji font for plain Japanese text', async () => {
    const pdf = await readPdf(await writePdf(doc('<p>港湾運送事業の事業計画（令和７年）</p>')));
    expect(openedFonts()).toEqual(['regular']);
    expect(pdf.fonts.map((f) => f.name.slice(7))).toEqual(['NotoSerifJP-Regular']);
  });

  it('opens the bold font for bold text, and the emoji font for a pictograph the text font lacks', async () => {
    await writePdf(doc('<h1>見出し</h1><p>本文</p>'));
    expect(openedFonts().sort()).toEqual(['bold', 'regular']);
    const pdf = await readPdf(await writePdf(doc('<p>錨⚓</p>')));
    expect(openedFonts().sort()).toEqual(['bold', 'emoji', 'regular']);
    expect(pdf.fonts.map((f) => f.name.slice(7)).sort()).toEqual(['NotoEmoji-Regular', 'NotoSerifJP-Regular']);
  });
});
