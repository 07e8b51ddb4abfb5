import type { Answer, Citation } from "../answer/types.js";
import { readingNote } from "../conversation/reading-note.js";

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
  if (answer.typedQuestion) lines.push(readingNote(answer.typedQuestion, answer.question));
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
      const ocr = citation.machineRead ? (zh ? "  （OCR 机读，请对照原件）" : "  (machine-read by OCR: check against the scan)") : "";
      lines.push(`[${citation.n}] ${citationPlace(citation, zh)}  ${mark}${ocr}`, `    “${citation.quote}”`);
    }
  }
  const mode = answer.mode === "llm" ? `llm${answer.model ? ` (${answer.model})` : ""}` : "extractive";
  const fallback = answer.fallbackReason ? ` · ${fallbackNote(answer.fallbackReason, answer.model, zh)}` : "";
  lines.push("", `(${mode}${fallback}, ${Math.round(answer.timings.retrieveMs + answer.timings.answerMs)} ms)`);
  return lines.join("\n");
}

/** `《title》第3页` for documents with pages, else `《title》第12段` (English: `"title", p. 3`). */
function citationPlace(citation: Citation, zh: boolean): string {
  if (citation.page !== undefined) return zh ? `《${citation.documentTitle}》第${citation.page}页` : `"${citation.documentTitle}", p. ${citation.page}`;
  return zh ? `《${citation.documentTitle}》第${citation.paragraph}段` : `"${citation.documentTitle}", paragraph ${citation.paragraph}`;
}

/**
 * Returns why the configured model's answer was not the one shown: "model_error:rate_limited" →
 * "model gpt-x unavailable (rate_limited), extractive answer instead"; a draft that failed
 * verification is said so.
 */
export function fallbackNote(reason: string, model: string | undefined, zh: boolean): string {
  const name = model ? ` ${model}` : "";
  const zhName = model ? ` ${model} ` : "";
  const modelError = /^model_error:?(.*)$/u.exec(reason);
  if (modelError) {
    const detail = modelError[1] ? ` (${modelError[1]})` : "";
    return zh ? `模型${zhName}不可用${detail}，改用摘录回答` : `model${name} unavailable${detail}, extractive answer instead`;
  }
  if (reason === "verification_failed") return zh ? `模型${zhName}的回答未通过核验，改用摘录回答` : `model${name}'s answer failed verification, extractive answer instead`;
  return zh ? `模型${zhName}的回答未能使用（${reason}），改用摘录回答` : `model${name}'s answer was not usable (${reason}), extractive answer instead`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
