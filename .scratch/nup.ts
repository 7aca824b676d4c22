import { readFileSync, writeFileSync } from 'node:fs';
import { PDFDocument, rgb } from 'pdf-lib';
// usage: nup.ts in.pdf out.pdf [cols rows]
const [inFile, outFile, c = '3', r = '2'] = process.argv.slice(2);
const cols = Number(c), rows = Number(r);
const src = await PDFDocument.load(readFileSync(inFile!));
const out = await PDFDocument.create();
const pages = await out.embedPages(src.getPages());
const [w, h] = [pages[0]!.width, pages[0]!.height];
for (let i = 0; i < pages.length; i += cols * rows) {
  const page = out.addPage([w * cols / 2, h * rows / 2]);
  pages.slice(i, i + cols * rows).forEach((p, k) => {
    const x = (k % cols) * w / 2, y = (rows - 1 - Math.floor(k / cols)) * h / 2;
    page.drawPage(p, { x, y, width: w / 2, height: h / 2 });
    page.drawRectangle({ x, y, width: w / 2, height: h / 2, borderWidth: 0.5, borderColor: rgb(0.5, 0.5, 0.5) });
  });
}
writeFileSync(outFile!, await out.save());
