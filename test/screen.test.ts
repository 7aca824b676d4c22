import { describe, expect, it } from 'vitest';
import { REQUIREMENT_IDS, type RequirementId } from '../src/catalog/requirements.ts';
import { REQUIREMENT_TERMS } from '../src/catalog/requirementTerms.ts';
import type { TextBlock } from '../src/readers/plan/textBlock.ts';
import { matchRequirements } from '../src/screen/matchRequirements.ts';
import { foldText, leadingLabel } from '../src/screen/normalize.ts';
import { parseJapaneseDate, portIn, readCover, terminalIn } from '../src/screen/readCover.ts';
import { readStatus } from '../src/screen/status.ts';
import { joinWrappedLines } from '../src/screen/wrappedLines.ts';

/** Paragraph blocks, one per line of text. */
const paragraphs = (...texts: string[]): TextBlock[] => texts.map((text, i) => ({ text, kind: 'paragraph', index: i + 1 }));
const found = (...texts: string[]): RequirementId[] => matchRequirements(paragraphs(...texts)).map((m) => m.requirement);

/** Each requirement in phrasings a clerk would use (none copied from the guideline). */
const PHRASINGS: Record<RequirementId, string[]> = {
  'asset-network-inventory': [
    'TOSのサーバ・端末・ルータを記載した機器台帳とネットワーク構成図を作成し、変更の都度更新している。',
    '社内ネットワークに許可していない機器が接続されていないか、毎月スイッチのポートを点検している。',
    'システム構成表を整備し、年１回棚卸しを行っている。',
  ],
  'outsourcing-security-contract': [
    '保守を委託しているA社との契約には、秘密保持と障害時の対応手順を定めている。',
    '委託先は当社の選定基準（ISMS認証の有無、実績）に基づいて選んでいる。',
    '開発会社とは、目的外利用の禁止を含む覚書を交わしている。',
  ],
  'incident-response-procedure': [
    'サイバー攻撃を受けた場合の初動対応、証拠保全、復旧、報告の手順をマニュアルに定めている。',
    'ランサムウェアによる身代金の要求には応じない。',
    '情報漏えいが起きたときの対応フローを作成している。',
  ],
  'incident-response-training': [
    'インシデント対応手順書に基づく机上演習を年１回行っている。',
    'ウイルス感染を想定した対応訓練を保守会社と合同で実施している。',
  ],
  'bcp-system-failure': [
    'システム障害やサイバー攻撃を想定した事業継続計画を策定している。',
    'TOSが停止した場合は、紙の作業指示書で手作業により荷役を続ける手順を定めている。',
  ],
  'bcp-training': [
    'BCPに基づき、TOS停止を想定した訓練を年１回行っている。',
    'システムが止まった状況を想定して、手作業で荷役を行う訓練をしている。',
  ],
  'external-expert-liaison': [
    '県警のサイバー犯罪対策課とは平時から情報交換を行っている。',
    'セキュリティベンダー及びJPCERT/CCと日頃から連絡先を共有している。',
  ],
  'incident-response-organization': [
    '情報システム部にCSIRTを設置している。',
    'インシデント対応チームを編成し、事故発生時の対応を担わせている。',
  ],
  'security-info-collection': [
    'JVNやIPAの脆弱性情報を担当者が毎日確認している。',
    'セキュリティに関する最新の情報をメール配信で受け取り、継続的に収集している。',
  ],
  'tos-good-practice-sharing': [
    '他のターミナル事業者のTOS担当者とヒヤリハット事例を共有している。',
    '港運協会の勉強会でセキュリティの取組事例を紹介しあっている。',
  ],
  'security-awareness-training': [
    '全従業員に情報セキュリティ研修を年１回行っている。',
    '標的型メール訓練を年２回実施している。',
    'eラーニングでサイバー攻撃の手口を学ばせている。',
  ],
  'ext-device-vulnerability-management': [
    'VPNルータのファームウェアを毎月確認し、最新版に更新している。',
    'ファイアウォールの脆弱性情報をメーカーのサイトで収集し、パッチを適用している。',
  ],
  'security-audit': [
    '外部の監査法人による情報セキュリティ監査を年１回受けている。',
    '第三者による情報セキュリティの点検を定期的に受けている。',
    '各部署で半年ごとに情報セキュリティの自己点検を行っている。',
  ],
  'ext-source-ip-restriction': [
    'VPNは保守会社の固定IPアドレスからの接続のみ許可している。',
    'リモート接続の接続元を当社拠点に限定している。',
  ],
  'ext-multifactor-auth': [
    'VPN接続にはパスワードとワンタイムパスワードによる二要素認証を求めている。',
    '外部から接続する際は、電子証明書とパスワードで認証している。',
    'リモートアクセスにはMFAを必須としている。',
  ],
  'ext-account-lockout-detection': [
    'VPNでは５回連続でログインに失敗するとアカウントをロックする。',
    '通常と異なるIPアドレスからのログイン試行を検知し、管理者にメールで通知する。',
  ],
  'internal-admin-credentials': [
    'サーバの初期パスワードは導入時に変更している。',
    '管理者パスワードは１２文字以上の複雑なものとしている。',
  ],
  'internal-admin-multifactor-auth': [
    'サーバへの管理者ログインにはICカードによる多要素認証を用いている。',
    '特権アカウントの利用時は生体認証を併用している。',
  ],
  'log-collection-offsystem': [
    'サーバとスイッチのログを毎日取得し、別のログサーバに保存している。',
    'VPNルータの通信記録を週次で収集し、外部媒体に保管している。',
  ],
  'ext-device-replace-after-attack': [
    'VPNルータが攻撃を受けた場合は新品に交換する。',
    '外部接続機器が乗っ取られた疑いがあるときは、予備機と入れ替える。',
  ],
  'server-antimalware': [
    'サーバにウイルス対策ソフトを導入し、定義ファイルを自動更新している。',
    '全サーバにEDRを導入している。',
  ],
  'internal-software-update': [
    'サーバのOSにセキュリティパッチを毎月適用している。',
    'スイッチのファームウェアを定期的に確認し、更新している。',
  ],
  'removable-media-scan': [
    'USBメモリは、TOSにつながっていない専用端末でウイルスチェックしてから使用する。',
    '外部記憶媒体の使用は禁止している。',
    '可搬媒体は使用前に検疫用PCでスキャンする。',
  ],
  'backup-targets-frequency': [
    'データベースのバックアップを毎日取得している。',
    'バックアップの対象はプログラムとコンテナ情報とし、週次で取得している。',
  ],
  'backup-generations-isolation': [
    'バックアップは７世代分を保存している。',
    'バックアップはネットワークから切り離したテープに保管している。',
    'バックアップデータを遠隔地のデータセンターに保管している。',
  ],
};

describe('the terms table', () => {
  it('has routes for every requirement, and every phrase is a valid pattern', () => {
    for (const id of REQUIREMENT_IDS) {
      const terms = REQUIREMENT_TERMS[id];
      expect(terms.routes.length, id).toBeGreaterThan(0);
      for (const route of terms.routes) for (const group of route) expect(() => new RegExp(group.terms.join('|'), 'iu'), `${id} ${group.concept}`).not.toThrow();
    }
  });
});

