import { describe, expect, it } from 'vitest';
import type { RequirementId } from '../src/catalog/requirements.ts';
import type { TextBlock } from '../src/readers/plan/textBlock.ts';
import { matchRequirements } from '../src/screen/matchRequirements.ts';
import { readCover } from '../src/screen/readCover.ts';

/** Screening mechanisms for change notices, gap tables, matrices, polite 該当なし and borrowed topics. */

const paragraphs = (...texts: string[]): TextBlock[] => texts.map((text, i) => ({ text, kind: 'paragraph', index: i + 1 }));
const found = (...texts: string[]): RequirementId[] => matchRequirements(paragraphs(...texts)).map((m) => m.requirement);
const cell = (text: string, row: number, column: number, index: number): TextBlock => ({ text, kind: 'table-cell', index, cell: { table: 1, row, column } });

describe('該当なし written politely', () => {
  it.each([
    ['外部のネットワークとは接続しておりません。', 'ext-source-ip-restriction'],
    ['ＴＯＳはインターネットにはつながっていません。', 'ext-multifactor-auth'],
    ['ＵＳＢメモリなどの記録媒体は使っていません。', 'removable-media-scan'],
    ['システムの保守は社員が行っており、委託先はありません。', 'outsourcing-security-contract'],
  ] as const)('「%s」 makes %s 該当なし', (text, id) => {
    const match = matchRequirements(paragraphs('ターミナルのＴＯＳについて', text)).find((m) => m.requirement === id);
    expect(match?.status).toBe('not-applicable');
  });
});

describe('no plan either, with words between', () => {
  it('「予定も、現時点ではありません」 is not planned', () => {
    expect(found('ターミナルのＴＯＳについて', '障害時の荷役継続計画はまだ作っていません。作る予定も、現時点ではありません。')).not.toContain('bcp-system-failure');
  });
  it('while 「作る予定です」 is', () => {
    expect(found('ターミナルのＴＯＳについて', '障害時の荷役継続計画はまだ作っていません。来年度に作る予定です。')).toContain('bcp-system-failure');
  });
});

describe('a change notice', () => {
  it('reads a 【削除】 line as a measure no longer taken, and the others as they say', () => {
    const got = found(
      'ＴＯＳの事業計画の変更（コンテナターミナル）',
      '【削除】ＶＰＮルータの通信記録を月に一度ＤＶＤへ書き出すこと。記録装置の撤去により行わない。',
      '【変更なし】サーバ全台にウイルス対策ソフトを入れ、定義ファイルは自動で更新する。',
      '（廃止）攻撃を受けたルータを新品と取り替えるための予備機の契約。',
    );
    expect(got).toContain('server-antimalware');
    expect(got).not.toContain('log-collection-offsystem');
    expect(got).not.toContain('ext-device-replace-after-attack');
  });

  it('reads 「上の章による訓練」 as a drill of the chapter above, not of the heading over both', () => {
    const got = found(
      'ＴＯＳの事業計画の変更（コンテナターミナル）',
      '【追加】事業継続計画に「ＴＯＳが使えないとき」の章を設け、紙の伝票で搬出入を続ける手順を定めた。',
      '【追加】上の章による訓練を来年１月に初めて行う予定。',
    );
    expect(got).toContain('bcp-training');
  });
});

describe('a sentence that is one requirement whole', () => {
  it('does not make a second of the same measure by a topic borrowed from the sentence before', () => {
    const got = found(
      'ＴＯＳのリモート保守',
      'ＶＰＮ装置は、登録外の接続元からの試みをシステム管理者へ通知する設定とする。リモート保守の利用者は、ワンタイムパスワードによる二要素で認証する。',
    );
    expect(got).toContain('ext-multifactor-auth');
    expect(got).not.toContain('internal-admin-multifactor-auth');
  });

  it('still serves two when it points back at what it also speaks of', () => {
    const got = found(
      'ＴＯＳの障害への備え',
      'ＴＯＳが止まったときは手作業で荷役を続ける手順を事業継続計画に定めている。この計画と事故対応マニュアルを併せて使う机上訓練を毎年行う。',
    );
    expect(got).toEqual(expect.arrayContaining(['bcp-system-failure', 'bcp-training', 'incident-response-training']));
  });
});

