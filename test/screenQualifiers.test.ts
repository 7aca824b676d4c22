import { describe, expect, it } from 'vitest';
import type { RequirementId } from '../src/catalog/requirements.ts';
import type { TextBlock } from '../src/readers/plan/textBlock.ts';
import { withoutFormGuidance } from '../src/screen/formGuidance.ts';
import { matchRequirements } from '../src/screen/matchRequirements.ts';
import { readCover } from '../src/screen/readCover.ts';

/**
 * What qualifies a passage: another system's column, a matrix's marks, the notes a row points to, a form's own
 * guidance, what the guideline asks as against what the plan does, and 該当なし given as an item's answer.
 */

const paragraphs = (...texts: string[]): TextBlock[] => texts.map((text, i) => ({ text, kind: 'paragraph', index: i + 1 }));
const found = (blocks: TextBlock[]): RequirementId[] => matchRequirements(blocks).map((m) => m.requirement);
/** A table from its rows, the first row being its header; the paragraphs before it come first. */
function table(before: string[], rows: string[][], after: string[] = []): TextBlock[] {
  const blocks: TextBlock[] = paragraphs(...before);
  rows.forEach((cells, row) =>
    cells.forEach((text, column) => {
      if (text !== '') blocks.push({ text, kind: 'table-cell', index: blocks.length + 1, cell: { table: 1, row, column } });
    }),
  );
  for (const text of after) blocks.push({ text, kind: 'paragraph', index: blocks.length + 1 });
  return blocks;
}

describe('a column about another system', () => {
  const rows = [
    ['項目', 'ＴＯＳ（基幹系）', '事務系ＬＡＮ（参考）'],
    ['管理者の多要素認証', '―（パスワードだけ）', '管理者はスマートフォンの認証アプリを併用している。'],
    ['ウイルス対策', 'サーバ３台にウイルス対策ソフトを入れ、定義ファイルは毎日自動で更新している。', '全台にＥＤＲを入れている。'],
    ['監査', '対象外。', '本社はＩＳＭＳの外部審査を毎年受けている。'],
  ];
  const got = found(table(['当社コンテナターミナルのＴＯＳの情報セキュリティ対策'], rows));
  it('does not lend the office network’s measures to the TOS', () => {
    expect(got).not.toContain('internal-admin-multifactor-auth');
    expect(got).not.toContain('security-audit');
  });
  it('still reads the TOS column', () => {
    expect(got).toContain('server-antimalware');
  });
});

describe('a matrix answered with marks', () => {
  const rows = [
    ['No', '対策', 'ＴＯＳ本体', 'ゲート端末', '事務系', '備考'],
    ['1', 'ウイルス対策ソフト', '×', '×', '◯', 'ＴＯＳは動作保証がないため入れていない'],
    ['2', 'ＯＳ更新', '▲', '×', '◯', 'ＴＯＳはサーバ更新後に月１回適用の予定'],
    ['3', '構成図・機器台帳', '◯', '◯', '△', '令和７年に更新'],
    ['4', '管理者ＰＷの初期値変更', '◯', '－', '◯', '12桁以上'],
  ];
  const matches = matchRequirements(table(['ＴＯＳ情報セキュリティ対策 状況表（コンテナヤード）'], rows));
  it('reads a row whose TOS marks are all × as not done, though the office column says ◯', () => {
    expect(matches.map((m) => m.requirement)).not.toContain('server-antimalware');
  });
  it('reads ▲ as planned and ◯ as done', () => {
    expect(matches.find((m) => m.requirement === 'internal-software-update')?.status).toBe('planned');
    expect(matches.map((m) => m.requirement)).toContain('asset-network-inventory');
  });
});

describe('a row read with the note it points to', () => {
  const rows = [
    ['No.', '対策', '状況', '備考'],
    ['1', 'サーバのウイルス対策ソフト', '実施', '※1'],
    ['2', 'ＯＳの更新', '未実施', '注1'],
    ['3', '情報セキュリティ教育', '実施', '※2'],
    ['4', '外部の監査', '実施', '※3'],
  ];
  const notes = [
    '※1　ただし、ＴＯＳのサーバは対象外である。ＴＯＳのサーバには動作の保証がないため入れていない。',
    '注1　来年度のサーバ入替えの後、保守会社が毎月適用する予定である。',
    '※2　毎年４月に全社員を対象に１時間行っている。パート職員への教育は行っていない。',
    '※3　ＩＳＯ 9001 の品質監査のことである。情報セキュリティは監査の範囲に含まれていない。',
  ];
  const got = found(table(['コンテナターミナルのＴＯＳの情報セキュリティ対策'], rows, notes));
  it('drops a row its note takes back', () => {
    expect(got).not.toContain('server-antimalware');
    expect(got).not.toContain('security-audit');
  });
  it('keeps a 未実施 row its note plans, and a row its note only qualifies', () => {
    expect(got).toContain('internal-software-update');
    expect(got).toContain('security-awareness-training');
  });
});

