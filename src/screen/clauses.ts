import { DECIDED_AGAINST, STOPPED_WORDS } from './negation.ts';

/**
 * The clauses of a sentence (folded text): a formal plan chains several measures in one sentence
 * (「…を常設し、…マニュアルに従って動き、…とは平時から連絡先を交換している」), and a word that is about
 * something else in one clause (契約先, 訓練) or a negation that ends another clause must not speak for the rest.
 *
 * A clause ends at 、 after a verb's continuative form (し、 て、 り、 ず、 き、 け、 め、 え、 い、 び、 み、 せ、)
 * or after a word that joins two statements (〜るが、 〜ますが、 ものの、 ほか、 うえ、 一方、). A list of nouns
 * (「事例の情報交換、及び外部の者による監査」) stays one clause: its items end in nouns.
 */
const CLAUSE_END = /(?<=(?:[してりずきけめえいびみせ]|(?:ます|です|る|た|だ)が|ものの|けれど(?:も)?|ほか|うえで?|一方|ながら|ため)、)/;

/**
 * Clause ends that close a negation's reach: 「Aは実施しているが、Bは実施していない」 says A is done.
 * Other clause ends let a negation at the end reach back over the chain before it
 * (「Aを整備し、Bを更新することは、まだできていない」 says neither).
 */
const SCOPE_END = /(?:(?:ます|です|る|た|だ)が|ものの|一方|けれど(?:も)?|ほか)、$/;

/** What comes before a decision: considered, estimated, tried, asked about (「見積りを取りましたが、…見送りました」). */
const CONSIDERED = /検討|考え|予定|計画|見積|試行|試験(的|導入)|比較|調査|相談|提案|打診|協議|デモ/;
/** 「…していたが、…廃止した」: what was done before the が is what was stopped. */
const DONE_BEFORE = /(てい(まし)?た|ておりました)が、$/;

export function clausesOf(sentence: string): string[] {
  return sentence.split(CLAUSE_END).filter((c) => c.length > 0);
}

/**
 * For each clause, the text a negation at its end would govern it from: the clause and the clauses after it,
 * up to the first clause that closes a negation's reach.
 */
export function reachOf(clauses: readonly string[]): string[] {
  return clauses.map((_, i) => {
    let text = '';
    for (let j = i; j < clauses.length; j++) {
      text += clauses[j]!;
      // 「…することも検討したが、…見送った」: the decision at the end is about what was considered before the が
      const rest = clauses.slice(j + 1).join('');
      if (SCOPE_END.test(clauses[j]!) && !(CONSIDERED.test(clauses[j]!) && DECIDED_AGAINST.test(rest)) && !(DONE_BEFORE.test(clauses[j]!) && STOPPED_WORDS.test(rest))) break;
    }
    return text;
  });
}