describe('near misses of a terminal’s manual', () => {
  it('a notebook of one’s own (私物の手帳) is no unmanaged device, 「話してはならない」 no teaching', () => {
    expect(
      found(
        'コンテナターミナル作業要領　情報の取扱い',
        'ゲートで受け取る運転者の名簿は、事務所の外に持ち出さず、私物のノートに書き写すことも禁止する。',
        '荷主の貨物の中身や本船の予定を、関係のない人に話してはならない。',
      ),
    ).toEqual([]);
  });

  it('peacetime contact with the police and a security firm is liaison, not sharing among operators', () => {
    const got = found('ＴＯＳの情報セキュリティ', '県警のサイバー犯罪対策課、セキュリティ会社とは担当者同士で連絡先を交換し、年に一度の情報交換会に参加している。');
    expect(got).toContain('external-expert-liaison');
    expect(got).not.toContain('tos-good-practice-sharing');
  });
});

describe('vocabulary', () => {
  it.each([
    ['ＣＳＩＲＴが、ＪＶＮとメーカーの公表する脆弱性情報を毎営業日確認する。', 'security-info-collection'],
    ['乗っ取られたネットワークデバイスは使い続けず、新しいデバイスと交換します。', 'ext-device-replace-after-attack'],
    ['ＵＳＢストレージはすべてのＴＯＳ端末でブロックされます。', 'removable-media-scan'],
    ['接続元は保守会社の２拠点に限り、利用者は証明書とパスワードの二要素で認証する。', 'ext-multifactor-auth'],
  ] as const)('「%s」 says %s', (text, id) => {
    expect(found('コンテナターミナルのＴＯＳ', text)).toContain(id);
  });
});

describe('tables of what is and what will be', () => {
  it('reads the 今後の対応 column with the 現状 column', () => {
    const rows = [
      { text: 'ＴＯＳの対策の現状と課題', kind: 'heading', index: 0 } as TextBlock,
      cell('項目', 0, 0, 1), cell('現状', 0, 1, 2), cell('課題', 0, 2, 3), cell('今後の対応', 0, 3, 4),
      cell('事故対応の訓練', 1, 0, 5), cell('まだ行っていない。', 1, 1, 6), cell('手順を誰も試していない。', 1, 2, 7), cell('令和９年６月に保守会社と机上訓練を行う。', 1, 3, 8),
      cell('他社との事例共有', 2, 0, 9), cell('行っていない。', 2, 1, 10), cell('相手がいない。', 2, 2, 11), cell('予定なし。', 2, 3, 12),
      cell('ルータのソフトウェア', 3, 0, 13), cell('保守会社任せで、版数を把握していない。', 3, 1, 14), cell('気づけない。', 3, 2, 15), cell('来年１月から、保守会社から四半期ごとに版数と更新結果の報告を受ける。', 3, 3, 16),
    ];
    const got = matchRequirements(rows).map((m) => m.requirement);
    expect(got).toContain('incident-response-training');
    expect(got).toContain('ext-device-vulnerability-management');
    expect(got).not.toContain('tos-good-practice-sharing');
  });

  it('reads a matrix row with its other columns, and a row whose other columns say nothing as not taken', () => {
    const rows = [
      { text: 'ターミナルＴＯＳ　対策の実施表', kind: 'heading', index: 0 } as TextBlock,
      cell('No.', 0, 0, 1), cell('対策', 0, 1, 2), cell('担当', 0, 2, 3), cell('頻度・時期', 0, 3, 4), cell('記録', 0, 4, 5),
      cell('1', 1, 0, 6), cell('脆弱性情報の収集（ＪＶＮ、メーカー通知）', 1, 1, 7), cell('情報課', 1, 2, 8), cell('毎朝', 1, 3, 9), cell('確認表', 1, 4, 10),
      cell('2', 2, 0, 11), cell('第三者による情報セキュリティ監査', 2, 1, 12), cell('－', 2, 2, 13), cell('予定なし', 2, 3, 14), cell('－', 2, 4, 15),
    ];
    const got = matchRequirements(rows).map((m) => m.requirement);
    expect(got).toContain('security-info-collection');
    expect(got).not.toContain('security-audit');
  });
});

