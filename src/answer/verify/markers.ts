/**
 * Citation markers in answer text: "[1]", "[1][2]", "[1, 2]" or "[1、2]". Full-width and
 * lenticular brackets count too ("［1］", "【1】"), because models writing Chinese often produce
 * them; their digits are never figures.
 */

const MARKER = /[[［【]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[\]］】]/gu;

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

/** Returns `text` with every marker written the one way the bot shows them: "【1】" and "［1、2］" become "[1]" and "[1][2]". */
export function normalizeMarkers(text: string): string {
  return text.replace(MARKER, (_marker, numbers: string) =>
    numbers
      .split(/[,，、]/u)
      .map((part) => `[${part.trim()}]`)
      .join(""),
  );
}