describe('matchRequirements: each requirement in several phrasings', () => {
  for (const id of REQUIREMENT_IDS) {
    it(`finds ${id}`, () => {
      expect(PHRASINGS[id].length).toBeGreaterThanOrEqual(2);
      for (const phrasing of PHRASINGS[id]) expect(found(phrasing), phrasing).toContain(id);
    });
  }

  it('knows the ordinary words a clerk uses for each measure, not only the guideline’s (a plan about security as a whole)', () => {
    const intro = '当社TOSのサーバ、ネットワーク、パソコン、VPN、データの情報セキュリティについて、不正アクセスやウイルスへの備えを以下に記す。';
    const cases: [RequirementId, string][] = [
      ['asset-network-inventory', 'ネットワークの接続状況を図にし、保守業者と共有している。'],
      ['outsourcing-security-contract', 'TOSを作ってくれたソフト屋さんとは、うちのデータを他に漏らさないことを約束する書面を交わしています。'],
      ['incident-response-procedure', '万一情報が漏れたときの連絡と対処の仕方を、マニュアルとして作ってあります。'],
      ['incident-response-procedure', 'ランサムウェア被害時は、感染端末をネットワークから切り離し、保守会社へ連絡、警察へ届け出る、と定めている。'],
      ['incident-response-organization', '不正アクセスの事案には、同要領に基づき情報管理課の３名が対処に当たる。'],
      ['security-info-collection', '新しいウイルスや攻撃のニュースは、担当がネットで毎日チェックしています。'],
      ['security-awareness-training', '朝礼で月に一度、パスワードやUSBの扱いについて注意を呼びかけている。'],
      ['ext-device-vulnerability-management', '外との接続に使っている機械の弱点情報をメーカーのサイトで確認し、直しのプログラムを入れている。'],
      ['ext-source-ip-restriction', 'リモート保守の接続は、ルーターで決まった相手先以外はじくように設定しています。'],
      ['ext-multifactor-auth', '保守業者の遠隔接続では、使い捨ての確認番号の入力を求めている。'],
      ['ext-account-lockout-detection', 'VPNに変な時間にログインがあると、担当者にメールが飛ぶようにしてある。'],
      ['ext-account-lockout-detection', 'VPNのパスワードを規定回数以上間違えた場合、そのアカウントは自動的に使用不可となる。'],
      ['internal-admin-credentials', 'サーバの管理者用の暗証は、納入時のものを改め、英数字記号を交えた長いものとしている。'],
      ['ext-device-replace-after-attack', 'ルーターがやられたら、すぐ新しいのに取り替える。'],
      ['server-antimalware', 'サーバには不正プログラム対策の製品を導入している。'],
      ['internal-software-update', '業務用PCのWindowsは自動更新にしている。'],
      ['removable-media-scan', '本船から受け取ったメモリは、ネットにつないでいないパソコンで中身を調べてから使う。'],
      ['removable-media-scan', 'USBメモリの使用は申請制。'],
      ['internal-admin-multifactor-auth', 'サーバの管理者権限による操作に当たっては、暗証のほか、担当者が携行する認証用の機器による確認を要する。'],
      ['security-awareness-training', '年に一回、社員みんなに怪しいメールの見分け方を話しています。'],
      ['ext-source-ip-restriction', 'VPNへの接続は、保守会社の拠点からのものに限られている。'],
      ['incident-response-organization', '事故の際は、総務課長と情報担当２名が対応にあたる。'],
      ['ext-multifactor-auth', '保守会社さんがつないでくるときは、毎回変わる６桁の番号も打ち込んでもらいます。'],
      ['backup-targets-frequency', 'データは毎晩、サーバから別の箱（NAS）に丸ごと写しています。'],
      ['incident-response-procedure', 'もしおかしなことが起きたら、ケーブルを抜く、保守会社に電話、社長に報告、の順で動くと決めて、サーバの横に貼ってあります。'],
      ['internal-admin-credentials', 'サーバの管理者パスワードは、納品時のままではなく、変更してあります。'],
      ['incident-response-organization', '事故時に対応する体制として、情報管理委員会を置いている。'],
    ];
    for (const [id, text] of cases) expect(found(intro, text), text).toContain(id);
    // …and the same words about something else still say nothing
    expect(found(intro, 'サーバ室は施錠し、入退室管理簿により入室者を記録している。')).toEqual([]);
    expect(found(intro, '外部と通信する機器の基本ソフトは、製造者より修正の公表ある毎にこれを更新する。')).not.toContain('asset-network-inventory');
    expect(found(intro, '市内で開かれた港湾関係者向けのセキュリティセミナーに、情報システム課の２名が参加した。')).not.toContain('security-awareness-training');
    expect(found(intro, '全従業員を外部のセキュリティセミナーに参加させている。')).toContain('security-awareness-training');
    expect(found(intro, '講演では、他の港で起きたシステム停止の事例が紹介された。')).not.toContain('tos-good-practice-sharing');
    expect(found(intro, '同じ港の他の会社と、年2回セキュリティの勉強会を開いて、取組を発表しあっている。')).not.toContain('security-awareness-training');
    expect(found(intro, '各機器の操作履歴は週次で別媒体に退避し、6か月保存している。')).not.toContain('backup-targets-frequency');
    // work safety, machines and guards in a security plan: the words of a measure about something else
    expect(found(intro, '警備会社と契約し、夜間の巡回を委託している。契約には秘密保持の条項も含めている。')).toEqual([]);
    expect(found(intro, '荷役機械の定期点検を外部業者に委託し、点検記録を5年間保存している。')).toEqual([]);
    expect(found(intro, '新入社員には入社時に安全衛生教育を行っている。')).toEqual([]);
    expect(found(intro, '会計監査は監査法人により毎年受けている。')).toEqual([]);
    expect(found(intro, 'クレーンの操作ログは運転室の記録計で毎日取得している。')).toEqual([]);
    expect(found(intro, 'ヒヤリハット報告は月例の安全委員会で共有している。')).toEqual([]);
    // …and the same measures about the systems are still found
    expect(found(intro, '保守会社との契約には、TOSのデータの秘密保持の条項を含めている。')).toContain('outsourcing-security-contract');
    expect(found(intro, 'TOSのヒヤリハット事例は港運協会の部会で共有している。')).toContain('tos-good-practice-sharing');
  });

  it('finds the same words typed in full-width, half-width and with spaces from a PDF', () => {
    expect(found('ＶＰＮ接続時はワンタイム パスワードによる認証を行う。')).toContain('ext-multifactor-auth');
    expect(found('ｻｰﾊﾞｰにウィルス対策ソフトを導入している。')).toContain('server-antimalware');
    expect(found('障害時は手作業にて荷役を行なう手順を定めている。TOSが停止した場合に備える。')).toContain('bcp-system-failure');
  });

  it('gives the passage in the document’s own words, with its block and page', () => {
    const blocks: TextBlock[] = [
      { text: '（８）外部記憶媒体', kind: 'heading', index: 1, page: 3 },
      { text: '本船とのデータ授受に使うＵＳＢメモリは、検査用ＰＣでウイルスチェックしてから使用している。', kind: 'paragraph', index: 2, page: 3 },
    ];
    const match = matchRequirements(blocks).find((m) => m.requirement === 'removable-media-scan');
    expect(match).toMatchObject({ blocks: [2], page: 3, status: 'implemented' });
    expect(match!.passage).toBe(blocks[1]!.text);
  });

  it('lets one passage serve two requirements when it says both', () => {
    const ids = found('バックアップは毎日取得し、４週間分をオフラインのテープに保管している。');
    expect(ids).toEqual(expect.arrayContaining(['backup-targets-frequency', 'backup-generations-isolation']));
  });

  it('reads a passage under a heading in the clerk’s words, and a 項目 | 内容 table row', () => {
    const underHeading: TextBlock[] = [
      { text: '（３）バックアップ', kind: 'heading', index: 1 },
      { text: '対象はデータベースと設定ファイルとし、日次で取得している。', kind: 'paragraph', index: 2 },
    ];
    expect(matchRequirements(underHeading).map((m) => m.requirement)).toContain('backup-targets-frequency');
    const cell = (text: string, row: number, column: number, index: number): TextBlock => ({ text, kind: 'table-cell', index, cell: { table: 1, row, column } });
    const table = [
      cell('項目', 0, 0, 1), cell('内容', 0, 1, 2), cell('実施状況', 0, 2, 3),
      cell('管理者の多要素認証', 1, 0, 4), cell('ログイン時にワンタイムパスワードを併用する。', 1, 1, 5), cell('令和8年3月までに導入予定', 1, 2, 6),
    ];
    const match = matchRequirements(table).find((m) => m.requirement === 'internal-admin-multifactor-auth');
    expect(match).toMatchObject({ blocks: [5], passage: 'ログイン時にワンタイムパスワードを併用する。', status: 'planned' });
  });

  it('reads a sentence together with the heading over it when the heading names part of the measure and the sentence the rest', () => {
    const under = (heading: string, text: string) =>
      matchRequirements([
        { text: heading, kind: 'heading', index: 1 },
        { text, kind: 'paragraph', index: 2 },
      ]).map((m) => m.requirement);
    expect(under('（７）サーバ・端末のパッチ', '月1回、まとめて適用している。')).toContain('internal-software-update');
    expect(under('（16）攻撃を受けた機器', 'VPN装置やルータは新品に交換する。')).toContain('ext-device-replace-after-attack');
    // the sentence must add something of the measure: under the same heading, a sentence about another matter says nothing
    expect(under('（７）サーバ・端末のパッチ', '担当は情報システム課とする。')).not.toContain('internal-software-update');
    // nor does a sentence that says the measure is not taken
    expect(under('（７）サーバ・端末のパッチ', '月1回の適用は、まだ行っていない。')).not.toContain('internal-software-update');
  });

  it('finds items in any order and with no headings at all', () => {
    const ids = found(
      '３　サーバにはウイルス対策ソフトを導入している。',
      '１　VPNは保守会社のIPアドレスからのみ接続を許可している。',
      '２　ログは毎日取得し、別サーバに保存している。',
    );
    expect(ids.sort()).toEqual(['ext-source-ip-restriction', 'log-collection-offsystem', 'server-antimalware']);
  });

  it('takes “上記の手順に基づく訓練” to be about the passage before', () => {
    expect(found('サイバー攻撃を受けた場合の対応手順を定めている。', '上記の手順に基づく訓練を年１回行う。')).toContain('incident-response-training');
    expect(found('システム障害を想定した事業継続計画を策定している。', '上記の計画に基づく訓練を年１回行う。')).not.toContain('incident-response-training');
  });

  it('takes “そのときに動くのは…” to be about the passage before', () => {
    expect(found('ウイルスに感染したら、まずLANを抜く。', 'そのときに動くのは、情報係の３人と総務課長の４人のチームです。')).toContain('incident-response-organization');
    expect(found('地震が起きたら、まず机の下に入る。', 'そのときに動くのは、総務課の４人のチームです。')).not.toContain('incident-response-organization');
  });

  it('finds requirements a plan says do not apply (外部との接続はない)', () => {
    const matches = matchRequirements(paragraphs('TOSは社内LANのみで運用しており、外部との接続はない。'));
    expect(matches.map((m) => m.requirement).sort()).toEqual([
      'ext-account-lockout-detection', 'ext-device-replace-after-attack', 'ext-device-vulnerability-management', 'ext-multifactor-auth', 'ext-source-ip-restriction',
    ]);
    expect(new Set(matches.map((m) => m.status))).toEqual(new Set(['not-applicable']));
  });
});