describe('negations of plain, polite and honorific speech', () => {
  it.each([
    ['他社とのヒヤリハット事例の共有には参加いたしておらず、参加の予定もございません。', 'tos-good-practice-sharing'],
    ['サイバー事故を想定した訓練は、現時点で計画していない。', 'incident-response-training'],
    ['攻撃を受けたＶＰＮルータは新品に交換せず、初期化して使い続ける。', 'ext-device-replace-after-attack'],
    ['ＴＯＳ停止時の訓練は、荷役の人手が割けないため、やっていません。', 'bcp-training'],
    ['事故対応の訓練については、まだ予定を立てていない。', 'incident-response-training'],
  ] as const)('「%s」 does not describe %s', (text, id) => {
    expect(found('コンテナターミナルのＴＯＳについて', text)).not.toContain(id);
  });

  it('a proposal the passage decides against describes nothing; one adopted does', () => {
    expect(found('ＴＯＳ委員会　議事録', '議案第２号　各機器のログを別のサーバへ毎日転送して保管する案。 → 費用の面から、今年度は導入しないことと決定。')).not.toContain('log-collection-offsystem');
    expect(found('ＴＯＳ委員会　議事録', '議案第２号　各機器のログを別のサーバへ毎日転送して保管する案。 → 原案どおり承認し、来月から実施する。')).toContain('log-collection-offsystem');
  });
});

describe('documents that describe what a system could do', () => {
  const many = (lines: string[]) => found('新ターミナルオペレーションシステム', ...lines);

  it('a procurement specification (受注者は…こと) describes no measure of the operator', () => {
    expect(
      many([
        '受注者は、リモート保守の接続元をＩＰアドレスで制限できる構成を提案すること。',
        '受注者は、管理者の初期パスワードを導入時に変更できる機能を有すること。',
        '受注者は、サーバにウイルス対策ソフトを導入できる構成とすること。',
        '受注者は、データベースのバックアップを毎日自動で取得する機能を有すること。',
        '受注者は、操作ログを外部の記録媒体に出力できること。',
        '発注者は、提出された提案書を審査し、受注者を決定する。',
      ]),
    ).toEqual([]);
  });

  it('a product brochure describes none either', () => {
    expect(
      many([
        '本製品は、リモート保守のＶＰＮ接続でワンタイムパスワードによる多要素認証に対応します。',
        'データベースを毎日自動でバックアップし、３０世代まで保持します。',
        '導入事例：○○港の××コンテナ株式会社様',
        '価格は個別にお見積りいたします。一部の機能はオプション（有償）です。',
        'お問い合わせ：営業部',
        '製品のご案内（令和８年版）',
      ]),
    ).toEqual([]);
  });

  it('while a plan that says its system does it, with a contract, still describes it', () => {
    expect(
      many([
        '当社のＴＯＳは、リモート保守のＶＰＮ接続にワンタイムパスワードによる多要素認証を使っている。',
        '保守会社との契約には秘密保持とセキュリティ対策の条項がある。',
        'データベースは毎日バックアップし、３０世代を別棟に保管している。',
        'サーバにはウイルス対策ソフトを入れている。',
        '管理者の初期パスワードは導入時に変更した。',
        '受注者である保守会社の作業は、作業報告書で確認している。',
      ]),
    ).toEqual(expect.arrayContaining(['ext-multifactor-auth', 'outsourcing-security-contract', 'server-antimalware']));
  });
});

describe('a 項目 | 状況 | メモ table marked with ◎', () => {
  it('reads the メモ column as the answer, ◎ as the mark', () => {
    const rows = [
      { text: '外部接続（ＶＰＮルータ）', kind: 'heading', index: 0 } as TextBlock,
      cell('項目', 0, 0, 1), cell('状況', 0, 1, 2), cell('メモ', 0, 2, 3),
      cell('接続元の限定', 1, 0, 4), cell('◎', 1, 1, 5), cell('保守会社の固定ＩＰのみ許可', 1, 2, 6),
      cell('アカウントロック', 2, 0, 7), cell('×', 2, 1, 8), cell('未設定（予定なし）', 2, 2, 9),
    ];
    const got = matchRequirements(rows).map((m) => m.requirement);
    expect(got).toContain('ext-source-ip-restriction');
    expect(got).not.toContain('ext-account-lockout-detection');
  });
});

describe('readCover: lines of a letterhead and labels typed with blanks', () => {
  it('reads the name from a block of lines, without the words in brackets beside it', () => {
    const cover = readCover([
      { text: '汐入ポートオペレーション株式会社\n（横浜港　本牧ふ頭　Ｄターミナル）', kind: 'paragraph', index: 1 },
      { text: 'ＴＯＳの概要と情報セキュリティ対策', kind: 'heading', index: 2 },
    ]);
    expect(cover.applicant?.name?.value).toBe('汐入ポートオペレーション株式会社');
  });

  it('does not take an address’s town for the port, and reads 住　所 as a label', () => {
    const cover = readCover([
      { text: '住　所　秋田県男鹿市船川港船川字新浜町１番地', kind: 'paragraph', index: 1 },
      { text: '申請者　株式会社男鹿港湾サービス', kind: 'paragraph', index: 2 },
      { text: '１　港湾及び施設　秋田船川港　外港地区コンテナターミナル', kind: 'paragraph', index: 3 },
    ]);
    expect(cover.port?.value).toBe('秋田船川港');
    expect(cover.applicant?.address?.value).toContain('秋田県男鹿市');
  });
});

