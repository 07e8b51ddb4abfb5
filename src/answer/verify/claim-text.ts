import { withoutEmphasis } from "./markdown.js";
import { withoutMarkers } from "./markers.js";

// "1. ", "2、", "(3) ", "（4）" at a line start number a list; they are layout, not figures.
const LIST_NUMBER = /(^|\n)([ \t]*)[（(]?\d{1,2}[.、)）](?!\d)[ \t]*/gu;

/**
 * Returns the part of an answer sentence whose figures must be supported: the sentence with
 * its [n] markers, list numbers and markdown emphasis removed (marker and list digits are not claims). Never throws.
 */
export function claimText(sentence: string): string {
  return withoutEmphasis(withoutMarkers(sentence)).replace(LIST_NUMBER, "$1$2");
}