describe('matchRequirements: considered and decided against', () => {
  it('reads 「検討したが、…見送った」 as not done, and a measure done beside it as done', () => {
    expect(found('管理者がログインするときの認証を二段階にすることも検討いたしましたが、古いスイッチが対応していないこともあり、今回は見送りました。')).not.toContain('internal-admin-multifactor-auth');
    expect(found('管理者がログインするときの認証を二段階にすることを検討しており、来年度に導入します。')).toContain('internal-admin-multifactor-auth');
    const both = found('サーバの管理者ログインは二段階認証とした。ウイルス対策ソフトの導入も検討したが、今回は見送った。');
    expect(both).toContain('internal-admin-multifactor-auth');
    expect(both).not.toContain('server-antimalware');
  });
});

describe('matchRequirements: what a whole document is about', () => {
  const officeRules = [
    '情報の取扱規程',
    '第１条　事務用パソコンのパスワードは１２文字以上とし、９０日ごとに変更する。',
    '第２条　事務用パソコンにインストールされたウイルス対策ソフトを停止してはならない。',
    '第３条　給与計算を外部に委託するときは、秘密保持を定めた委託契約を結ぶ。',
    '第４条　私物のＵＳＢメモリを事務用パソコンに接続してはならない。',
    '第５条　総務部は、入社時に本規程を説明し、誓約書を受け取る。',
  ];
  it("finds nothing in a company's rules for office PCs that never name a terminal, its system or its work", () => {
    expect(found(...officeRules)).toEqual([]);
  });
  it('reads the same rules as measures once the document says they are for the terminal system', () => {
    expect(found(...officeRules, '本規程は、当社コンテナターミナルのTOSの端末にも適用する。').length).toBeGreaterThan(0);
  });
});