describe('sentences typed without 。', () => {
  it('ends a sentence at 「…してます ・」 and at a half-width 「. 」, so one measure’s negation stays its own', () => {
    const got = found('ＴＯＳについて', '・VPNﾙｰﾀは保守会社のIPからしか入れない設定済 ・ﾛｸﾞｲﾝ失敗でﾛｯｸする設定は、ﾙｰﾀに機能がないので入れてない. 入れ替えの予定もなし');
    expect(got).toContain('ext-source-ip-restriction');
    expect(got).not.toContain('ext-account-lockout-detection');
  });
  it('a negation is saved only by a plan that stands next to it', () => {
    const got = found(
      'ＴＯＳについて',
      'ログの外部保管は来年度から始める予定です。\nサーバのパターンファイルは自動更新しています。\nＴＯＳが止まったときの訓練はまだやったことがない。',
    );
    expect(got).toContain('log-collection-offsystem');
    expect(got).not.toContain('bcp-training');
  });
});

describe('a hearing transcript', () => {
  it('reads a question as a heading over its answer, never as a statement', () => {
    const got = found(
      '聴取記録　ＴＯＳについて',
      '行政書士：ＴＯＳが止まったときの訓練はされていますか。',
      '山本（業務課）：いや、まだ一度もやったことがないです。',
      '行政書士：サーバにウイルス対策ソフトは入っていますか。',
      '山本（業務課）：はい、２台とも入れていて、パターンは自動で更新されます。',
    );
    expect(got).toContain('server-antimalware');
    expect(got).not.toContain('bcp-training');
  });
});

describe('a 新旧対照表', () => {
  it('reads 変更後, deletes with 「（削る）」 and keeps the text as it was with 「（略）」', () => {
    const rows = [
      { text: '事業計画　新旧対照表', kind: 'heading', index: 0 } as TextBlock,
      cell('変更前', 0, 0, 1), cell('変更後', 0, 1, 2),
      cell('他社とヒヤリハット事例を共有する。', 1, 0, 3), cell('（削る）', 1, 1, 4),
      cell('サーバにウイルス対策ソフトを入れ、定義ファイルを毎日更新する。', 2, 0, 5), cell('（略）', 2, 1, 6),
      cell('データベースを毎週バックアップする。', 3, 0, 7), cell('データベースを毎日バックアップし、外付けディスクを別棟に保管する。', 3, 1, 8),
    ];
    const got = matchRequirements(rows).map((m) => m.requirement);
    expect(got).not.toContain('tos-good-practice-sharing');
    expect(got).toEqual(expect.arrayContaining(['server-antimalware', 'backup-targets-frequency']));
  });
});

describe('a questionnaire form and its detail lines', () => {
  it('reads the marked answer, and 「具体的に：」 as the detail of the question above', () => {
    const got = found(
      'ＴＯＳに関する確認票',
      '３．ＶＰＮ接続でワンタイムパスワード等の二要素認証を行っていますか。はい・【いいえ】',
      '５．サーバにウイルス対策ソフトを入れていますか。【はい】・いいえ',
      '９．機器のログを定期的に取り出し、別の場所に保管していますか。□はい　■いいえ',
      '　具体的に：来年３月までに、月１回取り出して外付けディスクに保管する予定。',
    );
    expect(got).not.toContain('ext-multifactor-auth');
    expect(got).toContain('server-antimalware');
    expect(got).toContain('log-collection-offsystem');
  });
  it('「：規定なし」 answers no', () => {
    expect(found('ＴＯＳの規程との対応', '他社との事例共有：規定なし。現時点で取組みはない。')).not.toContain('tos-good-practice-sharing');
  });
});

