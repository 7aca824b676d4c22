/**
 * Words that point at what was said before (folded text): 「この計画」「上記の手順」「同マニュアル」「当該機器」
 * 「前項」「これらの」. One list, read two ways: a passage that starts with one speaks of the passage before it
 * (src/screen/units.ts), and a sentence that has one may speak of two things at once (src/screen/matchRequirements.ts).
 */
const POINTER = '(この|その|上記の?|前記の?|当該|同|前項の|上の|前の)';
const THING = '(計画|手順|要領|マニュアル|規程|bcp|機器|装置|システム|仕組み|方法|章|節|項|条|控え|記録|手順書|計画書|訓練|契約|会社|委託先|データ)';

/** A passage that opens by pointing back (after its numbering): 「上記により…」「前項の訓練…」「そのときは…」. */
export const OPENS_POINTING_BACK = new RegExp(
  `^(\\S{0,6}[)）.、]?)?(上記|前記|前項|前条|前述|${POINTER}${THING}|(上|前)のとおり|(この|本)(章|節)|当該|これら?の?|その(とき|時|際|場合))`,
);

/** A sentence that points back anywhere in it: 「この計画とマニュアルを併せて用いる演習」. */
export const POINTS_BACK = new RegExp(`${POINTER}${THING}|これ(ら)?(の|に|を)`);
