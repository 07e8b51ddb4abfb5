import type { SmallTalkIntent, SmallTalkReply } from "../../answer/types.js";

/** The language a small-talk reply is written in. */
export type ReplyLanguage = "zh" | "en";

const OPENING: Record<ReplyLanguage, Record<SmallTalkIntent, string>> = {
  zh: {
    greeting: "您好！我根据已索引的报告回答问题，每个回答都附有逐字核验的原文引用。",
    thanks: "不客气！还有问题随时问我。",
    help: "我根据已索引的报告回答问题，每个回答都附有逐字核验的原文引用。直接发送问题即可。",
    identity: "我是报告问答助手：根据已索引的报告回答问题，每个回答都附有逐字核验的原文引用。",
    overview: "我可以回答这些报告中的具体问题（数据、措施、排名等）。",
    acknowledgement: "好的。有问题直接发给我即可。",
    farewell: "再见！需要时随时提问。",
  },
  en: {
    greeting: "Hello! I answer questions about the indexed reports, and every answer quotes the report word for word, checked.",
    thanks: "You're welcome! Ask me anything else about the reports.",
    help: "I answer questions about the indexed reports, and every answer quotes the report word for word, checked. Just send your question.",
    identity: "I am a report assistant: I answer questions about the indexed reports, and every answer quotes the report word for word, checked.",
    overview: "I can answer specific questions about these reports (figures, measures, rankings…).",
    acknowledgement: "OK. Send me a question whenever you like.",
    farewell: "Goodbye! Ask whenever you need to.",
  },
};

const HEADINGS: Record<ReplyLanguage, { documents: string; none: string; sections: (title: string) => string; examples: string }> = {
  zh: { documents: "我了解的文档：", none: "（暂无已索引的文档）", sections: (title) => `《${title}》的主要部分：`, examples: "可以这样问：" },
  en: { documents: "The documents I know:", none: "(no documents indexed yet)", sections: (title) => `The main parts of "${title}":`, examples: "For example, ask:" },
};

/** Returns the opening line of a small-talk reply for `intent` in `language`. */
export function smallTalkOpening(intent: SmallTalkIntent, language: ReplyLanguage): string {
  return OPENING[language][intent];
}

/**
 * Returns the small-talk reply as plain text (the terminal, `ask --json`, the audit log): the
 * opening for its intent, the documents, an overview's section headings, and the example questions.
 */
export function smallTalkText(reply: SmallTalkReply, language: ReplyLanguage): string {
  const headings = HEADINGS[language];
  const lines = [smallTalkOpening(reply.intent, language), "", headings.documents];
  lines.push(...(reply.documents.length > 0 ? reply.documents.map((title) => `• ${title}`) : [`• ${headings.none}`]));
  for (const section of reply.sections ?? []) {
    lines.push("", headings.sections(section.document), ...section.headings.map((heading) => `• ${heading}`));
  }
  if (reply.examples.length > 0) lines.push("", headings.examples, ...reply.examples.map((example) => `• ${example}`));
  return lines.join("\n");
}
