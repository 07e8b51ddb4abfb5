import type { Answer } from "../answer/types.js";
import { extractFigures } from "../text/figures.js";

/** Returns the figures of the answer's first sentence (6.9%, 第4位), as written, at most four. */
export function figuresOfAnswer(answer: Answer): string[] {
  if (answer.status !== "answered") return [];
  const first = answer.text.replace(/\[\d+\]/gu, "").split(/(?<=[。！？!?])|(?<=\.)\s/u)[0] ?? "";
  return extractFigures(first)
    .filter((figure) => !(figure.unit === "年" || (figure.unit === "" && /^(?:19|20)\d{2}$/u.test(figure.value))))
    .map((figure) => figure.raw)
    .slice(0, 4);
}