describe('matchRequirements: tables, notes and abbreviations', () => {
  const cell = (text: string, row: number, column: number, index: number): TextBlock => ({ text, kind: 'table-cell', index, cell: { table: 1, row, column } });

  it('takes a row whose item cell names the requirement, when its content says something was done', () => {
    const rows = [
      { text: '情報セキュリティ対策の状況', kind: 'heading', index: 0 } as TextBlock,
      cell('要件', 0, 0, 1), cell('対応状況', 0, 1, 2), cell('具体的な内容', 0, 2, 3),
      cell('BCP訓練', 1, 0, 4), cell('△', 1, 1, 5), cell('本船荷役部門のみ実施。', 1, 2, 6),
      cell('グッドプラクティス共有', 2, 0, 7), cell('×', 2, 1, 8), cell('－', 2, 2, 9),
    ];
    const matches = matchRequirements(rows);
    expect(matches.map((m) => m.requirement)).toEqual(['bcp-training']);
    expect(matches[0]).toMatchObject({ blocks: [6], status: 'partial' });
  });

  it('takes a check table’s × or 未 answer to mean not done, unless the row says what is planned', () => {
    const rows = [
      { text: 'TOSの情報セキュリティ点検表', kind: 'heading', index: 0 } as TextBlock,
      cell('No', 0, 0, 1), cell('点検すること', 0, 1, 2), cell('結果', 0, 2, 3), cell('メモ', 0, 3, 4),
      cell('1', 1, 0, 5), cell('事故の時に動く担当者のチーム', 1, 1, 6), cell('×', 1, 2, 7), cell('情報係の３名のチームを作りたいが人が足りない', 1, 3, 8),
      cell('2', 2, 0, 9), cell('ウイルスにやられた時にやることを紙にまとめる', 2, 1, 10), cell('未', 2, 2, 11), cell('今年中に総務が作る', 2, 3, 12),
      // a PDF that ran two rows' answers together: one of them says no
      cell('3', 3, 0, 13), cell('サーバの管理者パスワードを初期のままにしない', 3, 1, 14), cell('○ ×', 3, 2, 15), cell('導入の日に変えた', 3, 3, 16),
      cell('4', 4, 0, 17), cell('サーバのウイルス対策ソフト', 4, 1, 18), cell('済', 4, 2, 19), cell('自動で更新している', 4, 3, 20),
    ];
    expect(matchRequirements(rows).map((m) => m.requirement)).toEqual(['incident-response-procedure', 'server-antimalware']);
  });

  it('reads a 確認事項 | 回答 table by its answer, the requirement cell only naming what the answer is about', () => {
    const rows = [
      { text: 'TOSの情報セキュリティに関する確認', kind: 'heading', index: 0 } as TextBlock,
      cell('確認事項', 0, 0, 1), cell('回答', 0, 1, 2),
      cell('第三者によるセキュリティ監査', 1, 0, 3), cell('予算の都合で実施していません。', 1, 1, 4),
      cell('事故発生時の対応手順書', 2, 0, 5), cell('令和６年に「サイバー攻撃時対応マニュアル」を作り、感染した端末の切り離しと証拠の保全を記載した。', 2, 1, 6),
      cell('他社との好事例の共有', 3, 0, 7), cell('共有の場には加わっていません。', 3, 1, 8),
      cell('サーバ管理者の二要素認証', 4, 0, 9), cell('対象外（特定の港ではないため）', 4, 1, 10),
    ];
    const matches = matchRequirements(rows);
    expect(matches.map((m) => m.requirement)).toEqual(['incident-response-procedure']);
    expect(matches[0]).toMatchObject({ blocks: [6], status: 'implemented' });
     // the same with other column names
    const other = [
      { text: 'TOSの情報セキュリティ', kind: 'heading', index: 0 } as TextBlock,
      cell('対応すべき要件', 0, 0, 1), cell('当社の対応状況', 0, 1, 2),
      cell('外部の者による監査', 1, 0, 3), cell('行っていない。', 1, 1, 4),
      cell('サーバのウイルス対策', 2, 0, 5), cell('全台に入れて毎日更新している。', 2, 1, 6),
    ];
    expect(matchRequirements(other).map((m) => m.requirement)).toEqual(['server-antimalware']);
  });

  it('reads a two-column row without a header by its answer when the first cell names a measure and the second is a sentence', () => {
    const rows = [
      { text: 'TOSのセキュリティ', kind: 'heading', index: 0 } as TextBlock,
      cell('外部機関によるセキュリティ監査', 0, 0, 1), cell('受けていない。', 0, 1, 2),
      cell('サーバのウイルス対策ソフト', 1, 0, 3), cell('全台に導入済み。', 1, 1, 4),
      // a table a PDF continues on the next page without its header: the status word after the item is its answer
      cell('サーバ管理者のワンタイムパスワード', 2, 0, 5), cell('未導入', 2, 1, 6),
    ];
    expect(matchRequirements(rows).map((m) => m.requirement)).toEqual(['server-antimalware']);
  });

  it('reads each cell by its column when a row has no cell for the first columns (a 区分 merged down from the row above)', () => {
    const rows = [
      cell('区分', 0, 0, 1), cell('項目', 0, 1, 2), cell('当社の対策', 0, 2, 3), cell('状況', 0, 3, 4),
      cell('体制', 1, 0, 5), cell('社内の対応組織', 1, 1, 6), cell('事故が起きたときに対応するチームを置き、責任者を社長とする。', 1, 2, 7), cell('実施中', 1, 3, 8),
      // the reader gives no block for the merged 区分 cell: the row starts at column 1
      cell('社外の相談先', 2, 1, 9), cell('県警察のサイバー犯罪対策課と連絡先を交わし、平時から情報をやり取りしている。', 2, 2, 10), cell('一部', 2, 3, 11),
    ];
    const matches = matchRequirements(rows);
    const liaison = matches.find((m) => m.requirement === 'external-expert-liaison');
    // the passage is the 当社の対策 cell and the status the 状況 cell, not the cells one place to the left
    expect(liaison).toMatchObject({ blocks: [10], status: 'partial' });
    // a 状況 of 未実施 says the row's measure is not done, whatever its text says was kept
    const logs = [...rows, cell('ログ', 3, 1, 12), cell('サーバのログを毎日取得し、別のサーバへ保存する。', 3, 2, 13), cell('未実施', 3, 3, 14)];
    expect(matchRequirements(logs).map((m) => m.requirement)).not.toContain('log-collection-offsystem');
    logs[logs.length - 1] = cell('実施中', 3, 3, 14);
    expect(matchRequirements(logs).map((m) => m.requirement)).toContain('log-collection-offsystem');
  });

  it('takes a 区分 merged down over the rows below as theirs (a row that names only 対象と頻度 under バックアップ)', () => {
    const rows = [
      cell('区分', 0, 0, 1), cell('項目', 0, 1, 2), cell('当社の対策', 0, 2, 3), cell('状況', 0, 3, 4),
      cell('バックアップ', 1, 0, 5), cell('世代', 1, 1, 6), cell('５世代を残し、うち１世代はネットワークから外したテープで別の建物に置く。', 1, 2, 7), cell('実施中', 1, 3, 8),
      cell('対象と頻度', 2, 1, 9), cell('プログラムは変更時、コンテナと本船のデータは毎時取得。', 2, 2, 10), cell('実施中', 2, 3, 11),
    ];
    expect(matchRequirements(rows).find((m) => m.requirement === 'backup-targets-frequency')).toMatchObject({ blocks: [10] });
    // the same row in a table whose 区分 is another: no backup
    const other = rows.map((c) => (c.text === 'バックアップ' ? { ...c, text: '運用' } : c.text.startsWith('５世代') ? { ...c, text: '毎朝、端末の起動を確かめる。' } : c));
    expect(matchRequirements(other).map((m) => m.requirement)).not.toContain('backup-targets-frequency');
  });

  it('reads terse notes of label：value, with ／ between measures', () => {
    const ids = found(
      '1.3 事故対応：「サイバー事案対応要領」制定済（隔離→証拠保全→復旧→報告）',
      '1.4 同要領の演習：年１回',
      '2.4 サーバ：ウイルス対策ソフト（定義自動更新）／OS・ミドルウェアの更新を月次で適用',
    );
    expect(ids).toEqual(expect.arrayContaining(['incident-response-procedure', 'incident-response-training', 'server-antimalware', 'internal-software-update']));
  });

  it('reads a list of measure names as those measures, and only those', () => {
    const ids = found('技術的な対策（外部接続の制限、多要素認証、アカウントロック、サーバの管理者パスワード、ウイルス対策、ログ、バックアップ等）は親会社が実施している。');
    expect(ids.sort()).toEqual([
      'backup-targets-frequency', 'ext-account-lockout-detection', 'ext-multifactor-auth', 'ext-source-ip-restriction', 'internal-admin-credentials',
      'log-collection-offsystem', 'server-antimalware',
    ]);
  });

  it('reads a measure’s object and verb together across an adverb set between them', () => {
    const text = '遠隔からの接続において認証に一定回数失敗した利用者については、当該利用者による接続を自動的に停止させる。';
    expect(found(text)).toContain('ext-account-lockout-detection');
    expect(found(text.replace('自動的に', ''))).toContain('ext-account-lockout-detection');
    // the adverb is not lost for the terms that need it (自動で取得)
    expect(found('TOSのデータベースのバックアップは夜間に自動で取得している。')).toContain('backup-targets-frequency');
  });

  it('reads 「同機器」 as the thing the sentence before names: a VPN router’s firmware is no server update', () => {
    const heading: TextBlock = { text: '外部接続とサーバの管理', kind: 'heading', index: 1 };
    const text = '保守用のVPNルータを１台設置している。同機器のファームウェアは、メーカーから更新が出るたびに保守会社が適用する。';
    const ids = matchRequirements([heading, { text, kind: 'paragraph', index: 2 }]).map((m) => m.requirement);
    expect(ids).toContain('ext-device-vulnerability-management');
    expect(ids).not.toContain('internal-software-update');
    const server = matchRequirements([heading, { text: text.replace('VPNルータ', 'ファイルサーバ'), kind: 'paragraph', index: 2 }]).map((m) => m.requirement);
    expect(server).toContain('internal-software-update');
  });

  it('takes an administrator’s second factor under a heading about outside connections for the internal measure only', () => {
    const blocks: TextBlock[] = [
      { text: '外部接続とサーバの管理', kind: 'heading', index: 1 },
      { text: '管理者としてサーバにログインする際には、パスワードに加えて指紋による認証を求めている。', kind: 'paragraph', index: 2 },
    ];
    const ids = matchRequirements(blocks).map((m) => m.requirement);
    expect(ids).toContain('internal-admin-multifactor-auth');
    expect(ids).not.toContain('ext-multifactor-auth');
  });

  it('reads a table of changes by what is done after the change, whatever its first column is called', () => {
    const cell = (text: string, row: number, column: number): TextBlock => ({ text, kind: 'table-cell', index: row * 10 + column + 1, cell: { table: 1, row, column } });
    const table = [
      cell('対策', 0, 0), cell('変更前', 0, 1), cell('変更後', 0, 2),
      cell('外部からの接続', 1, 0), cell('ID・パスワードのみ', 1, 1), cell('ID・パスワード＋スマートフォンのワンタイムコード', 1, 2),
      cell('ログイン失敗', 2, 0), cell('制限なし', 2, 1), cell('１０回失敗で３０分ロック', 2, 2),
    ];
    const matches = matchRequirements(table);
    expect(matches.find((m) => m.requirement === 'ext-multifactor-auth')?.passage).toBe('ID・パスワード＋スマートフォンのワンタイムコード');
    expect(matches.map((m) => m.requirement)).toContain('ext-account-lockout-detection');
  });

  it('reads a check table’s answer column (結果, or a bare mark after the item without a header) as the row’s answer', () => {
    const cell = (text: string, row: number, column: number): TextBlock => ({ text, kind: 'table-cell', index: row * 10 + column + 1, cell: { table: 1, row, column } });
    const rows = [
      ['1', 'サーバにウイルス対策ソフトを導入している', '×'],
      ['2', 'VPNは接続元IPアドレスを限定している', '○'],
      ['3', 'バックアップを毎日取得している', 'いいえ'],
    ];
    const withHeader = [['No', '点検項目', '結果'], ...rows].flatMap((r, i) => r.map((t, c) => cell(t, i, c)));
    const withoutHeader = rows.flatMap((r, i) => r.map((t, c) => cell(t, i, c)));
    for (const table of [withHeader, withoutHeader]) {
      const matches = matchRequirements(table);
      expect(matches.map((m) => m.requirement)).toEqual(['ext-source-ip-restriction']);
      expect(matches[0]).toMatchObject({ passage: 'VPNは接続元IPアドレスを限定している', status: 'implemented' });
    }
  });

  it('takes an empty box (□) for a no where the same checklist ticks others (■), and for a bullet where it ticks none', () => {
    const ticked = found('■ サーバにウイルス対策ソフトを導入している', '□ VPNに多要素認証を導入している', '□ ログを別サーバに毎日保存している（来年度から実施予定）');
    expect(ticked.sort()).toEqual(['log-collection-offsystem', 'server-antimalware']);
    expect(found('□ サーバにウイルス対策ソフトを導入している', '□ VPNに多要素認証を導入している').sort()).toEqual(['ext-multifactor-auth', 'server-antimalware']);
  });

  it('reads any verb negated at the end of a clause as not done (更新していない, 置いていない), but not a negation that is the measure or inside a noun phrase', () => {
    expect(found('サーバのOSは毎月更新しているが、VPN装置のファームウェアは購入時のまま更新していない。')).toEqual(['internal-software-update']);
    expect(found('バックアップは毎日取っているが、別の場所には保管していない。')).toEqual(['backup-targets-frequency']);
    expect(found('サーバにはウイルス対策ソフトを入れているものの、USBメモリの検査は特にしていない。')).toEqual(['server-antimalware']);
    expect(found('CSIRTのような組織は、当社の規模では置いていない。')).toEqual([]);
    expect(found('本船から受け取ったUSBメモリは、ネットにつないでいないパソコンでウイルスチェックしてから使う。')).toContain('removable-media-scan');
    expect(found('外付けHDDに取ったバックアップは、ふだんはネットワークに接続していない。')).toContain('backup-generations-isolation');
  });

  it('reads a table row whose item is a ditto (同 訓練, 〃) with the item of the row above', () => {
    const cell = (text: string, row: number, column: number): TextBlock => ({ text, kind: 'table-cell', index: row * 10 + column + 1, cell: { table: 1, row, column } });
    const rows = [['区分', '内容'], ['TOS停止時', '手書き伝票＋無線で荷役を継続し、復旧は業者が行う'], ['同 訓練', '年1回']];
    const ids = matchRequirements(rows.flatMap((r, i) => r.map((t, c) => cell(t, i, c)))).map((m) => m.requirement);
    expect(ids).toContain('bcp-training');
    const plain = [['区分', '内容'], ['TOS停止時', '手書き伝票＋無線で荷役を継続し、復旧は業者が行う'], ['訓練', '年1回']];
    expect(matchRequirements(plain.flatMap((r, i) => r.map((t, c) => cell(t, i, c)))).map((m) => m.requirement)).not.toContain('bcp-training');
  });

  it('reads a heading that points back (「前項の手順の訓練」) with the heading before it', () => {
    const blocks = (second: string): TextBlock[] => [
      { text: '３　インシデント発生時の対応手順', kind: 'heading', index: 1 },
      { text: 'A4で2枚にまとめ、各課に配った。', kind: 'paragraph', index: 2 },
      { text: second, kind: 'heading', index: 3 },
      { text: '今年度は１２月に実施予定。', kind: 'paragraph', index: 4 },
    ];
    expect(matchRequirements(blocks('４　前項の手順の訓練')).map((m) => m.requirement)).toContain('incident-response-training');
    expect(matchRequirements(blocks('４　防災訓練')).map((m) => m.requirement)).not.toContain('incident-response-training');
  });

  it('takes a numbered item of a section’s own level (（１）外部との接続, as a PDF or Word numbering gives it) for a heading, not a bullet or ①', () => {
    const items = (label: string): TextBlock[] => [
      { text: '外部との接続', kind: 'list-item', label, index: 1 },
      { text: '接続装置の弱点情報は保守業者を通じて毎月入手し、修正版を遅滞なく適用する。', kind: 'list-item', label: '④', index: 2 },
    ];
    expect(matchRequirements(items('(1)')).map((m) => m.requirement)).toContain('ext-device-vulnerability-management');
    expect(matchRequirements(items('・')).map((m) => m.requirement)).not.toContain('ext-device-vulnerability-management');
  });

  it('reads a table whose first column names the measure (取組 | 実施内容) with that column as the item', () => {
    const cell = (text: string, row: number, column: number): TextBlock => ({ text, kind: 'table-cell', index: row * 10 + column + 1, cell: { table: 1, row, column } });
    const rows = [['取組', '実施内容', '頻度・時期'], ['攻撃を受けたVPN装置', '新品に交換（保守契約に明記）', '発生時']];
    const match = matchRequirements(rows.flatMap((r, i) => r.map((t, c) => cell(t, i, c)))).find((m) => m.requirement === 'ext-device-replace-after-attack');
    expect(match?.passage).toBe('新品に交換（保守契約に明記）');
  });

  it('reads each noun of a list on its own when the sentence as a whole speaks of something else too', () => {
    const cell = (text: string, row: number, column: number): TextBlock => ({ text, kind: 'table-cell', index: row * 10 + column + 1, cell: { table: 1, row, column } });
    const rows = [['対策', '内容', '時期'], ['サーバ', '初期パスワードの変更、ウイルス対策ソフトの導入、OSの月次更新', '実施済み']];
    const ids = matchRequirements(rows.flatMap((r, i) => r.map((t, c) => cell(t, i, c)))).map((m) => m.requirement);
    expect(ids).toEqual(expect.arrayContaining(['internal-admin-credentials', 'server-antimalware', 'internal-software-update']));
    // a sentence cut at its commas is no list of nouns
    expect(found('TOSが使えなくなったときの紙による荷役を、年１回、現場で実地訓練している。')).not.toContain('bcp-system-failure');
  });

  it('reads a check row answered × as planned when its remarks cell says so (× | 今後検討), and the status from it', () => {
    const intro: TextBlock = { text: '当社TOSのサーバ、ネットワーク、パソコン、VPN、データの情報セキュリティについて、不正アクセスやウイルスへの備えを以下に記す。', kind: 'paragraph', index: 0 };
    const cell = (text: string, row: number, column: number): TextBlock => ({ text, kind: 'table-cell', index: row * 10 + column + 1, cell: { table: 1, row, column } });
    const rows = [['番号', '点検内容', '判定', '補足'], ['10', '他社と事例を共有しているか', '×', '今後検討'], ['11', '攻撃を受けた機器を交換する手順があるか', '×', '']];
    const matches = matchRequirements([intro, ...rows.flatMap((r, i) => r.map((t, c) => cell(t, i, c)))]);
    expect(matches.map((m) => m.requirement)).toEqual(['tos-good-practice-sharing']);
    expect(matches[0]).toMatchObject({ status: 'planned' });
  });

  it('does not take a system that cannot be used in an outage for a locked account', () => {
    expect(found('TOSが使えなくなったときの紙による荷役を、年１回、現場で実地訓練している。')).not.toContain('ext-account-lockout-detection');
    expect(found('VPNのパスワードを５回まちがえると入れなくなる。')).toContain('ext-account-lockout-detection');
  });

  it('takes a heading or question over a passage that says no (実施しておらず予定もない, いいえ, 未実施) to describe nothing', () => {
    const under = (heading: string, text: string) =>
      matchRequirements([
        { text: heading, kind: 'heading', index: 1 },
        { text, kind: 'paragraph', index: 2 },
      ]).map((m) => m.requirement);
    expect(under('（３）インシデント対応訓練', '現時点では実施しておらず、予定もない。')).toEqual([]);
    expect(under('（３）インシデント対応訓練', '年１回、机上で実施している。')).toContain('incident-response-training');
    const qa = (q: string, a: string) =>
      matchRequirements([
        { text: q, kind: 'paragraph', index: 1 },
        { text: a, kind: 'paragraph', index: 2 },
      ]).map((m) => m.requirement);
    expect(qa('問３ VPN接続に多要素認証を導入していますか。', 'いいえ。')).toEqual([]);
    expect(qa('Q5. バックアップを毎日取得していますか？', 'A. いいえ。')).toEqual([]);
    expect(qa('Q5. バックアップを毎日取得していますか？', 'A. いいえ、来年度から取得する予定です。')).toContain('backup-targets-frequency');
  });

  it('reads a list of measure names that the negation reaches all through as measures not taken', () => {
    expect(found('VPNの接続元の制限、ワンタイムパスワード、アカウントロックは、いずれも実施していない。')).toEqual([]);
    expect(found('VPNの接続元の制限、ワンタイムパスワード、アカウントロックは、いずれも実施していないが、来年度に導入する予定である。').sort()).toEqual([
      'ext-account-lockout-detection', 'ext-multifactor-auth', 'ext-source-ip-restriction',
    ]);
  });

  it('reads short Latin words as words: os is not in tos, pc not in jpcert, sla not in slack', () => {
    expect(found('TOSの構成を変更した際はネットワーク構成図を更新する。')).not.toContain('ext-device-vulnerability-management');
    expect(found('JPCERT/CCのメーリングリストを購読し、毎日確認している。')).not.toContain('asset-network-inventory');
    expect(found('委託先からの連絡はSlackで受け、障害時も同様とする。')).not.toContain('outsourcing-security-contract');
  });
});