describe('a lease contract between 甲 and 乙', () => {
  it('is a party’s duties, not an operator’s measures', () => {
    expect(
      found(
        '物件賃貸借契約書（ターミナル事務所のパソコン）',
        '甲は、物件にウイルス対策ソフトを導入したうえで乙に引き渡す。',
        '乙は、物件を善良な管理者の注意をもって使用する。',
        '甲は、故障した物件を速やかに交換する。',
        '乙は、契約の終了時に物件を甲に返還し、甲はデータを消去する。',
        '甲及び乙は、この契約により知り得た秘密を第三者に漏らしてはならない。',
        '本契約に定めのない事項は、甲乙協議のうえ定める。',
      ),
    ).toEqual([]);
  });
});

describe('readCover: the name as written, 依頼者, a part of a 指定港', () => {
  it('keeps full-width letters of the name, reads 依頼者 and 「京浜港（横浜港）」', () => {
    const cover = readCover([
      { text: '件名：事業計画作成のための聴き取り\n依頼者：神戸ＰＩロジ株式会社\n場所：京浜港（横浜港）本牧ふ頭', kind: 'paragraph', index: 1 },
    ]);
    expect(cover.applicant?.name?.value).toBe('神戸ＰＩロジ株式会社');
    expect(cover.port?.value).toBe('横浜港');
  });
  it('but 「川崎港（京浜港）」 stays 川崎港', () => {
    expect(readCover([{ text: '当社は川崎港（京浜港）東扇島地区のコンテナターミナルで…', kind: 'paragraph', index: 1 }]).port?.value).toBe('川崎港');
  });
});

describe('a status table whose header has a legend', () => {
  it('reads 実施状況（済・一部・未・予定） as the status column, and a 未 row 「当面予定なし」 as not taken', () => {
    const rows = [
      { text: '３．外部接続', kind: 'heading', index: 0 } as TextBlock,
      cell('対策', 0, 0, 1), cell('実施状況（済・一部・未・予定）', 0, 1, 2), cell('根拠資料・備考', 0, 2, 3),
      cell('接続元ＩＰアドレスの限定', 1, 0, 4), cell('済', 1, 1, 5), cell('ルータ設定表', 1, 2, 6),
      cell('攻撃を受けた外部接続機器の新品交換', 2, 0, 7), cell('未', 2, 1, 8), cell('未：予備機がなく、当面予定なし', 2, 2, 9),
    ];
    const got = matchRequirements(rows).map((m) => m.requirement);
    expect(got).toContain('ext-source-ip-restriction');
    expect(got).not.toContain('ext-device-replace-after-attack');
  });
});

describe('readCover: a questionnaire’s cover table', () => {
  const cellAt = (text: string, row: number, column: number, index: number): TextBlock => ({ text, kind: 'table-cell', index, cell: { table: 1, row, column } });
  it('reads 代表者 | 代表取締役 …, 港名・ターミナル | port and terminal, and the TOS without its note', () => {
    const cover = readCover([
      cellAt('申請者名', 0, 0, 1), cellAt('株式会社七ヶ浜ふ頭サービス', 0, 1, 2),
      cellAt('代表者', 1, 0, 3), cellAt('代表取締役　菅原　一郎', 1, 1, 4),
      cellAt('港名・ターミナル', 2, 0, 5), cellAt('仙台塩釜港（仙台港区）　中野コンテナターミナル', 2, 1, 6),
      { text: 'ＴＯＳの名称：ＮＡＫＡＮＯ－ＣＴＳ（令和２年４月稼働）', kind: 'paragraph', index: 7 },
      { text: '本社：宮城県仙台市宮城野区港三丁目１番地', kind: 'paragraph', index: 8 },
    ]);
    expect(cover.applicant?.representative?.value).toEqual({ title: '代表取締役', name: '菅原 一郎' });
    expect(cover.terminal?.value).toBe('中野コンテナターミナル');
    expect(cover.port?.value).toBe('仙台塩釜港');
    expect(cover.tosName?.value).toBe('NAKANO-CTS');
  });
});

describe('a document that puts the TOS outside its scope', () => {
  it('reads an audit report that leaves the TOS out as no plan', () => {
    const got = found(
      '内部監査報告書（総務・購買）',
      '監査人：監査部　山田一郎（被監査部署の業務には従事していない）',
      '範囲：ターミナルオペレーションシステム（ＴＯＳ）の運用は、この監査の対象としていない。',
      '指摘１：荷役の下請先３社との基本契約書に秘密保持条項がなかった。回答：３月までに締結し直す。',
      '指摘２：経理用パソコンのウイルス対策ソフトの定義ファイルが更新されていなかった。回答：更新済み。',
    );
    expect(got).toEqual([]);
  });
  it('still reads a plan whose one row leaves the TOS server out', () => {
    expect(found('当社コンテナターミナルのＴＯＳの情報セキュリティ対策', 'ＵＳＢメモリは、専用の検査用パソコンでウイルスチェックしてから使う。ただし、ＴＯＳサーバは対象外。', 'ＴＯＳのデータは毎晩バックアップを取得している。')).toContain('backup-targets-frequency');
  });
});

