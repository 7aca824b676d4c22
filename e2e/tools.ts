import { spawnSync } from 'node:child_process';

export const REQUIRED_TOOLS = ['qpdf', 'pdffonts', 'pdftotext', 'pdftoppm', 'soffice'] as const;
export const INSTALL_COMMAND =
  'apt-get update && apt-get install -y --no-install-recommends poppler-utils qpdf libreoffice-writer-nogui libreoffice-calc-nogui python3-openpyxl fonts-ipaexfont fonts-noto-color-emoji';

export function missingTools(): string[] {
  const missing: string[] = REQUIRED_TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  // LibreOffice needs a Japanese font and an emoji font to draw the fixtures
  const hasFont = (name: string) => spawnSync('sh', ['-c', `fc-list | grep -qi "${name}"`]).status === 0;
  if (!hasFont('IPAex')) missing.push('the IPAex fonts');
  if (!hasFont('Noto Color Emoji')) missing.push('the Noto Color Emoji font');
  // the xlsx review is opened with LibreOffice Calc and openpyxl
  if (spawnSync('sh', ['-c', 'dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || dpkg -s libreoffice-calc >/dev/null 2>&1']).status !== 0) missing.push('LibreOffice Calc');
  if (spawnSync('/usr/bin/python3', ['-c', 'import openpyxl']).status !== 0) missing.push('python3-openpyxl');
  return missing;
}

/** vitest globalSetup: the end-to-end checks need real readers; say how to get them instead of skipping. */
export default function requireTools(): void {
  const missing = missingTools();
  if (missing.length) {
    throw new Error(`npm run test:e2e needs ${missing.join(', ')}, which are not installed. Install them with:\n  ${INSTALL_COMMAND}`);
  }
}
