/**
 * How a plan says that a measure is not taken, in folded text (src/screen/normalize.ts). Japanese negates a
 * measure in many shapes, each kept here as one pattern with the forms it reads:
 * - the verb negated: 実施しておらず, 整備されていない, 更新していない, 行わない, 入れずにいる;
 * - the noun of the measure with なし or 未: 実施なし, 未整備, 未検討;
 * - nothing there to speak of: 予定もない, 実績はない, 決まったものがない, 考えもない;
 * - a thing left as it was: 初期設定のまま, 変更しないまま;
 * - a decision against it or a stop: 見送った, 導入しないことと決定, 以前は…していたが廃止した;
 * - polite forms that say one cannot or has not come to it: 実施いたしかねております, 至っておりません, 適用を控えている.
 * A plan that goes on to say what is planned (「未整備である。９月までに作成する」) describes the measure as planned:
 * `saysPlanned` tells that, with the plans that are themselves denied (「今後も予定なし」) left out.
 */

/**
 * 「見送った」「見合わせた」「断念した」: considered and decided against; the 検討 before it is no plan (not 「確かめて
 * からでなければ使わないことと決めている」, a rule that the thing is used only after the check).
 */
export const DECIDED_AGAINST = /見送(り|っ|る|ら)|見合わせ|断念|取りやめ|取り止め|(?<!なければ|でないと|以外は?)(し|行わ|入れ|設け|作ら|使わ)ないこと(と|に)(決定|決ま|決め|し(た|ました)|なっ)/;

/** 「以前は年1回の教育を実施していたが、令和5年度に廃止した」: a measure once taken and since stopped. */
export const STOPPED =
  /(以前|従来|かつて|これまで|当初|前年度|昨年度|昨年|[0-9]+年(度)?)(まで)?(は|には)?[^。]*(していた|行っていた|てい(まし)?た|ておりました)が、[^。]*(廃止|中止|取りやめ|取止め|やめ|止め|終了|なくな|無くな)/;

/**
 * 「ユーザー会の終了により廃止した。」「当社の参加も終わった。」: a sentence that ends on the measure's stop (not 「…を廃止し、
 * 日次複製に置き換えた」, which goes on to the measure taken instead).
 */
export const STOPPED_NOW = /(廃止|中止|取りやめ|取止め|取り止め)(し|と(し|なっ|なり))?(た|ました)[。]?$|(参加|活動|開催|会合)(も|は|が|を)?[^。、]{0,6}(終わっ|終え|終了し)(た|ました)/;

/** The words of a stop: 廃止, 中止, 取りやめ, やめた, 終了, なくなった. */
export const STOPPED_WORDS = /廃止|中止|取りやめ|取止め|やめ|止め|終了|なくな|無くな/;

/** The verb of a measure negated (「実施しておらず」「導入していない」「設定されていない」「実施せず」…). */
const NOT_DONE =
  /(実施|導入|整備|作成|策定|行っ|決め|設け|取り?組ん|取得|対応|参加|受け|講じ|設置|設定|採用|実装|構築|共有|受講|運用)(して|し|は|て|いたして|致して)?(は)?(おらず|ていない|ていません|ておりません|てはいない|ない|ません)|(して|し)(い)?ません|予定(も|は)?(ない|なし|ありません)|未(実施|整備|導入|対応|定|策定|作成|検討|着手|設置|締結|加入|参加|受講|構築|決定|契約)|(実施|導入|整備|作成|策定|設置|設定|採用|実装|構築|適用|締結)(が|は)?(さ)?れて(は)?(い|お)(ない|ません|らず)|(も|は)(し|行っ)て(い|お)(ない|ません|らず)|できていない|特に(決めて|定めて)(い)?(ない|ません)|(交換|取替|入替|導入|実施|整備|作成|策定|設置|適用|締結|参加|受講)(は)?せず|(日|時間|機会|人手?|余裕|予算)(が|を|も)?(作れ|取れ|とれ|確保でき|割け)(ない|ません|ず)|(やっ|行っ|し|実施し|受け)たこと(が|は)(ない|ありません|ございません)|(やれ|でき|やっ|出来)て(い)?(ない|ません|ねえ)|手(が|を)?(回って|つけて|付けて)(い)?(ない|ません)|手つかず|(?<![a-z])まだ(です|だ|である|。|$)/;