describe('a form’s own guidance', () => {
  it('is taken out of a block, the clerk’s answer kept', () => {
    expect(withoutFormGuidance('（記入例：ＶＰＮは保守会社の固定ＩＰアドレスからのみ接続を許可）\n当社はＶＰＮを使っていない。')).toBe('当社はＶＰＮを使っていない。');
    expect(withoutFormGuidance('（記入要領）委託先の選び方を記入してください。【記入欄】委託はしていない。')).toBe('委託はしていない。');
  });
  it('does not make the examples the operator’s measures', () => {
    const got = found(
      paragraphs(
        'ＴＯＳの概要及び情報セキュリティ対策 記入票（コンテナターミナル）',
        '３　管理者ログインの多要素認証　※特定の港は必ず記入',
        '（記入要領）管理者がログインするときの認証の方法を記入してください。',
        '①パスワードの桁数　②多要素認証の有無',
        '（記入例：管理者のログイン時にワンタイムパスワードを併用している。）',
        '【記入欄】管理者のログインはＩＤとパスワードだけで、多要素認証は使っておらず予定もない。',
        '４　攻撃を受けた機器の取扱い',
        '（記入例：攻撃を受けたルータは新品に交換する。）',
        '【記入欄】特に決めていない。',
      ),
    );
    expect(got).not.toContain('internal-admin-multifactor-auth');
    expect(got).not.toContain('ext-device-replace-after-attack');
  });
});

describe('a form’s column of examples', () => {
  const rows = [
    ['項目', '記入例', '貴社記入欄'],
    ['接続元の限定', 'ＶＰＮルータで保守会社の固定ＩＰアドレスからのみ接続を許可。', ''],
    ['ウイルス対策', '市販のウイルス対策ソフトを導入し、定義ファイルを自動更新。', ''],
    ['管理者パスワード', '初期パスワードを変更済み。１２文字以上の複雑なものを使用。', '初期パスワードは全台で変更した。'],
  ];
  const got = found(table(['事業計画（ＴＯＳの概要及び情報セキュリティ対策）記載様式', '「記入例」欄は架空の会社の例示です。「貴社記入欄」に記載してください。'], rows));
  it('is no measure of the applicant’s, nor is an item whose space is left empty', () => {
    expect(got).not.toContain('ext-source-ip-restriction');
    expect(got).not.toContain('server-antimalware');
  });
  it('leaves what the applicant wrote in its own column', () => {
    expect(got).toContain('internal-admin-credentials');
  });
});

describe('a form’s column of examples under a line of column names (as a PDF’s reader gives it)', () => {
  it('is left out, and so is a row left with its item alone', () => {
    const blocks: TextBlock[] = [
      { text: '事業計画（ＴＯＳの概要及び情報セキュリティ対策）記載様式', kind: 'heading', index: 1 },
      { text: '「記入例」欄は架空の会社の例示です。「貴社記入欄」に記載してください。', kind: 'paragraph', index: 2 },
      { text: '３．情報セキュリティ対策', kind: 'heading', index: 3 },
      { text: '項目 記入例 貴社記入欄', kind: 'paragraph', index: 4 },
      { text: '不正ログイン対策', kind: 'table-cell', index: 5, cell: { table: 3, row: 0, column: 0 } },
      { text: '連続５回の失敗でロック。不審な接続はメールで通知。', kind: 'table-cell', index: 6, cell: { table: 3, row: 0, column: 1 } },
      { text: 'ウイルス対策', kind: 'table-cell', index: 7, cell: { table: 3, row: 1, column: 0 } },
      { text: '市販のウイルス対策ソフトを導入し、定義ファイルを自動更新。', kind: 'table-cell', index: 8, cell: { table: 3, row: 1, column: 1 } },
      { text: 'ＴＯＳのサーバにウイルス対策ソフトを入れている。', kind: 'table-cell', index: 9, cell: { table: 3, row: 1, column: 2 } },
    ];
    const got = found(blocks);
    expect(got).not.toContain('ext-account-lockout-detection');
    expect(got).toContain('server-antimalware');
  });
});

describe('a row of one cell across an item table', () => {
  it('heads the rows under it (the external devices’ firmware under （３）外部接続)', () => {
    const rows = [
      ['項目', '当社の取組'],
      ['（３）外部接続（VPN装置・FW）'],
      ['脆弱性・FW更新', 'メーカーPSIRT・JVNを週次確認。重要度「高」以上は１週間以内に更新'],
    ];
    expect(found(table(['ＴＯＳの情報セキュリティ対策'], rows))).toContain('ext-device-vulnerability-management');
  });
});

describe('a cell of 未実施 with a plan in its note', () => {
  it('is considered, not empty: 「未実施（R9年度検討）」', () => {
    const rows = [
      ['項目', '当社の取組'],
      ['マルウェア対策', 'EDR製品を全サーバに導入、定義自動更新'],
      ['管理者の多要素認証', '未実施（R9年度検討）'],
      ['被攻撃時の機器交換', '未実施（予定なし）'],
    ];
    const got = found(table(['ＴＯＳの情報セキュリティ対策'], rows));
    expect(got).toContain('internal-admin-multifactor-auth');
    expect(got).not.toContain('ext-device-replace-after-attack');
  });
});

