import type { Answer } from "../answer/types.js";

/**
 * Returns the answer as a person reads it in a terminal: the text, then the numbered quotes with
 * document, paragraph and whether the bot verified each one.
 */
export function formatAnswerForTerminal(answer: Answer): string {
  const zh = /[\u3400-\u9fff]/u.test(answer.question);
  const lines: string[] = [];
  if (answer.status === "failed") {
    lines.push(answer.error ?? (zh ? "出错了，请稍后再试。" : "Something went wrong; please try again."));
    return lines.join("\n");
  }
  // Small talk is its text alone: no sources, no mode or timing line.
  if (answer.smallTalk) return answer.text;
  if (answer.corrections?.length) {
    lines.push(
      zh
        ? `（${answer.corrections.map(({ typed, read }) => `按“${read}”理解“${typed}”`).join("，")}）`
        : `(read ${answer.corrections.map(({ typed, read }) => `"${typed}" as "${read}"`).join(", ")})`,
    );
  }
  lines.push(answer.text);
  if (answer.status === "not_found" && answer.closest?.length) {
    lines.push("");
    answer.closest.forEach((passage, position) => {
      const where = zh ? `《${passage.documentTitle}》第${passage.paragraph}段` : `"${passage.documentTitle}", paragraph ${passage.paragraph}`;
      lines.push(`  ${position + 1}. ${where}: ${truncate(passage.text, 90)}`);
    });
  }
  if (answer.citations.length > 0) {
    lines.push("", zh ? "依据：" : "Sources:");
    for (const citation of answer.citations) {
      const mark = citation.verified ? (zh ? "✓ 已核验" : "✓ verified") : (zh ? "✗ 未核验" : "✗ unverified");
      const where = zh ? `《${citation.documentTitle}》第${citation.paragraph}段` : `"${citation.documentTitle}", paragraph ${citation.paragraph}`;
      lines.push(`[${citation.n}] ${where}  ${mark}`, `    “${citation.quote}”`);
    }
  }
  const mode = answer.mode === "llm" ? `llm${answer.model ? ` (${answer.model})` : ""}` : "extractive";
  lines.push("", `(${mode}, ${Math.round(answer.timings.retrieveMs + answer.timings.answerMs)} ms)`);
  return lines.join("\n");
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