/** 「実施なし」「訓練実績なし」: the measure's noun with なし (not 「許可なしに」, without it). */
const NOUN_WITH_NONE = /(実施|導入|整備|作成|策定|設置|締結|加入|参加|受講|取得|訓練|教育|研修|監査|対応)(の)?(実績|経験)?(は|が)?(なし|無し)(?!に|で)/;

/** 「実績はない」「決まったものがない」「特段の定めはない」: nothing there to speak of. */
const NOTHING_TO_SPEAK_OF =
  /(実績|経験|前例)(は|が|も)?(ない|なし|無し|ありません|ございません)|(仕組み|機能|体制|窓口|手段|対策|規程|規定|ルール|手順書?|マニュアル|条項|記載|定め)(も|は)(ない|なし|無し|ありません|ございません)|(決まった|定まった|定めた|決めた|決めている|特段の|特別な|具体的な|明文化した|文書化した|正式な)(もの|ルール|手順|規定|規程|定め|取り?決め|方針|基準)(は|が|も)?(ない|なし|無し|ありません|ございません)/;

/**
 * Polite ways of not doing: 「実施いたしかねております」 (cannot), 「導入には至っておりません」 (has not come to it),
 * 「適用を控えている」 (holds back from it).
 */
const POLITELY_NOT = /(いたし|致し|し)かね(て|ており|る|ます)|至って(い|お)(ない|らず|りません)|至らず|(適用|更新|導入|実施|設定|変更)(を|は)控え(て|た)/;

/**
 * 「ロックの機能は使っていない」「ＯＳの更新：止めている」: a function of the system left unused, a routine stopped
 * or left off for now (「パッチ適用は現在停止中」; not 「ＴＯＳ停止中の手順」, where the system is what stops)
 * (「ＵＳＢメモリは使っていない」 is 該当なし instead: what is not used there is the risk, not the measure).
 */
const LEFT_UNUSED =
  /(機能|仕組み|設定|ロック|認証|サービス|ツール|ソフト)(は|を|も)?(使って|使用して|利用して|有効にして|オンにして)(い|お)?(ない|ません|らず)|(更新|適用|アップデート|パッチ|実施|取得|検査|スキャン|点検|訓練|教育|研修|監査|バックアップ)(は|を|も|:)?(当面|現在|今は|いまは)?((止めて|やめて|中止して|休止して)(いる|います|おります|ある)?|(停止|休止|中断)中)|^(当面|現在|今は|いまは)?(止めて|やめて|中止して|休止して)(いる|います|おります)/;

/**
 * Any measure's verb in the て-form negated where the clause ends (「更新していない。」「置いていない」「特にしていない」),
 * except the verbs whose negation is itself a measure (使っていない, 接続していない, 共有していない) and a negation
 * inside a noun phrase (「つないでいないパソコン」 goes on).
 */
const STATE_NOT = /(?<!(使用|利用|使っ|使|つない|接続|共有|共用|使い回|持ち?込ん|持ち?出|開示|公開|教え|放置|許可|登録|挿)し?)(て|で)(い|お)?(ない|ません|らず|りません)(?=$|[。、]|が|ので|ため|けど|です|状態|状況|のが)/;

/**
 * 「入れたときのバージョンのままです」「初期設定のまま」「変更しないまま運用」: a thing left as it was, the measure not
 * taken (「買ったときのままではなく」「のままにせず」 go on to say it was).
 */
const LEFT_AS_IT_WAS =
  /(とき|時|当時|初期(設定|値)?|出荷時|購入時|導入時|納品時)の(バージョン|設定|状態|もの)?のまま(です|だ|である|になって|となって|にして(い|お)|放置|運用|使用|利用|[。]|$)|(?<!そ)のまま(です|だ|である)?[。]?$|(変更|更新|変え|対応|設定|適用)(し)?ないまま/;

/**
 * 「確認中です」「担当に聞いています」「考えたことがなかったです」「分かりません」: the writer does not know yet
 * whether the measure is taken, which says no measure.
 */
const NOT_KNOWN = /確認中|問い?合わ?せ中|照会中|(担当|担当者|[^。、]{1,8}さん)に(聞いて|問い?合わ?せて)(い|お)(ます|る)|(わから|分から|分かり|わかり)(ない|ません)|不明(です|である|。|$)|考えたこと(が|は|も)?(ない|なかった|ありません)/;