describe('a business continuity plan for natural disasters or a safety education', () => {
  it('is no plan for the system’s failure', () => {
    const rows = [
      ['項目', '当社の取組'],
      ['（５）事業継続・教育'],
      ['事業継続計画', '台風・地震を想定した事業継続計画を令和５年に策定済み。'],
      ['従業員教育', '毎年７月、全従業員を対象に安全衛生教育（荷役災害の防止、熱中症対策）を実施。'],
      ['ウイルス対策', 'ＴＯＳのサーバにウイルス対策ソフトを導入している。'],
    ];
    expect(found(table(['ＴＯＳの情報セキュリティ対策'], rows))).not.toContain('bcp-system-failure');
  });
});

describe('an absence of the internet beside a VPN the plan states', () => {
  it('is no 該当なし for the external devices’ measures', () => {
    const rows = [
      ['No.', '点検項目', '回答', '備考'],
      ['1', '外からつなぐ人は、パスワードのほかにワンタイムパスワードなども使っていますか。', 'いいえ', 'ＩＤとパスワードだけ。'],
      ['2', 'サーバにウイルス対策ソフトを入れていますか。', 'はい', 'ＴＯＳのネットワークはインターネットにつながっていないので、保守会社が手作業で更新している。'],
    ];
    const got = found(table(['ＴＯＳ情報セキュリティ自己点検シート', '外部との接続：保守会社からのリモート保守のＶＰＮ接続のみ'], rows));
    expect(got).not.toContain('ext-multifactor-auth');
  });
  it('still reads 該当なし where no connection is stated (a question about one is none)', () => {
    const got = found(paragraphs('ＴＯＳの情報セキュリティ対策', 'Q2. そのシステムは、会社の外（メーカーのリモート保守など）とつながっていますか。', 'A. 外部との接続はない。保守は来社対応のみで、リモート保守回線なし。'));
    expect(got).toContain('ext-multifactor-auth');
  });
});

describe('the name of the sheet over its rows', () => {
  it('lends no topic (a self-check sheet’s overview row is no self-check)', () => {
    const rows = [
      ['項目', '内容'],
      ['使用しているＴＯＳ', 'ＣＴ－ＮＡＶＩ（平成３０年導入）。本船の積付計画、ヤード内の蔵置管理に使用。'],
    ];
    expect(found(table(['ＴＯＳ情報セキュリティ自己点検シート'], rows))).not.toContain('security-audit');
  });
});

describe('a category merged down beside the row numbers (No. | 対策区分 | 具体的な内容 | 状況 | 備考)', () => {
  const rowsWith = (remark: string) => [
    ['No.', '対策区分', '具体的な内容', '状況', '備考'],
    ['8', '外部接続（リモート保守用VPN装置）', '保守会社の固定IPアドレス２件からの接続のみ許可。', '○', ''],
    ['9', '', 'ID・パスワード＋電子証明書の二要素で認証。', '○', remark],
  ];
  it('names the rows under it', () => {
    expect(found(table(['ＴＯＳの情報セキュリティ対策の実施状況'], rowsWith('')))).toContain('ext-multifactor-auth');
  });
  it('quotes the row’s own passage, the category being its item', () => {
    const match = matchRequirements(table(['ＴＯＳの情報セキュリティ対策の実施状況'], rowsWith(''))).find((m) => m.requirement === 'ext-multifactor-auth');
    expect(match?.passage).toBe('ID・パスワード＋電子証明書の二要素で認証。');
  });
});

describe('a section given to the office’s systems for reference', () => {
  it('says no measure of the TOS', () => {
    const blocks: TextBlock[] = [
      { text: '情報処理システム（ＴＯＳ）の概要と情報セキュリティ対策', kind: 'heading', level: 1, index: 1 },
      { text: '第２章　ＴＯＳの情報セキュリティ対策', kind: 'heading', level: 2, index: 2 },
      { text: 'サーバにはウイルス対策ソフトを入れ、定義ファイルを毎日更新しています。', kind: 'paragraph', index: 3 },
      { text: 'ＴＯＳ端末でのＵＳＢメモリ等の取扱いについては、現在のところルールを定めていません。', kind: 'paragraph', index: 4 },
      { text: '第３章　（参考）事務系の対策　※ＴＯＳには適用していません', kind: 'heading', level: 2, index: 5 },
      { text: '事務系パソコンでＵＳＢメモリを使う場合は、総務部のウイルスチェック専用パソコンで検査してから使います。', kind: 'paragraph', index: 6 },
    ];
    const got = found(blocks);
    expect(got).toContain('server-antimalware');
    expect(got).not.toContain('removable-media-scan');
  });
});

describe('a backup named by its kind and cycle', () => {
  it('is a backup’s targets and frequency: 「ＤＢ日次差分・週次フル、プログラム・設定は変更時」', () => {
    const rows = [
      ['番号', '対策', '実施時期'],
      ['No.13', 'ＤＢ日次差分・週次フル、プログラム・設定は変更時', '毎日／毎週'],
    ];
    expect(found(table(['ＴＯＳの情報セキュリティ対策'], rows))).toContain('backup-targets-frequency');
  });
});

