/** How every review format names a hand-typed plan's row and explains its marks: a screening of its text, never declared data. */
export const SCREENED_LABEL = { ja: '推定（本文の読み取り）', en: 'screened from the text' } as const;

export const SCREENED_LEGEND = {
  ja: '○ 本文に記載あり（推定）　✗ 本文に見つからない：「推定（本文の読み取り）」の行は tos-filing で作成されていない書類で、本文を読み取ったスクリーニングの結果です（申請者が記入した届出データではありません）',
  en: '○ found in the text (estimate)  ✗ not found: rows marked "screened from the text" are documents tos-filing did not make; their marks are a screening of the text, not data the applicant declared',
} as const;
