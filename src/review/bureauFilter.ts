import { classifyPort } from '../catalog/classifyPort.ts';
import { BUREAUS, type Bureau } from '../catalog/ports.ts';
import { closest } from '../util/closest.ts';
import { finding, sortFindings } from '../validate/finding.ts';
import type { ReviewRow } from './reviewFilings.ts';

/**
 * `review --bureau`: an examiner at one 地方運輸局 (or 神戸運輸監理部, 沖縄総合事務局) sees at once which filings are
 * addressed elsewhere. A filing's bureau is the one its addressee names; when the addressee names none, the one
 * the port registry gives for its port.
 */

const fold = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '');

/** The bureau a --bureau value names: 九州運輸局 or 九州運輸局長, in any width, blanks ignored. Null when it names none. */
export function parseBureau(input: string): Bureau | null {
  const written = fold(input).replace(/長$/, '');
  return BUREAUS.find((b) => b === written) ?? null;
}

/** The message for a --bureau value that names no bureau: the names it takes, the closest first. */
export function unknownBureauMessage(input: string): string {
  const written = fold(input).replace(/長$/, '');
  const sameStart = BUREAUS.filter((b) => written.length >= 2 && b.startsWith(written.slice(0, 2)));
  const near = [...new Set([...sameStart, ...closest(written, BUREAUS)])];
  return (
    `--bureau の「${input}」は地方運輸局等の名称ではありません。` +
    (near.length ? `もしかして「${near.join('」「')}」ですか。` : '') +
    `次のいずれかを指定してください：${BUREAUS.join('・')}（「九州運輸局長」のように「長」を付けても構いません）。`
  );
}

/** The bureau of a port in the registry (the one place review asks the registry for it). */
export function bureauOfPort(portName: string | null): Bureau | null {
  return portName ? classifyPort(portName).bureau : null;
}

/** To whom a filing is addressed, and how that was found; null when neither its addressee nor its port says. */
export function addressedBureau(row: Pick<ReviewRow, 'addressee' | 'port'>): { bureau: Bureau; via: 'addressee' | 'port' } | null {
  const written = row.addressee === null ? '' : fold(row.addressee);
  const named = BUREAUS.find((b) => written.includes(b));
  if (named) return { bureau: named, via: 'addressee' };
  const ofPort = bureauOfPort(row.port);
  return ofPort ? { bureau: ofPort, via: 'port' } : null;
}

/** The rows with a warning ADDRESSED_TO_OTHER_BUREAU on each filing addressed to another bureau, counted in its row. */
export function markOtherBureaus(rows: readonly ReviewRow[], bureau: Bureau): ReviewRow[] {
  return rows.map((row) => {
    if (row.state === 'unreadable') return row;
    const addressed = addressedBureau(row);
    if (!addressed || addressed.bureau === bureau) return row;
    const params = { bureau, addressed: addressed.bureau, via: addressed.via, addressee: row.addressee, portName: row.port };
    const mark = finding('warning', 'ADDRESSED_TO_OTHER_BUREAU', ['application', 'addressee'], params);
    return { ...row, warnings: row.warnings + 1, findings: sortFindings([...row.findings, mark]), otherBureau: addressed.bureau };
  });
}