describe('a copy of another company’s plan sent for reference', () => {
  it('describes none of the sender’s measures', () => {
    const got = found(
      paragraphs(
        '神戸運輸監理部　港運担当　御中',
        '先日ご相談した当社計画書の作成の参考として、同じグループの東京湾トランスポート株式会社が東京港で提出した計画書の写しを添付いたします。',
        '（写）　参考資料',
        'ＴＯＳの概要及び情報セキュリティ対策',
        'サーバにウイルス対策ソフトを導入し、定義ファイルは自動更新。',
        'ＶＰＮ装置・サーバのログを毎日別装置に保存（１年）。',
      ),
    );
    expect(got).toEqual([]);
  });
});

describe('a row whose answer opens with 対応なし', () => {
  const rows = [
    ['確認項目', '当社の対応', '根拠資料'],
    ['管理者ログインを二重に確かめているか', '対応なし。現行のサーバの仕組みでは、パスワード以外の確認方法を組み込めないため。管理作業は電算室内の端末１台からに限っている。', '―'],
    ['ＵＳＢメモリは検査してから使っているか', '対応なし。ＴＯＳではＵＳＢメモリ等を使うことを禁止している。端末のＵＳＢ差込口は設定で使えなくしている。', '規程第９条'],
  ];
  const got = found(table(['ＴＯＳの情報セキュリティ対策の状況'], rows));
  it('says the measure is not taken, the rest being its reason', () => {
    expect(got).not.toContain('internal-admin-multifactor-auth');
  });
  it('unless the reason is that the premise is absent (USB forbidden: 該当なし)', () => {
    expect(got).toContain('removable-media-scan');
  });
});

describe('physical security beside the TOS', () => {
  it('a drill against intruders, and the port security council, are no incident drill nor expert liaison', () => {
    const got = found(
      paragraphs(
        'ＴＯＳの情報セキュリティ対策',
        '年４回、侵入者及び不審物を想定した保安訓練を、臨港警察署の指導の下で実施している。',
        '当社は臨港警察署及び川崎港の港湾保安連絡協議会と平素から情報を交換し、不審船・不審者情報の共有を受けている。',
        'サーバにはウイルス対策ソフトを入れ、定義ファイルを毎日更新している。',
      ),
    );
    expect(got).not.toContain('incident-response-training');
    expect(got).not.toContain('external-expert-liaison');
  });
  it('two-factor login only for the office’s mail is no two-factor login of the TOS’s external users', () => {
    const got = found(paragraphs('ＴＯＳの情報セキュリティ対策', '多要素認証（ワンタイムパスワード）は本社事務所のメール・グループウェアへの社外からのログインのみに適用。'));
    expect(got).not.toContain('ext-multifactor-auth');
  });
});

describe('what the guideline asks, as against what the plan does', () => {
  it('is no measure when the sentence only says it is asked for', () => {
    const got = found(paragraphs('港のＴＯＳとサイバーセキュリティ', '事業者には、バックアップを複数世代、ネットワークから切り離して保管することが求められています。'));
    expect(got).not.toContain('backup-generations-isolation');
  });
  it('is a measure when the company says it does it', () => {
    const got = found(paragraphs('港のＴＯＳとサイバーセキュリティ', 'ガイドラインで求められているとおり、当社はバックアップを４世代、ネットワークから切り離した媒体に保管している。'));
    expect(got).toContain('backup-generations-isolation');
  });
  it('reads nothing from a study handout with its quiz', () => {
    const got = found(
      paragraphs(
        '第２回 情報セキュリティ勉強会 配布資料（コンテナターミナル）',
        '講師：システム課　山田',
        '今日はガイドラインが事業者に何を求めているかをざっくり紹介します。',
        'ＶＰＮは決められた接続元からしか入れないようにすることが求められています。',
        'サーバの管理者パスワードを初期のままにしないことが求められています。',
        'ＵＳＢメモリは、ＴＯＳとつながっていないパソコンでウイルスチェックしてから使うことが求められています。',
        'クイズ：Ｑ１．攻撃を受けた機器はどうするのがよいでしょう。',
        '答え：Ｑ１ 新品に交換する。次回は当社の状況を説明します。',
      ),
    );
    expect(got).toEqual([]);
  });
});

describe('該当なし as an item’s answer', () => {
  it.each([
    ['・外部との接続：該当なし（どことも接続していない）', 'ext-source-ip-restriction'],
    ['・保守委託：該当なし（社員が保守している）', 'outsourcing-security-contract'],
    ['・ＵＳＢメモリの使用：なし（差込口は封印）', 'removable-media-scan'],
  ] as const)('「%s」 makes %s 該当なし', (text, id) => {
    const match = matchRequirements(paragraphs('ＴＯＳの概要と情報セキュリティ対策（コンテナヤード）', text)).find((m) => m.requirement === id);
    expect(match?.status).toBe('not-applicable');
  });
});

describe('a row that says nothing with a note', () => {
  it('「―（パスワードのみ）」 and 「（実施していない。…のみ）」 describe nothing', () => {
    const rows = [
      ['項目', '内容'],
      ['管理者ログインの多要素化', '―（パスワードのみ）'],
      ['情報セキュリティ教育', '（実施していない。新任者へのＴＯＳ操作説明のみ）'],
    ];
    const got = found(table(['ターミナルのＴＯＳの情報セキュリティ対策'], rows));
    expect(got).not.toContain('internal-admin-multifactor-auth');
    expect(got).not.toContain('security-awareness-training');
  });
});

