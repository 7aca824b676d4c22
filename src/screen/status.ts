import { monthsInText } from './monthsInText.ts';
import { NO_PLAN_EITHER_ALL } from './negation.ts';
import { foldText } from './normalize.ts';

/** The measure statuses a passage's own words can tell (src/model/enums.ts `measureStatus`). */
export type ReadStatus = 'implemented' | 'partial' | 'planned' | 'not-applicable';

export interface StatusReading {
  status: ReadStatus;
  /** The words that told it, as folded text (「検討中」「予定」「導入済」). */
  words: string;
  /** 検討中／検討している: filed as 実施予定, but the plan only says it is being considered. */
  considering?: boolean;
}

/** Phrasings, strongest first within each status. Matched against folded text (src/screen/normalize.ts). */
const CONSIDERING = /検討(中|している|しており|を進め|を行って|する|予定)|検討して(いる|まいります)/;
const PLANNED = /予定|計画(している|中|であ)|(年度|年内|年中|上期|下期|上半期|下半期)(中|末|まで)に|までに(実施|導入|整備|策定|構築|設置|対応|完了)|今後(?!の(検討)?課題)|導入する方向|準備(中|を進め)|着手|目指|来年度|次年度|行う方針|実施する方針|進める/;
/** 「稼働後は…確認します」: what a system not yet running will be given (not 「稼働後は毎日確認している」, done since). */
const AFTER_GO_LIVE = /(稼働|運用開始|供用開始|開業|開設)(後|以降)(は|に|、)|(稼働|運用開始|供用開始|開業)(時|日)?に(合わせ|あわせ)/;
const PARTIAL = /一部(の|で|に|を|は)|部分的|段階的に|順次|一部実施|一部導入/;
const NOT_APPLICABLE = /(使用|利用|保有|接続|委託)(して)?(い)?ない|(使用|利用)(しない|せず)|使わない|使えなく|該当(し)?ない|該当なし|対象外|存在しない|行わない方針/;
const IMPLEMENTED = /済(み|である|です|。|$)|している|しております|してい(ます|る)|しています|実施中|運用中|稼働中|ている|ております|ています|てある|とした|とっている|定めている|設けている|した。|行った|受けた|整えた|とする|こととしている|を徹底|ます(。|$)|である(。|$)|(実施|導入|設置|整備|策定|作成|設定|運用|適用|保管|更新|管理|取得|構成|締結|規定|保存|確認)(済|中)?(。|$|\)|）)|た(。|$)/;

/**
 * What a passage says of its measure's status: 検討中 → planned (considering), 予定 → planned, 一部 → partial,
 * 使用していない → not-applicable, 実施している・導入済み → implemented. Undefined when the words do not say
 * (a bare 「〜する。」 may be a rule or an intention; a person decides). `writtenIn` (months, monthsInText.ts) is the month
 * the plan was written in: a passage that names a later month, and does not say it is done, is planned.
 */
export function readStatus(text: string, options: { mayNotApply?: boolean; writtenIn?: number } = {}): StatusReading | undefined {
  const folded = foldText(text);
  // a status cell of a table: ○ ◯ ✓ 済 有 → implemented, △ → partial
  if (/^(○|◯|〇|✓|✔|済|有|実施|導入|対応済|実施済|導入済|はい)$/.test(folded)) return { status: 'implemented', words: folded };
  if (/^(△|一部)$/.test(folded)) return { status: 'partial', words: folded };
  if (/^(▲|予|承認|一部承認)$/.test(folded)) return { status: 'planned', words: folded };
  const considering = CONSIDERING.exec(folded);
  if (considering) return { status: 'planned', words: considering[0], considering: true };
  // (「予定はない」 is no plan)
  const planned = PLANNED.exec(folded.replace(NO_PLAN_EITHER_ALL, (m) => '〓'.repeat(m.length)));
  const implemented = IMPLEMENTED.exec(folded);
  if (planned) {
    // 「現在は手作業で取得しているが、令和7年度中に自動化する予定」: part done, part to come
    if (implemented && implemented.index < planned.index && /が、|ものの|一方/.test(folded.slice(implemented.index, planned.index))) {
      return { status: 'partial', words: `${implemented[0]}…${planned[0]}` };
    }
    return { status: 'planned', words: planned[0] };
  }
  const goLive = AFTER_GO_LIVE.exec(folded);
  const saysDoneSince = /(て|で)(い|お)(る|ます|り)|済/.test(folded);
  if (goLive && !saysDoneSince) return { status: 'planned', words: goLive[0] };
  // 「初期パスワードはすべて変更します。【令和８年９月】」 in a plan written in 令和８年２月: a month still to come
  const later = options.writtenIn === undefined || saysDoneSince ? undefined : monthsInText(folded).find((m) => m.month > options.writtenIn!);
  if (later) return { status: 'planned', words: later.words };
  const partial = PARTIAL.exec(folded);
  if (partial) return { status: 'partial', words: partial[0] };
  // 「USBメモリは使用していない」 is 該当なし only for a requirement that may not apply, and only when the
  // passage does not go on to say what is done when it is used after all (やむを得ず使用する場合は…)
  const notApplicable = options.mayNotApply && !/やむを得|場合(は|には)|際(は|には)|とき(は|には)/.test(folded) ? NOT_APPLICABLE.exec(folded) : null;
  if (notApplicable) return { status: 'not-applicable', words: notApplicable[0] };
  if (implemented) return { status: 'implemented', words: implemented[0] };
  return undefined;
}