describe('matchRequirements: colloquial, old-fashioned and abbreviated phrasings', () => {
  const cell = (text: string, row: number, column: number, index: number): TextBlock => ({ text, kind: 'table-cell', index, cell: { table: 1, row, column } });
  const cases: [RequirementId, string][] = [
    ['incident-response-procedure', 'マルウェアにやられた時の初動（ケーブルを抜く、上長に報告）を一枚の紙にまとめてある。'],
    ['incident-response-procedure', '不正な侵入が生じたときは、電算事故処理要領に従い被害の局限と原因の究明を行う。'],
    ['incident-response-organization', '総務部長を情報セキュリティ責任者とし、事故の際は責任者が指揮して保守会社と連携する。'],
    ['ext-multifactor-auth', 'リモート保守の本人確認は、暗証番号のほか、担当者の所持する認証器による確認を併用する。'],
    ['ext-multifactor-auth', '社外からのVPNログインはパスワード＋TOTP。'],
    ['ext-account-lockout-detection', '遠隔保守のログインは3回失敗でロック'],
    ['ext-device-vulnerability-management', 'UTMのFW：保守業者が毎月アドバイザリを確認し適用'],
    ['internal-software-update', '内部の機器は、基本ソフトの修正プログラムを半期ごとに点検し適用する。'],
    ['internal-software-update', 'サーバ・L3SWのパッチはWSUSで月次適用'],
    ['security-awareness-training', '役員及び従業員に対し、毎年度、情報の安全に関する講習を行う。'],
    ['security-awareness-training', 'セキュリティ教育：入社時と年1回、全員にeラーニング'],
    ['security-info-collection', '情報セキュリティ関連の最新情報は、担当者が日々収集している。'],
    ['backup-targets-frequency', 'BK：DBは日次、設定ファイルは変更の都度'],
    ['backup-generations-isolation', 'BKは5世代、月末分はエアギャップの媒体へ'],
    ['backup-generations-isolation', 'バックアップの外付けディスクは、ふだんは外して金庫にしまっている。'],
  ];
  it.each(cases)('finds %s in 「%s」', (id, text) => {
    expect(found('TOSの情報セキュリティ対策', text)).toContain(id);
  });

  it('reads a table row from its item cell and its content cell together', () => {
    const rows = [cell('No', 0, 0, 1), cell('項目', 0, 1, 2), cell('状況', 0, 2, 3), cell('内容', 0, 3, 4), cell('1', 1, 0, 5), cell('サーバのWindows Update', 1, 1, 6), cell('済', 1, 2, 7), cell('毎月第3週にまとめて当てる。', 1, 3, 8)];
    expect(matchRequirements(rows).map((m) => m.requirement)).toContain('internal-software-update');
    const empty = [...rows.slice(0, 4), cell('1', 1, 0, 5), cell('サーバのWindows Update', 1, 1, 6), cell('未', 1, 2, 7), cell('ー', 1, 3, 8)];
    expect(matchRequirements(empty)).toEqual([]);
  });

  it('reads an item cell that says what is done with a content cell that says who or what it is done to', () => {
    const header = [cell('No', 0, 0, 1), cell('点検すること', 0, 1, 2), cell('結果', 0, 2, 3), cell('メモ', 0, 3, 4)];
    const row = (item: string, memo: string) => [...header, cell('1', 1, 0, 5), cell(item, 1, 1, 6), cell('○', 1, 2, 7), cell(memo, 1, 3, 8)];
    const heading = { text: 'TOSの情報セキュリティ点検表', kind: 'heading', index: 0 } as TextBlock;
    expect(matchRequirements([heading, ...row('困った時に相談できる先', '府警のサイバー犯罪の窓口、IPAの相談窓口')]).map((m) => m.requirement)).toContain('external-expert-liaison');
    expect(matchRequirements([heading, ...row('社員への勉強会', '年に１回、怪しいメールと添付ファイルの話')]).map((m) => m.requirement)).toContain('security-awareness-training');
    // the content says only what the item already says: nothing more
    expect(matchRequirements([heading, ...row('困った時に相談できる先', '総務課長に相談する')]).map((m) => m.requirement)).toEqual([]);
  });

  it('reads a 変更前 | 変更後 table by its 変更後 column', () => {
    const rows = [cell('項目', 0, 0, 1), cell('変更前', 0, 1, 2), cell('変更後', 0, 2, 3), cell('USBメモリ', 1, 0, 4), cell('制限なし', 1, 1, 5), cell('TOSから切り離した端末でウイルスチェックしてから使う', 1, 2, 6)];
    expect(matchRequirements(rows)).toMatchObject([{ requirement: 'removable-media-scan', blocks: [6] }]);
  });
});