describe('the cover’s 名称 cell', () => {
  it('is read in its own row, not from the next rows, and not as a system’s name in Latin letters', () => {
    const blocks = table(
      ['株式会社港南コンテナ（以下「当社」という。）が使用するＴＯＳの概要は次のとおりである。'],
      [
        ['項目', '内容', '備考'],
        ['名称', 'ＭＩＮＡＴＯ－ＹＡＲＤ（※1）', '令和２年稼働'],
        ['使用する機能', 'ヤード計画、ゲート受付', ''],
      ],
    );
    expect(readCover(blocks).applicant?.name?.value).toBe('株式会社港南コンテナ');
  });
});

describe('a table row left blank after its item', () => {
  it('says nothing, while a row with ○ and its method says the measure', () => {
    const rows = [
      ['No.', '項目', '実施', '方法・頻度', '担当'],
      ['1', 'ログイン失敗時のアカウントロック', '', '', ''],
      ['2', 'サーバのウイルス対策ソフト', '○', '２台に導入し、定義ファイルは毎日自動更新', '総務課'],
    ];
    const got = found(table(['ＴＯＳ情報セキュリティ対策 実施状況表（コンテナターミナル）'], rows));
    expect(got).not.toContain('ext-account-lockout-detection');
    expect(got).toContain('server-antimalware');
  });
});

describe('a budget request decided item by item', () => {
  it('reads 否認 as not taken and 承認 as planned', () => {
    const rows = [
      ['No.', '対策', '内容', '金額', '決裁'],
      ['1', '外部からの接続の多要素認証', 'ＶＰＮにワンタイムパスワードを入れる', '120,000円', '否認'],
      ['2', 'バックアップの外部保管', '外付けＨＤＤを週替わりで使い、取り外して本社の金庫に保管する', '180,000円', '承認'],
    ];
    const matches = matchRequirements(table(['稟議書　ＴＯＳの情報セキュリティ対策の予算（コンテナターミナル）'], rows));
    expect(matches.map((m) => m.requirement)).not.toContain('ext-multifactor-auth');
    expect(matches.find((m) => m.requirement === 'backup-generations-isolation')?.status).toBe('planned');
  });
});

describe('a writer who does not know yet', () => {
  it.each([
    ['ネットワークの構成図\n→ 確認中です。総務の担当に聞いています。', 'asset-network-inventory'],
    ['攻撃されたルータを取り替えるか\n→ 考えたことがなかったです。', 'ext-device-replace-after-attack'],
    ['管理者のパスワードを初期のものから変えているか\n→ 分かりません。業者さんに聞いてみます。', 'internal-admin-credentials'],
  ] as const)('「%s」 does not describe %s', (text, id) => {
    expect(found(paragraphs('ＴＯＳの情報セキュリティ（コンテナヤード）', text))).not.toContain(id);
  });
});

describe('a checklist typed as Markdown', () => {
  const got = found(
    paragraphs(
      'ＴＯＳセキュリティ チェックリスト（コンテナターミナル）',
      '[x] サーバにウイルス対策ソフトを入れている',
      '[ ] ログを取ってシステムの外に保存',
      '　- まだ。やり方が分からない',
      '[ ] ログインに続けて失敗したときのアカウントロック',
      '　- 来年度のルータ更新で対応する予定',
      '[-] 対象外　外部の者による監査',
      '[ ] ＵＳＢメモリは検査用のパソコンでウイルスチェックしてから使う',
    ),
  );
  it('reads [x] as done, [ ] and [-] as not, unless a sub-bullet plans it', () => {
    expect(got).toContain('server-antimalware');
    expect(got).not.toContain('log-collection-offsystem');
    expect(got).not.toContain('security-audit');
    expect(got).not.toContain('removable-media-scan');
    expect(got).toContain('ext-account-lockout-detection');
  });
});

describe('a circular to operators and an incident report', () => {
  it('reads a request (〜されたい) as no measure of the reader’s', () => {
    const got = found(paragraphs('港湾におけるＴＯＳの情報セキュリティ対策について（通知）', '各事業者におかれては、サーバ等の初期パスワードが変更されているか確認されたい。'));
    expect(got).not.toContain('internal-admin-credentials');
  });
  it('reads nothing from the report of one incident', () => {
    const got = found(
      paragraphs(
        '情報セキュリティ事故報告書（第１報）',
        '報告日：令和８年５月２０日　報告者：総務部',
        '１　発生日時　令和８年５月１８日 10:15ごろ',
        '２　経緯　経理担当者が取引先を装ったメールの添付ファイルを開いた。',
        '３　被害の状況　パソコン１台。ＴＯＳのネットワークとはつながっていない。',
        '４　対応　担当者のパソコンをネットワークから外し、ウイルス対策ソフトでフルスキャンを実施した。県警のサイバー犯罪相談窓口に相談した。',
        '５　原因　添付ファイルのマクロが実行された。',
        '６　再発防止策　別途検討する。',
      ),
    );
    expect(got).toEqual([]);
  });
});