/** 「外部の監査は今後の課題と考えている」: a thing left for later, with no plan (「今後の課題とし、令和９年度に導入予定」 plans it). */
const LEFT_FOR_LATER = /今後の(検討)?課題(と|で|に|だ|である|です)/;

/** 「…は記載しない」「記載を省略する」: a plan that leaves the measures out of what it describes. */
const LEFT_OUT = /(記載|記述|記入)(は|を)?(しない|せず|省略|割愛|不要|除く)|(省略|割愛)(する|します|した)/;

/** 「予定もない」「予定は立っていない」「目処も立っていない」「予定も、今のところありません」「考えもない」: no plan either. */
export const NO_PLAN_EITHER =
  /(予定|計画|目処|めど|見込み?|考え|つもり|意向)(も|は|が|を)?(、?(今のところ|いまのところ|現在|現時点(で)?(は)?|当面|今は|まだ|特に)、?)?(ない|なし|無い|無し|ありません|ございません|(立って|立てて|立てられて|組んで|組めて|決まって|定まって|でき|ついて|して|されて)(い|お)?(ない|ません|らず|りません))/;
export const NO_PLAN_EITHER_ALL = new RegExp(NO_PLAN_EITHER, 'g');

const PLANS = /予定|計画(して(?!(い|お)?(ない|ません|らず))|中)|(?<!未)検討(?!(して|し|は|も)(い|お)?(ない|ません|らず|ておらず))|までに|今後(?!の(検討)?課題)|年度(中|内)|(今年|今期|年内|今月|来月|来期)(中|内)?に|来年度|次年度/;
/** 「今後も作成予定なし」「今後定める考えもない」: a plan's word that the denial after it takes back. */
const DENIED_FUTURE = /(今後|将来|来年度|次年度)(も|とも|は)?[^。、〓]{0,20}〓/g;

/** The words say what is planned, not counting plans they deny (「予定もない」「今後も考えていない」). */
/** 「従前の計画で「検討中」としていた」: the word of an earlier plan, quoted, is no plan now. */
const QUOTED_EARLIER = /「(検討中|予定|計画中|実施予定)」(と)?(し|され)(て)?(い|お)?(た|ました)/g;
export const saysPlanned = (text: string) => PLANS.test(text.replace(NO_PLAN_EITHER_ALL, '〓').replace(DENIED_FUTURE, '〓').replace(QUOTED_EARLIER, '〓'));

/**
 * A sentence that says a measure is not taken: 「実施しておらず、予定もない」「訓練はしていません」「未整備である」
 * — unless it goes on to say what is planned (「導入していない。年度中に導入する予定」 in one sentence).
 */
export const saysNotDone = (text: string) =>
  DECIDED_AGAINST.test(text) ||
  STOPPED.test(text) ||
  STOPPED_NOW.test(text) ||
  ((NOT_DONE.test(text) || NOUN_WITH_NONE.test(text) || NOTHING_TO_SPEAK_OF.test(text) || POLITELY_NOT.test(text) || LEFT_UNUSED.test(text) || NOT_KNOWN.test(text) || LEFT_OUT.test(text) || LEFT_FOR_LATER.test(text) || NO_PLAN_EITHER.test(text) || STATE_NOT.test(text) || LEFT_AS_IT_WAS.test(text)) && !saysPlanned(text));

/**
 * 「多要素認証は実施しません。」: a sentence that ends on the measure's denial, with no plan; not the double negatives
 * (「確認しない営業日はない」「定めないままにすることはない」), which say the measure is taken.
 */
const ENDS_ON_DENIAL = /(ません|しない|行わない|ていない|予定(は|も)?(ない|なし))[。．]?$/;
const DOUBLE_NEGATIVE = /(こと|日|もの|ところ|とき)(は|が|も)(ない|なく|ありません)|ないことはない|(し|さ)ない[^。、]{0,6}(は|が)(なく|ない|ありません)/;
export const endsDenying = (sentence: string) => ENDS_ON_DENIAL.test(sentence) && !DOUBLE_NEGATIVE.test(sentence) && saysNotDone(sentence) && !saysPlanned(sentence);
