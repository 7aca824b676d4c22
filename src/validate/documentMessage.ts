import type { Finding } from './finding.ts';
import { findingMessage } from './messages.ts';

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const quote = (items: unknown) => (Array.isArray(items) ? items.map((s) => `「${String(s)}」`).join('、') : '');

/**
 * A finding in the words of the documents: the CLI's Japanese message, except where that message names things
 * only a file editor needs (the keys of the file). Documents never show keys, ids or field paths.
 */
export function documentMessage(f: Finding): string {
  switch (f.code) {
    case 'SCHEMA_UNKNOWN_FIELD':
      return `不明な項目「${str(f.params.key)}」が書かれています。`;
    case 'PORT_UNKNOWN':
      return (
        `港名「${str(f.params.input)}」は登録簿にありません。` +
        (Array.isArray(f.params.suggestions) && f.params.suggestions.length ? `もしかして${quote(f.params.suggestions)}ですか。` : '') +
        '特定の港かどうかを判定できないため、港名を正しく記載するか、登録簿にない一般の港であればその旨を記載してください。'
      );
    case 'MEASURE_IMPORTED':
      return `書類の${str(f.params.from)}から読み取った記載です。原文と照らして実施状況と内容を確認してください。`;
    default:
      return findingMessage(f, 'ja');
  }
}