describe('a plan written in abbreviations with a glossary', () => {
  it('reads each abbreviation with its meaning', () => {
    const blocks = table(
      ['ＴＯＳ運用メモ（コンテナターミナル）', 'ＡＤＭのＰＷは導入時に初期値から変更済み。１２桁以上。', 'ＵＭはＴＯＳ非接続のＰＣでＡＶ検査後に使用。'],
      [
        ['略語', '意味'],
        ['ADM', '管理者アカウント'],
        ['PW', 'パスワード'],
        ['UM', 'USBメモリ等の外部記憶媒体'],
        ['AV', 'ウイルス対策ソフト'],
      ],
    );
    const got = found(blocks);
    expect(got).toContain('internal-admin-credentials');
    expect(got).toContain('removable-media-scan');
  });
});

describe('a table with no column named as the passage', () => {
  it('reads the column that says most, with the columns after it as details', () => {
    const rows = [
      ['対象', '方式・頻度', '保存先', '世代'],
      ['ＴＯＳのデータベース', '毎日深夜に差分、週末に全体を自動取得', 'バックアップ用ＮＡＳ（別セグメント）', '14日'],
      ['ＴＯＳのデータベース', '週次（金曜）にテープへ書出し', 'テープを本社の耐火金庫へ（オフライン）', '8週'],
      ['設定ファイル', '変更の都度', 'バックアップ用ＮＡＳ', '10世代'],
    ];
    const got = found(table(['8. バックアップ（コンテナターミナルのＴＯＳ）'], rows));
    expect(got).toContain('backup-targets-frequency');
    expect(got).toContain('backup-generations-isolation');
  });
});

describe('an operator without a TOS', () => {
  it('reads nothing from a plan that says it has none, whatever it says of its office PCs', () => {
    const got = found(
      paragraphs(
        '事業計画　６．ＴＯＳの概要及び情報セキュリティ',
        '当社はばら貨物の荷役のみを行っており、ターミナルオペレーションシステムに当たるシステムは保有していません。',
        '事務所のパソコン５台にはウイルス対策ソフトを入れ、定義ファイルは自動で更新しています。',
        '毎年春に、社員全員に不審なメールの注意を説明しています。',
      ),
    );
    expect(got).toEqual([]);
  });
  it('still reads a plan where the TOS is only not used for one thing', () => {
    const got = found(paragraphs('ＴＯＳの情報セキュリティ（コンテナターミナル）', 'システムが止まったときは、ＴＯＳを使用しない手作業の荷役に切り替える手順を事業継続計画に定めている。'));
    expect(got).toContain('bcp-system-failure');
  });
});

describe('plain words and look-alikes of ordinary plans', () => {
  const inPlan = (...texts: string[]) => found(paragraphs('事業計画書　ＴＯＳの概要と情報セキュリティ（コンテナヤード）', ...texts));
  it.each([
    [['入口のルーターは、保守会社の事務所（高松市）のアドレスからしか入れない設定です。'], 'ext-source-ip-restriction'],
    [['● データと控えのこと', '外付けディスクは４台を順番に使い、使っていないディスクはサーバから外して金庫に入れています。'], 'backup-generations-isolation'],
    [['毎年４月に、全員に、知らない相手からのメールの添付は開かないこと、パスワードを人に教えないことを話しています。'], 'security-awareness-training'],
  ] as const)('%j describes %s', (texts, id) => {
    expect(inPlan(...texts)).toContain(id);
  });
  it.each([
    [['ウイルス対策ソフトは事務所のパソコンには入れていますが、サーバには入っていません。'], 'server-antimalware'],
    [['システムは「ＭＩＮＡＴＯ－ＴＯＳ」（令和３年更新）を使っています。'], 'internal-software-update'],
    [['委託先は３社を比べ、当社の「委託先評価表」（第三者認証の有無などを点数化）で選びました。'], 'security-audit'],
    [['攻撃を受けた装置を取り替えるかは、その都度保守会社と相談して決めることにしており、あらかじめ決めた方針はございません。'], 'ext-device-replace-after-attack'],
  ] as const)('%j does not describe %s', (texts, id) => {
    expect(inPlan(...texts)).not.toContain(id);
  });
});

describe('the passage quoted for a requirement', () => {
  it('is the row that names it, not a vendor row that asks the vendor to train its staff', () => {
    const rows = [
      ['項目', '内容'],
      ['保守会社の選び方と契約', '委託先管理規程で、委託先に求める条件（情報管理体制、要員の教育、再委託の制限）を定めている。'],
      ['社員教育', '全社員に年１回の情報セキュリティのｅラーニングを実施している。'],
    ];
    const match = matchRequirements(table(['ＴＯＳの情報セキュリティ対策（コンテナターミナル）'], rows)).find((m) => m.requirement === 'security-awareness-training');
    expect(match?.passage).toContain('ｅラーニング');
  });
});