describe('matchRequirements: near misses are not found', () => {
  it('a fire drill or an evacuation drill is no incident or BCP drill', () => {
    expect(found('年２回、消防署の立会いのもと避難訓練と消火訓練を行っている。')).toEqual([]);
    expect(found('地震を想定した防災訓練を毎年９月に実施している。')).toEqual([]);
  });

  it('backup power is no backup', () => {
    expect(found('停電に備えて非常用発電機とバックアップ電源を確保している。')).toEqual([]);
    expect(found('本部にバックアップ要員を２名置く。')).toEqual([]);
  });

  it('entry control, locked rooms and cameras are not in the catalog', () => {
    expect(found('サーバ室は施錠し、入退室管理システムで入室者を記録している。監視カメラを設置している。')).toEqual([]);
  });

  it('a safety subcontract, an intruder report and forklift near-misses are not security measures', () => {
    expect(found('協力会社とは作業請負契約を結び、安全衛生に関する遵守事項を定めている。')).toEqual([]);
    expect(found('不審者を発見した場合は警察へ通報する。警察とは平時から連絡体制を整えている。')).toEqual([]);
    expect(found('フォークリフトのヒヤリハット事例を安全衛生委員会で共有している。')).toEqual([]);
  });

  it('an incident drill is not awareness training, and a BCP drill is not an incident drill', () => {
    expect(found('インシデント対応手順の確認を目的とした机上訓練を年１回行う。')).not.toContain('security-awareness-training');
    expect(found('サイバー攻撃を想定したBCPに基づく訓練を年１回行っている。')).not.toContain('incident-response-training');
  });

  it('the word ログイン is no log, and a backup target list is no log collection', () => {
    expect(found('ログイン画面のデザインを変更した。')).toEqual([]);
    expect(found('バックアップの対象はプログラム、データ、システムログとし、日次で取得している。')).not.toContain('log-collection-offsystem');
  });

  it('antivirus pattern updates are no software update, and a crane replaced for age is no attacked device', () => {
    expect(found('サーバにウイルス対策ソフトを導入し、定義ファイルを毎日更新している。')).not.toContain('internal-software-update');
    expect(found('老朽化したガントリークレーンを新品と交換する。')).toEqual([]);
  });

  it('an illness is no computer virus, and a maintenance contract alone says no security clause', () => {
    expect(found('新型コロナウイルス感染症の対応マニュアルを定めている。')).toEqual([]);
    expect(found('保守は大阪システム株式会社に委託しており、年間の保守契約を結んでいる。')).toEqual([]);
  });

  it('a measure said not to be taken is not found, one said to be planned is', () => {
    expect(found('USBメモリの事前検査、外部の者による監査、他社との事例共有については、現時点では実施しておらず、予定もない。')).toEqual([]);
    expect(found('BCPに基づく訓練はしていません。')).toEqual([]);
    const planned = matchRequirements(paragraphs('VPN接続の多要素認証は導入していない。令和８年度中に導入する予定である。'));
    expect(planned).toMatchObject([{ requirement: 'ext-multifactor-auth', status: 'planned' }]);
  });

  it('a note answered 未 / 未設置 / なし, or a measure 講じていない, is not found', () => {
    expect(found('TOSセキュリティ対策', 'IR訓練：未', 'CSIRT：未設置', '管理者MFA：なし')).toEqual([]);
    expect(found('サーバ管理者の多要素認証は、現時点では講じていない。')).toEqual([]);
    expect(found('TOSセキュリティ対策', 'IR訓練：未（令和9年度に実施予定）')).toEqual(['incident-response-training']);
  });

  it('everyone trained in safety, a firewall log, and a person in charge of safety are not security measures', () => {
    expect(found('全員に荷役作業の安全教育を年2回行っている。')).toEqual([]);
    expect(found('安全衛生責任者を置き、事故の際は責任者が指揮して元請と連携する。')).toEqual([]);
    expect(found('TOSの情報セキュリティ対策', 'FWのログを毎日確認している。')).not.toContain('ext-device-vulnerability-management');
  });

  it('a checklist item answered いいえ is not found', () => {
    expect(found('□ 他社とセキュリティの良い取組や失敗例を共有している。　→　いいえ')).toEqual([]);
    expect(found('□ サーバに管理者でログインするときもワンタイムパスワードを使っている。　→　いいえ（検討中）')).toEqual(['internal-admin-multifactor-auth']);
  });

  it('a text that is no plan gives nothing', () => {
    expect(found('次回の実行委員会は７月８日に開催する。', 'ポスター５００枚を作成し、商店に掲示を依頼する。')).toEqual([]);
    expect(matchRequirements([])).toEqual([]);
  });
});

describe('matchRequirements: one sentence that chains several measures', () => {
  it('a word about something else in one clause does not veto the measure another clause says', () => {
    expect(found('ランサムウェア感染時の初動と復旧の手順をマニュアルに定め、保守契約先のベンダとも共有している。')).toContain('incident-response-procedure');
    expect(found('ウイルスに感染した場合の対応手順を文書化しており、保守の契約書にも連絡先を載せている。')).toContain('incident-response-procedure');
    // the veto stands in the clause that says the measure
    expect(found('インシデント対応の手順は保守契約の仕様書に定めている。')).not.toContain('incident-response-procedure');
    expect(found('インシデント対応手順に基づく訓練を行い、その結果を整理している。')).not.toContain('incident-response-procedure');
  });

  it('a negation reaches back over the chain and the list before it, not over a clause that ends in が', () => {
    expect(found('サーバ管理者の多要素認証は導入しておらず、導入の目処も立っていない。')).toEqual([]);
    expect(found('管理者ログインの二段階認証は、予算の都合で導入しておらず、予定も決まっていない。')).toEqual([]);
    expect(found('ログの外部保管、USBメモリの検査、及び第三者による監査についても、まだ行っていない。')).toEqual([]);
    expect(found('サーバの機器台帳を整備し、ログを別サーバへ毎日転送することは、まだできていない。')).toEqual([]);
    expect(found('VPNと管理者の多要素認証が、まだ導入されていない。')).toEqual([]);
    expect(found('VPNの多要素認証は導入しているが、管理者の多要素認証は導入していない。')).toEqual(['ext-multifactor-auth']);
    expect(found('バックアップは毎日取得しているものの、世代管理はまだできていない。')).toEqual(['backup-targets-frequency']);
  });

  it('a sentence with no plan either does not make the passage planned', () => {
    const found2 = found('管理者がサーバにログインする際の二要素認証は導入していない。導入の予定も立っていない。他社との事例の共有もしていない。');
    expect(found2).toEqual([]);
  });
});