describe('negation forms (src/screen/negation.ts)', () => {
  const inPlan = (text: string) => found('当社コンテナターミナルのＴＯＳの情報セキュリティ対策', text);
  it.each([
    ['サイバー攻撃に備えた対応訓練は、人員の都合で実施いたしかねております。', 'incident-response-training'],
    ['第三者による監査は、費用の面から受けるには至っておりません。', 'security-audit'],
    ['従来は全社員に年2回の情報セキュリティ研修を行っていたが、令和6年度から取りやめた。', 'security-awareness-training'],
    ['業務委託先を選ぶ基準は設けていないし、今後設ける考えもありません。', 'outsourcing-security-contract'],
    ['攻撃を受けたルータをどう取り替えるかについては、決まったルールがない。', 'ext-device-replace-after-attack'],
    ['サーバの管理者パスワードは、納品時から変えないまま使っている。', 'internal-admin-credentials'],
    ['バックアップの世代管理と隔離保管：未検討', 'backup-generations-isolation'],
    ['標的型攻撃メールへの教育は実施なし。', 'security-awareness-training'],
    ['ネットワーク構成図は作っていない（今後も作る予定はない）。', 'asset-network-inventory'],
    ['外部の専門家による監査の実績はありません。', 'security-audit'],
    ['ＴＯＳサーバへのＯＳ修正プログラムは、動作確認ができないため更新を控えている。', 'internal-software-update'],
    ['アカウントのロック機能は設定されていない状況です。', 'ext-account-lockout-detection'],
    ['ＶＰＮのログイン失敗でロックする機能は使っていない。', 'ext-account-lockout-detection'],
    ['・サーバのＯＳ更新：止めている（業務ソフトが動かなくなるため）', 'internal-software-update'],
    ['管理者ログインの多要素認証は、令和６年度に見積りを取りましたが、費用の面から見送りました。', 'internal-admin-multifactor-auth'],
    ['ログイン失敗を検知して知らせる仕組みもありません。', 'ext-account-lockout-detection'],
    ['防災の日に合わせ、年１回、津波を想定した避難訓練として事業継続計画の訓練を行っている。', 'bcp-training'],
    ['内部監査は、ＩＳＯ９００１に基づく品質の監査として年１回受けている。', 'security-audit'],
    ['港湾警察とは、ヤードでの盗難や不審者の対応について平素から連絡を取り合っている。', 'external-expert-liaison'],
    ['バックアップは毎晩、ＴＯＳのデータベースを外付けのハードディスクへ取っている。', 'backup-generations-isolation'],
    ['ゲート端末のＷｉｎｄｏｗｓは、業務アプリの不具合が出たため、パッチの適用を現在停止中です。', 'internal-software-update'],
    ['システムの開発元である株式会社みなとソフトは、ＩＳＯ／ＩＥＣ２７００１の認証を持っています。', 'security-audit'],
  ] as const)('「%s」 does not describe %s', (text, id) => {
    expect(inPlan(text)).not.toContain(id);
  });
  it.each([
    ['ＵＳＢメモリは、使う前に必ず専用の端末でウイルス検査をしてからでないと使えない決まりにしている。', 'removable-media-scan'],
    ['保守会社の決まったＩＰアドレス以外からは、ＶＰＮへつながらないよう制限している。', 'ext-source-ip-restriction'],
    ['以前は手作業だったが、現在はバックアップを毎晩自動で取得している。', 'backup-targets-frequency'],
    ['当社はＩＳＭＳの認証を取得しており、毎年の維持審査を受けている。', 'security-audit'],
    ['委託先の選定基準は今年度中に定める予定で、今後は契約書にセキュリティ条項を入れる。', 'outsourcing-security-contract'],
    ['ＴＯＳが半日止まった想定で、紙の搬出票とホワイトボードで受付を続ける訓練を年１回行っている。', 'bcp-training'],
    ['バックアップは毎晩外付けのハードディスクへ取り、取り外して金庫に保管している。', 'backup-generations-isolation'],
  ] as const)('「%s」 still describes %s', (text, id) => {
    expect(inPlan(text)).toContain(id);
  });
});