describe('a header row a PDF ran together', () => {
  it('puts the last column name over the body column it stands above', () => {
    const blocks: TextBlock[] = [
      ...paragraphs('ＴＯＳの概要及び情報セキュリティ対策の状況（コンテナヤード）'),
      { text: '番号', kind: 'table-cell', index: 2, cell: { table: 1, row: 0, column: 0 } },
      { text: '項目（当社の理解）   状況', kind: 'table-cell', index: 3, cell: { table: 1, row: 0, column: 1 } },
      { text: '備考', kind: 'table-cell', index: 4, cell: { table: 1, row: 0, column: 4 } },
    ];
    const rows = [
      ['1-1', 'ログを毎月取得してシステムの外へ保管', '未対応', 'ルータの画面で直近分を見られる'],
      ['1-2', 'サーバのウイルス対策ソフト', '対応済', '２台に導入、定義ファイルは毎日自動で更新'],
      ['1-3', 'バックアップ', '対応済', '毎晩ＮＡＳへ自動で取得'],
    ];
    rows.forEach((cells, r) =>
      [0, 1, 3, 4].forEach((column, k) => blocks.push({ text: cells[k]!, kind: 'table-cell', index: blocks.length + 1, cell: { table: 1, row: r + 1, column } })),
    );
    const got = found(blocks);
    expect(got).toContain('server-antimalware');
    expect(got).not.toContain('log-collection-offsystem');
  });
});

describe('round-30 forms', () => {
  const inPlan = (...texts: string[]) => found(paragraphs('事業計画　ＴＯＳの概要及び情報セキュリティ対策（コンテナターミナル）', ...texts));
  it('reads measures a plan says it leaves out as not described', () => {
    const got = inPlan('当港は特定の港に該当しないため、インシデント対応の手順及び訓練、対応体制、外部の者による監査については記載しない。');
    expect(got).not.toContain('incident-response-training');
    expect(got).not.toContain('security-audit');
  });
  it('does not take an earlier plan’s 「検討中」 for a plan now', () => {
    expect(inPlan('従前の計画で「検討中」としていた他社のＴＯＳ担当者との事例共有は、業界の枠組みがまだないため、引き続き実施に至っていません。')).not.toContain('tos-good-practice-sharing');
  });
  it('reads nothing when the applicant says it has no measures of its own to describe', () => {
    const got = inPlan('ヤードのＴＯＳは協会が所有し運用しており、当社として本計画に記載する対策はありません。', '入退場管理システムの保守は警備会社に委託し、契約には秘密保持を定めています。', '作業員には年１回、玉掛けの再教育を行っています。');
    expect(got).toEqual([]);
  });
});

/** Passages of a plan of the terminal's system, under its title. */
const inTosPlan = (...texts: string[]) => found(paragraphs('事業計画書　ＴＯＳの概要と情報セキュリティ（コンテナヤード）', ...texts));

describe('a row answered 非該当 because the port is no specified port', () => {
  const rows = [
    ['No.', '確認項目', '該当', '理由'],
    ['17', '対応手順を確かめる訓練', '非該当', '特定の港に当たらないため'],
    ['18', '管理者のログインの二重の確認', '非該当', '特定の港（京浜・名古屋・大阪・神戸・博多）に当たらないため'],
    ['19', '外部からの接続の多要素認証', '非該当', 'ＴＯＳは外部と接続していないため'],
  ];
  const got = found(table(['ＴＯＳの情報セキュリティ対策の状況'], rows));
  it('describes no measure', () => {
    expect(got).not.toContain('incident-response-training');
    expect(got).not.toContain('internal-admin-multifactor-auth');
  });
  it('while an absent premise is still 該当なし', () => {
    expect(got).toContain('ext-multifactor-auth');
  });
  it('and a measure taken anyway, with the port named, is read', () => {
    expect(inTosPlan('特定の港ではないが、インシデント対応手順に沿った机上訓練を年１回行っている。')).toContain('incident-response-training');
  });
});

describe('a passage labelled for another system alone', () => {
  const got = inTosPlan(
    '【ＣＣＴＶのみ】警備室長のスマートフォンから録画映像を見るアプリは、パスワードとＳＭＳの確認コードによる二段階認証としています。',
    '【ＣＣＴＶのみ】警察に映像を提出するＵＳＢメモリは、検査用パソコンでウイルスチェックしてから録画装置に差し込んでいます。',
    '【ＴＯＳ・ゲート共通】保守会社からのＶＰＮ接続は、保守拠点の固定ＩＰアドレスからだけ受け付けます。',
  );
  it('is no measure of the TOS', () => {
    expect(got).not.toContain('ext-multifactor-auth');
    expect(got).not.toContain('removable-media-scan');
  });
  it('but one labelled for the TOS with another system is', () => {
    expect(got).toContain('ext-source-ip-restriction');
  });
});

describe('the office’s own PCs in a plan', () => {
  it('are no servers of the TOS', () => {
    const got = inTosPlan('当社はＴＯＳを使う元請から作業指示書を受け取る。', '配車、請求、給与計算は事務所のパソコン（６台）で行う。パソコンには市販のウイルス対策ソフトを入れ、データは毎週外付けのハードディスクにも保存する。');
    expect(got).not.toContain('server-antimalware');
    expect(got).not.toContain('removable-media-scan');
  });
});