describe('matchRequirements: a clerk’s plain words for a measure', () => {
  const heading = 'TOSの情報セキュリティ対策';
  it.each([
    ['５回続けて誤るとそのＩＤを止める。', 'ext-account-lockout-detection'],
    ['VPNは保守会社の固定アドレス以外からの接続を拒否している。', 'ext-source-ip-restriction'],
    ['ルータのメーカーが出す修正情報を毎月確認し、必要なものを当てている。', 'ext-device-vulnerability-management'],
    ['VPNの機械は、修正のお知らせが出たら保守会社がすぐ当てる。', 'ext-device-vulnerability-management'],
    ['ファイアウォールの動作記録は別の機器に１年間残している。', 'log-collection-offsystem'],
    ['管理者でログインするときはもう一段階の確認を求めている。', 'internal-admin-multifactor-auth'],
    ['県警のサイバー犯罪対策課の担当者とは顔見知りで、困ったときは相談することにしている。', 'external-expert-liaison'],
    ['港運協会の部会で、よその会社がやっている対策を教え合っている。', 'tos-good-practice-sharing'],
    ['ウイルスに感染したときの段取り表を作り、去年一度この表でやってみた。', 'incident-response-training'],
    ['情報漏えいに備え、総務課長を長とする５名の対応班を常設している。', 'incident-response-organization'],
    ['サーバが止まった時は、紙の伝票で受付を続ける。', 'bcp-system-failure'],
    ['JPCERTの注意喚起を毎朝確かめている。', 'security-info-collection'],
    ['社員全員に年１回、怪しいメールの見分け方の勉強会をしている。', 'security-awareness-training'],
    ['不正なアクセスを受けたときにやることを紙にまとめてある。', 'incident-response-procedure'],
  ] as const)('finds 「%s」 as %s', (text, id) => {
    expect(found(heading, text)).toContain(id);
  });

  it('does not find the same plain words about something else', () => {
    expect(found(heading, '地震対応マニュアルを使って訓練を行った。')).toEqual([]);
    expect(found(heading, '地震に備え、災害対応班を常設している。')).toEqual([]);
    expect(found(heading, '避難訓練を一度やってみた。')).toEqual([]);
    expect(found(heading, 'メールアドレスは社外の取引先にだけ教えている。')).toEqual([]);
    expect(found(heading, '港の清掃活動でよその会社の人と教え合っている。')).toEqual([]);
    expect(found(heading, '管理者でログインするときはパスワードを入れる。')).toEqual([]);
  });
});

describe('readStatus', () => {
  it('reads implemented, planned, considering, partial and not applicable from the words', () => {
    expect(readStatus('年１回実施している。')?.status).toBe('implemented');
    expect(readStatus('導入済み')?.status).toBe('implemented');
    expect(readStatus('令和７年度中に導入する予定である。')?.status).toBe('planned');
    expect(readStatus('遠隔地での保管を検討中である。')).toMatchObject({ status: 'planned', considering: true });
    expect(readStatus('現在は手作業で取得しているが、来年度に自動化する予定。')?.status).toBe('partial');
    expect(readStatus('USBメモリは使用していない。', { mayNotApply: true })?.status).toBe('not-applicable');
    expect(readStatus('USBメモリは使用していない。')?.status).not.toBe('not-applicable');
    expect(readStatus('原則使用しないが、やむを得ず使用する場合はスキャンしている。', { mayNotApply: true })?.status).toBe('implemented');
    expect(readStatus('○')?.status).toBe('implemented');
    expect(readStatus('バックアップを取得する。')).toBeUndefined();
    expect(readStatus('新システムの稼働後は、毎朝サーバのログを確認します。')?.status).toBe('planned');
    expect(readStatus('ＴＯＳの稼働後は、毎朝サーバのログを確認しています。')?.status).toBe('implemented');
    // a month after the one the plan was written in (令和8年2月), unless the passage says it is done
    const writtenIn = (2018 + 8) * 12 + 2;
    expect(readStatus('管理者の初期パスワードはすべて変更します。【令和８年９月】', { writtenIn })).toMatchObject({ status: 'planned', words: '令和8年9月' });
    expect(readStatus('管理者の初期パスワードはすべて変更します。【令和７年９月】', { writtenIn })?.status).toBe('implemented');
    expect(readStatus('令和８年９月から、ログを毎日取得しています。', { writtenIn })?.status).toBe('implemented');
    expect(readStatus('管理者の初期パスワードはすべて変更します。【令和８年９月】')?.status).toBe('implemented');
  });
});

describe('normalisation', () => {
  it('folds width, blanks, long vowels and 送り仮名', () => {
    expect(foldText('ＵＳＢ メモリー')).toBe('usbメモリ');
    expect(foldText('サーバー')).toBe(foldText('サーバ'));
    expect(foldText('取り扱い')).toBe(foldText('取扱い'));
    expect(foldText('行なう')).toBe(foldText('行う'));
    expect(foldText('データ')).toBe('データ');
  });

  it('knows the numbering clerks put in front of items', () => {
    expect(leadingLabel('（１）バックアップ')).toMatchObject({ label: '(1)', depth: 2 });
    expect(leadingLabel('①　ログ')).toMatchObject({ label: '①', depth: 3 });
    expect(leadingLabel('ア　サーバ')).toMatchObject({ label: 'ア', depth: 4 });
    expect(leadingLabel('1.2 委託先')).toMatchObject({ depth: 2 });
    expect(leadingLabel('第３　措置')).toMatchObject({ depth: 1 });
    expect(leadingLabel('サーバ室は施錠する。')).toBeUndefined();
  });

  it('joins the wrapped lines of a PDF paragraph, not a docx’s paragraphs', () => {
    const pdf: TextBlock[] = [
      { text: 'TOSの保守をお願いしている株式会社博多システム開発とは、秘密を守ること、セキュ', kind: 'paragraph', index: 1, page: 1 },
      { text: 'リティ対策をきちんと行うことを契約で取り決めています。', kind: 'paragraph', index: 2, page: 1 },
      { text: '・次の項目', kind: 'paragraph', index: 3, page: 1 },
    ];
    expect(joinWrappedLines(pdf).map((b) => b.indexes)).toEqual([[1, 2], [3]]);
    expect(joinWrappedLines(pdf.map(({ page: _page, ...b }) => b)).length).toBe(3);
  });

  it('does not join a PDF list item to the next one when the reader gave that one its own bullet', () => {
    const items: TextBlock[] = [
      { text: 'BCP：TOSダウン時はホワイトボード＋手書き伝票で荷役継続。復旧はベンダーと手順共有済', kind: 'list-item', label: '・', index: 1, page: 1 },
      { text: 'BCP訓練：年1、台風訓練の日にTOSダウン想定の机上演習', kind: 'list-item', label: '・', index: 2, page: 1 },
      { text: 'を実施', kind: 'list-item', index: 3, page: 1 },
    ];
    expect(joinWrappedLines(items).map((b) => b.indexes)).toEqual([[1], [2, 3]]);
  });
});

describe('matchRequirements: one-line entries, things left as they were, English words', () => {
  const intro = 'ターミナルのTOS（サーバ２台、端末８台、ネットワーク、VPNルータ）について、情報セキュリティ対策（パスワード、ウイルス対策ソフト、データの保護）を次のとおり記す。';

  it('reads 「名称：答え」 entries by the requirement’s short name, and 対象外／未定 as describing nothing', () => {
    const ids = found(intro, '(1) 事故対応マニュアル：令和7年に制定', '(2) 外部監査：対象外（当社の規模のため）', '(3) 事故対応訓練：未定', '(4) 遠隔地保管：来年度から予定');
    expect(ids).toContain('incident-response-procedure');
    expect(ids).toContain('backup-generations-isolation');
    expect(ids).not.toContain('security-audit');
    expect(ids).not.toContain('incident-response-training');
  });

  it('reads 「〜のままです」 as a measure not taken, and 「〜のままではなく」 as one taken', () => {
    expect(found('ルータのファームウェアは更新できていない。導入時に入れたバージョンのままです。')).not.toContain('ext-device-vulnerability-management');
    expect(found('サーバの管理者パスワードは出荷時のままではなく、十分な長さのものに変えた。')).toContain('internal-admin-credentials');
  });

  it('reads a quoted question of an e-mail as what the answer below it is about, and 「手が回っていません」「まだです」 as no', () => {
    const mail = (answer: string) =>
      found('＞ 外から保守会社が入るときに使うVPNルータについて、ファームウェアを定期的に確認して最新に更新していますか？', answer);
    expect(mail('いえ、そこまでは手が回っていません。')).not.toContain('ext-device-vulnerability-management');
    expect(mail('まだです。')).not.toContain('ext-device-vulnerability-management');
    expect(mail('はい、保守会社が毎月見てくれています。')).toContain('ext-device-vulnerability-management');
    // an answer a PDF ran together with the next question is still an answer
    expect(found('A. 毎月、メーカーの脆弱性情報を見てVPNルータのファームウェアを更新。Q5. サーバは？', 'A. そちらはまだです。')).toContain('ext-device-vulnerability-management');
  });

  it('knows drills, exercises and awareness training written in English', () => {
    expect(found('セキュリティインシデント対応手順に基づくtabletop exerciseを毎年行っている。')).toContain('incident-response-training');
    expect(found('システム停止時のBCPに沿ったdrillを年2回実施している。')).toContain('bcp-training');
    expect(found('全社員向けのsecurity awareness e-learningを毎年実施している。')).toContain('security-awareness-training');
  });

  it('reads English headings as naming the measure the sentence under them completes (Logging, Vendor Contracts)', () => {
    const under = (heading: string, text: string) =>
      matchRequirements([
        { text: 'TOS Security Plan', kind: 'heading', index: 1 },
        { text: heading, kind: 'heading', index: 2 },
        { text, kind: 'paragraph', index: 3 },
      ]).map((m) => m.requirement);
    expect(under('5. Logging', 'サーバとルータの分は毎日NASへ転送し、90日分を残している。')).toContain('log-collection-offsystem');
    expect(under('7. Vendor Contracts', '取決めには秘密保持と障害時の対応を含めている。')).toContain('outsourcing-security-contract');
  });

  it('reads a drill 「上記要領に沿った」 in the row under a procedure, and logs kept 週1回 on another PC', () => {
    expect(found('TOSについて、上記要領に沿った机上の訓練を年1回行う予定である。')).toContain('incident-response-training');
    expect(found('ルータのログを週1回、TOSとは別のパソコンに移して残している。')).toContain('log-collection-offsystem');
  });
});

