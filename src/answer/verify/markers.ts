/**
 * Citation markers in answer text: "[1]", "[1][2]", "[1, 2]" or "[1、2]". Full-width brackets
 * count too, because models writing Chinese often produce "［1］".
 */

const MARKER = /[[［]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[\]］]/gu;

/** A marker found in text: its citation numbers and offsets. */
export interface Marker {
  numbers: number[];
  start: number;
  end: number;
}

/** Returns every citation marker in `text`, in order. Never throws. */
export function findMarkers(text: string): Marker[] {
  return [...text.matchAll(MARKER)].map((match) => ({
    numbers: match[1]!.split(/[,，、]/u).map((part) => Number(part.trim())),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Returns `text` with every citation marker replaced by a space, so its digits are not read as figures. */
export function withoutMarkers(text: string): string {
  return text.replace(MARKER, " ");
}