describe('a measure discontinued in a change filing', () => {
  const got = inTosPlan(
    'ＴＯＳ担当者勉強会の廃止：同じ製品を使う他社のＴＯＳ担当者と好事例やヒヤリハットを持ち寄っていたユーザー会が活動を終えたため、当社の参加も終わった。',
    'シ　他社担当者との情報共有（廃止）',
    'バックアップ方法の置き換え：外付けハードディスクへの書き出しを廃止し、データセンター内の別区画にある書換え不可の保管装置への日次複製に置き換えた。',
  );
  it('is no longer described', () => {
    expect(got).not.toContain('tos-good-practice-sharing');
  });
  it('but the one that replaces it is', () => {
    expect(got).toContain('backup-generations-isolation');
  });
});

describe('alternatives and things left for later', () => {
  it('a log looked over on the device’s screen is no copy kept outside the system', () => {
    expect(inTosPlan('ログを別の場所に保管する仕組みは置いていません。代わりに、毎週月曜日にＶＰＮ装置とサーバの管理画面でログを目で確認し、おかしな記録がないかを見ています。')).not.toContain('log-collection-offsystem');
  });
  it('an audit that is 「今後の課題」 with no plan is not described, and does not make the other measures of the passage planned', () => {
    const [m] = matchRequirements(paragraphs('ＴＯＳの情報セキュリティ対策', '全従業員への情報セキュリティ研修は毎年６月に行っている。訓練は年１回行っている。外部の者による監査については今後の課題と考えているが、現時点で具体的な予定はない。'));
    expect(found(paragraphs('ＴＯＳの情報セキュリティ対策', '外部の者による監査については今後の課題と考えているが、現時点で具体的な予定はない。'))).not.toContain('security-audit');
    expect(m?.requirement).toBe('security-awareness-training');
    expect(m?.status).toBe('implemented');
  });
  it('a device replaced because it broke down is no replacement after an attack', () => {
    expect(inTosPlan('Ｑ．攻撃への備えはありますか。', 'なお、ＶＰＮ装置が故障した場合は、保守契約により翌営業日までに代替機が届く手配になっています。')).not.toContain('ext-device-replace-after-attack');
  });
  it('「確かめてからでなければ使わないことと決めている」 is the rule of a check, not a decision against it', () => {
    expect(inTosPlan('ＵＳＢメモリでお預かりする場合は、ＴＯＳにつながっていない確認用のパソコンでウイルスの有無を調べ、何もないことを確かめてからでなければ使わないことと決めております。')).toContain('removable-media-scan');
  });
});

describe('polite and compact phrasings of rounds 37–38', () => {
  it('「…のほかは一切受け付けないようにしていただいております」 limits the source', () => {
    expect(inTosPlan('外部からの接続につきましては、ＶＰＮルータの設定により、保守会社様の事務所の決まったＩＰアドレスからの接続のほかは一切受け付けないようにしていただいております。')).toContain('ext-source-ip-restriction');
  });
  it('a name with a slash (ＪＰＣＥＲＴ／ＣＣ) is one word', () => {
    expect(inTosPlan('チームの担当者は毎朝、ＪＰＣＥＲＴ／ＣＣとＪＶＮの新着情報を確認し、気になるものは朝の打合せで共有している。')).toContain('security-info-collection');
  });
  it('「そのアカウントを３０分停止し、登録外のアドレスからの接続の試みがあれば通知」 is a lockout with detection', () => {
    expect(inTosPlan('ログインは６回失敗するとそのアカウントを３０分停止し、登録外のアドレスからの接続の試みがあればシステム管理課に自動で通知が届きます。')).toContain('ext-account-lockout-detection');
  });
});

describe('the cover’s 名称 cell of the TOS with its vendor in brackets', () => {
  it('does not name the applicant', () => {
    const blocks = table(
      ['横浜市中区本牧ふ頭３番地１\n横浜本牧港運株式会社\n代表取締役　鶴見　誠一郎', '事業計画変更届出書'],
      [
        ['項目', '内容'],
        ['名称', 'ＨＯＮＭＯＫＵ－ＴＯＳ　Ｖｅｒ．３．２（開発・保守：株式会社ベイリンク・ソリューションズ）'],
      ],
    );
    expect(readCover(blocks).applicant?.name?.value).toBe('横浜本牧港運株式会社');
  });
});

describe('a column of examples in a table of a plain document (no form guidance around it)', () => {
  it('is dropped as the cover’s reader drops it', () => {
    const rows = [
      ['項目', '記入例', '当社の対応'],
      ['外部からの接続の確認', '保守会社からの接続はワンタイムパスワードによる二要素認証としている。', '保守会社の固定ＩＰアドレスからの接続だけを許可している。'],
      ['サーバのウイルス対策', 'ウイルス対策ソフトを導入している。', 'ＴＯＳサーバにウイルス対策ソフトを入れ、定義ファイルを毎日更新している。'],
    ];
    const got = found(table(['ＴＯＳの情報セキュリティ対策'], rows));
    expect(got).not.toContain('ext-multifactor-auth');
    expect(got).toContain('ext-source-ip-restriction');
    expect(got).toContain('server-antimalware');
  });
});