describe('readCover', () => {
  it('reads 宛先, a 和暦 date, a 株式会社 applicant with its 代表取締役, the address and the port', () => {
    const cover = readCover(
      paragraphs(
        '令和７年４月１日',
        '関東運輸局長　殿',
        '神奈川県横浜市中区山下町九丁目１番地',
        '株式会社ベイサイド港運',
        '代表取締役社長　岬　健太郎',
        '事業計画書',
        '当社は横浜港南本牧ふ頭ＭＣ－５コンテナターミナルにおいて「BAYS-TOS」を使用している。',
      ),
    );
    expect(cover.addressee).toEqual({ value: '関東運輸局長', block: 2 });
    expect(cover.date).toEqual({ value: '2025-04-01', block: 1 });
    expect(cover.applicant?.name).toEqual({ value: '株式会社ベイサイド港運', block: 4 });
    expect(cover.applicant?.representative).toEqual({ value: { title: '代表取締役社長', name: '岬 健太郎' }, block: 5 });
    expect(cover.applicant?.address?.value).toBe('神奈川県横浜市中区山下町九丁目1番地');
    expect(cover.port).toEqual({ value: '横浜港', block: 7 });
    expect(cover.terminal?.value).toBe('南本牧ふ頭MC-5コンテナターミナル');
    expect(cover.tosName?.value).toBe('BAYS-TOS');
  });

  it('reads the applicant’s name past a narrower label cell (申請者 | 名称 | 株式会社…)', () => {
    const cell = (text: string, row: number, column: number, index: number): TextBlock => ({ text, kind: 'table-cell', index, cell: { table: 1, row, column } });
    const cover = readCover([
      { text: '事業計画書', kind: 'heading', index: 1 },
      cell('申請者', 0, 0, 2),
      cell('名称', 0, 1, 3),
      cell('株式会社箱崎ふ頭サービス', 0, 2, 4),
      cell('代表者', 1, 1, 5),
      cell('代表取締役　有田　真理子', 1, 2, 6),
    ]);
    expect(cover.applicant?.name).toEqual({ value: '株式会社箱崎ふ頭サービス', block: 4 });
  });

  it('reads the company a vendor’s letter is addressed to, not the vendor', () => {
    const cover = readCover(
      paragraphs(
        '令和７年５月１６日',
        '伊勢湾北部港運株式会社　常務取締役　加藤　正樹　様',
        '株式会社ベイシステムズ西日本　営業本部　担当：森下　健太',
        '次期ターミナルオペレーションシステム　ご提案書',
        '貴社コンテナヤードにお伺いした際のご照会を受け、弊社クラウド型ＴＯＳによるご提案をまとめました。',
      ),
    );
    expect(cover.applicant?.name?.value).toBe('伊勢湾北部港運株式会社');
  });

  it('keeps the blank a clerk put after the company’s form (有限会社　豊川港運)', () => {
    const cover = readCover(paragraphs('事業計画書', '函館市豊川町２２番３号\n有限会社　豊川港運\n代表取締役　佐々木　正一'));
    expect(cover.applicant?.name?.value).toBe('有限会社　豊川港運');
  });

  it('reads the TOS’s name from 使用しているＴＯＳ, without the maker’s note or the sentences after it, and not from a form’s 記入例 column', () => {
    const cell = (text: string, row: number, column: number, index: number): TextBlock => ({ text, kind: 'table-cell', index, cell: { table: 1, row, column } });
    const own = readCover([cell('使用しているＴＯＳ', 0, 0, 1), cell('ＣＴ－ＮＡＶＩ（東北システム開発㈱製、平成３０年導入）。本船の積付計画に使用。', 0, 1, 2)]);
    expect(own.tosName?.value).toBe('CT-NAVI');
    const form = readCover([cell('項目', 0, 0, 1), cell('記入例', 0, 1, 2), cell('貴社記入欄', 0, 2, 3), cell('システム名称', 1, 0, 4), cell('○○ターミナルシステム（△△社製）', 1, 1, 5), cell('ひむかＣＴシステム', 1, 2, 6)]);
    expect(form.tosName?.value).toBe('ひむかCTシステム');
  });

  it('reads the terminal’s name out of a sentence, not the sentence', () => {
    expect(terminalIn('当社は名古屋港飛島ふ頭南側コンテナターミナルにおいてTOSを運用している。')).toBe('飛島ふ頭南側コンテナターミナル');
    expect(terminalIn('当社の東京港品川ふ頭では')).toBe('品川ふ頭');
    expect(terminalIn('コンテナターミナルにおける情報セキュリティ')).toBeUndefined();
    expect(readCover(paragraphs('当社は北九州港太刀浦コンテナターミナルにおいて荷役を行う。')).terminal?.value).toBe('太刀浦コンテナターミナル');
  });

  it('reads labelled fields, a name written after the company form, and a one-line applicant', () => {
    const labelled = readCover(paragraphs('中部運輸局長　様', '申請日：令和六年十月一日', '名称　東海コンテナサービス株式会社', '代表者　代表取締役　伊勢　直樹', '港名：名古屋港'));
    expect(labelled.date?.value).toBe('2024-10-01');
    expect(labelled.applicant?.name?.value).toBe('東海コンテナサービス株式会社');
    expect(labelled.applicant?.representative?.value).toEqual({ title: '代表取締役', name: '伊勢 直樹' });
    expect(labelled.port?.value).toBe('名古屋港');
    const oneLine = readCover(paragraphs('申請者：株式会社玄海港運サービス　代表取締役　筑紫　誠'));
    expect(oneLine.applicant?.name?.value).toBe('株式会社玄海港運サービス');
    expect(oneLine.applicant?.representative?.value.name).toBe('筑紫 誠');
  });

  it('reads 和暦 and other dates as ISO, and refuses impossible ones', () => {
    expect(parseJapaneseDate('令和元年5月1日')).toBe('2019-05-01');
    expect(parseJapaneseDate('令和６年１２月２０日')).toBe('2024-12-20');
    expect(parseJapaneseDate('平成31年4月30日')).toBe('2019-04-30');
    expect(parseJapaneseDate('R7.3.31')).toBe('2025-03-31');
    expect(parseJapaneseDate('2025年6月2日')).toBe('2025-06-02');
    expect(parseJapaneseDate('令和7年2月30日')).toBeUndefined();
  });

  it('reads a port the registry knows, not 港湾 or 港運 or a hall', () => {
    expect(portIn('仙台塩釜港仙台港区高砂コンテナターミナル')).toBe('仙台塩釜港');
    expect(portIn('酒田港湾会館で開催')).toBeUndefined();
    expect(portIn('港湾運送事業法に基づく')).toBeUndefined();
    expect(portIn('福岡港の国際ターミナル')).toBe('福岡港');
  });

  it('reads the applicant in a line with its place or department, in 「（以下「当社」という。）」, after 社名は, and in the signature', () => {
    expect(readCover(paragraphs('対策一覧表', '港北ロジテック株式会社　博多港箱崎ふ頭コンテナヤード')).applicant?.name?.value).toBe('港北ロジテック株式会社');
    expect(readCover(paragraphs('作成：有限会社入船海運　業務課')).applicant?.name?.value).toBe('有限会社入船海運');
    expect(readCover(paragraphs('合同会社みさき港運　ＴＯＳ情報セキュリティ対策計画書')).applicant?.name?.value).toBe('合同会社みさき港運');
    expect(readCover(paragraphs('事業計画', '北浜港運株式会社（以下「当社」という。）は、釧路港で荷役を行う。')).applicant?.name?.value).toBe('北浜港運株式会社');
    expect(readCover(paragraphs('メモ', '書類にするとき、社名は『合同会社潮騒ターミナル』で出してください。')).applicant?.name?.value).toBe('合同会社潮騒ターミナル');
    const letter = paragraphs('TOSの対策について', ...Array.from({ length: 45 }, (_, i) => `項目${i + 1}について、担当者が確認しました。`), '以上', '株式会社みなと倉庫　情報システム課');
    expect(readCover(letter).applicant?.name?.value).toBe('株式会社みなと倉庫');
  });

  it('reads no applicant from a company that a sentence names as another party', () => {
    expect(readCover(paragraphs('保守は株式会社ABCシステムズに委託している。', 'ＡＢＣシステムズ株式会社の技術者が来場する。')).applicant?.name).toBeUndefined();
  });

  it('reads no applicant from a company named in a sentence', () => {
    expect(readCover(paragraphs('出席者：実行委員長（山形港運株式会社　鶴岡）、副委員長ほか１２名')).applicant?.name).toBeUndefined();
  });
});
