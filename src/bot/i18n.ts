import type { SmallTalkIntent, SmallTalkReply } from "../answer/types.js";
import type { ManifestDocument } from "../store/types.js";
import type { IndexProgress, IndexSummary } from "../store/types.js";
import type { AuditStats } from "../audit/types.js";
import { escapeHtml } from "./render/escape-html.js";
import { describeIssue } from "../store/document-warnings.js";

/** The languages the bot replies in. */
export type Lang = "zh" | "en";

/** Returns "en" for English-speaking users, else Chinese (the reports are Chinese). */
export function languageOf(languageCode: string | undefined): Lang {
  return languageCode?.toLowerCase().startsWith("en") ? "en" : "zh";
}

const documentLines = (documents: ManifestDocument[], lang: Lang) =>
  documents.length === 0
    ? lang === "en" ? "• (no documents indexed yet)" : "• （暂无已索引的文档）"
    : documents.map((document) => `• ${escapeHtml(document.title)}`).join("\n");

const refusedBy = (stats: AuditStats, lang: Lang) =>
  stats.refused.byUser.length === 0
    ? ""
    : (lang === "en" ? " — by " : "——来自 ") + stats.refused.byUser.map((entry) => `<code>${entry.userId ?? "?"}</code> ×${entry.count}`).join(", ");

/** Most document titles a small-talk reply lists before "and N more". */
const SMALL_TALK_DOCUMENTS = 10;

const SMALL_TALK_OPENING: Record<Lang, Record<SmallTalkIntent, string>> = {
  zh: {
    greeting: "您好！我根据下列报告回答问题，每个回答都附有逐字核验的原文引用。",
    thanks: "不客气！还有问题随时问我。",
    help: "我根据下列报告回答问题，每个回答都附有逐字核验的原文引用。直接发送问题即可。",
    identity: "我是报告问答助手：根据下列报告回答问题，每个回答都附有逐字核验的原文引用。",
    overview: "我可以回答下列报告中的具体问题（数据、措施、排名等）。",
    acknowledgement: "好的。有问题直接发给我即可。",
    farewell: "再见！需要时随时提问。",
  },
  en: {
    greeting: "Hello! I answer questions about these reports, and every answer quotes the report word for word, checked.",
    thanks: "You're welcome! Ask me anything else about the reports.",
    help: "I answer questions about these reports, and every answer quotes the report word for word, checked. Just send your question.",
    identity: "I am a report assistant: I answer questions about these reports, and every answer quotes the report word for word, checked.",
    overview: "I can answer specific questions about these reports (figures, measures, rankings…).",
    acknowledgement: "OK. Send me a question whenever you like.",
    farewell: "Goodbye! Ask whenever you need to.",
  },
};

/** All user-facing text, HTML-safe (dynamic parts are escaped here). */
export const texts = {
  /** The reply to a message that is not a question: what the bot does, the documents, example questions; no sources. */
  smallTalk: (lang: Lang, reply: SmallTalkReply) => {
    const shown = reply.documents.slice(0, SMALL_TALK_DOCUMENTS);
    const more = reply.documents.length - shown.length;
    const lines = [SMALL_TALK_OPENING[lang][reply.intent], "", lang === "en" ? "<b>Documents</b>" : "<b>文档</b>"];
    if (shown.length === 0) lines.push(lang === "en" ? "• (no documents indexed yet)" : "• （暂无已索引的文档）");
    lines.push(...shown.map((title) => `• ${escapeHtml(title)}`));
    if (more > 0) lines.push(lang === "en" ? `• … and ${more} more` : `• ……另有 ${more} 个文档`);
    for (const section of reply.sections ?? []) {
      lines.push("", lang === "en" ? `<b>The main parts of “${escapeHtml(section.document)}”</b>` : `<b>《${escapeHtml(section.document)}》的主要部分</b>`);
      lines.push(...section.headings.map((heading) => `• ${escapeHtml(heading)}`));
    }
    if (reply.examples.length > 0) {
      lines.push("", lang === "en" ? "<b>For example, ask:</b>" : "<b>可以这样问：</b>", ...reply.examples.map((example) => `• <i>${escapeHtml(example)}</i>`));
    }
    return lines.join("\n");
  },
  /** The line before an answer whose question had typos read as index terms, e.g. （按“绿色低碳”理解“绿色低探”）. */
  corrections: (lang: Lang, corrections: ReadonlyArray<{ typed: string; read: string }>) =>
    lang === "en"
      ? `<i>(read ${corrections.map(({ typed, read }) => `“${escapeHtml(typed)}” as “${escapeHtml(read)}”`).join(", ")})</i>`
      : `<i>（${corrections.map(({ typed, read }) => `按“${escapeHtml(read)}”理解“${escapeHtml(typed)}”`).join("，")}）</i>`,
  help: (lang: Lang, documents: ManifestDocument[], botUsername: string, userId?: number) =>
    (lang === "en"
      ? [
          "<b>Hello! I answer questions about these reports, and I prove every answer with verbatim quotes:</b>",
          documentLines(documents, lang),
          "",
          "<b>How to ask</b>",
          "• In a private chat, just send your question, e.g. <i>What was Sichuan's industrial growth in the first half of 2024?</i>",
          `• In a group, mention me (@${escapeHtml(botUsername)} your question), reply to one of my messages, or use <code>/ask your question</code>.`,
          "• Follow-ups work: after a question, ask <i>And in 2023?</i> or <i>What about high-tech manufacturing?</i>; I say how I read it. /new starts over.",
          "• Each answer ends with a <b>Sources</b> block: ✅ marks a quote checked word for word against the report. Tap “Source n” to read the passage in context, and 👍/👎 to tell us how we did.",
        ].join("\n")
      : [
          "<b>您好！我根据以下报告回答问题，每个回答都附有逐字核验的原文引用：</b>",
          documentLines(documents, lang),
          "",
          "<b>如何提问</b>",
          "• 私聊：直接发送问题，例如 <i>2024年上半年四川规模以上工业增加值增长多少？</i>",
          `• 群聊：@${escapeHtml(botUsername)} 加上问题、回复我的消息，或使用 <code>/ask 问题</code>。`,
          "• 可以追问：问完一个问题后接着问 <i>那高技术制造业呢？</i> 或 <i>去年呢？</i>，我会先说明按什么问题理解。/new 重新开始。",
          "• 每个回答末尾有“依据”部分：✅ 表示引文已与原文逐字核对。点“原文 n”查看上下文，点 👍/👎 反馈回答质量。",
        ].join("\n")) + (userId === undefined ? "" : `\n\n${texts.yourId(lang, userId)}`),
  yourId: (lang: Lang, userId: number) =>
    lang === "en" ? `Your Telegram user id: <code>${userId}</code>` : `您的 Telegram 用户 ID：<code>${userId}</code>`,
  notServed: (lang: Lang, userId: number | undefined) =>
    lang === "en"
      ? `Sorry, I only answer people my administrators have added. Your Telegram user id is <code>${userId ?? "unknown"}</code>: send it to an administrator to be added.`
      : `抱歉，我只为管理员添加的用户服务。您的 Telegram 用户 ID 是 <code>${userId ?? "未知"}</code>，请把它发给管理员以便添加。`,
  notServedButton: (lang: Lang, userId: number | undefined) =>
    lang === "en" ? `Not available to you. Your user id: ${userId ?? "unknown"}` : `您无权查看。您的用户 ID：${userId ?? "未知"}`,
  budgetExhausted: (lang: Lang, perDay: number) =>
    lang === "en"
      ? `ℹ️ You have used today's ${perDay} questions answered by the language model. Until tomorrow (UTC) I answer by quoting the reports directly.`
      : `ℹ️ 您今天由语言模型回答的 ${perDay} 个问题已用完。明天（UTC）之前，我将直接摘录报告原文作答。`,
  grantFileProblem: (lang: Lang, filePath: string, problem: string) =>
    lang === "en"
      ? `⚠️ The grant file <code>${escapeHtml(filePath)}</code> changed but cannot be used: ${escapeHtml(problem)}\nThe last good grants stay in force until it is fixed.`
      : `⚠️ 授权文件 <code>${escapeHtml(filePath)}</code> 已修改但无法使用：${escapeHtml(problem)}\n修复之前继续使用上一个有效的授权。`,
  emptyQuestion: (lang: Lang) =>
    lang === "en"
      ? "Please write your question as text, e.g. <code>/ask What was the industrial growth rate?</code>"
      : "请用文字写下您的问题，例如 <code>/ask 上半年工业增加值增长多少？</code>",
  tooLong: (lang: Lang, max: number, actual: number) =>
    lang === "en"
      ? `Your question is too long (${actual} characters). The maximum is ${max} characters — please shorten it.`
      : `问题太长了（${actual} 个字符），最多 ${max} 个字符，请精简后再问。`,
  nonText: (lang: Lang) =>
    lang === "en"
      ? "I can only read text questions. Please type your question."
      : "我只能回答文字问题，请用文字输入您的问题。",
  rateLimited: (lang: Lang) =>
    lang === "en" ? "You are sending questions very quickly — please wait a moment." : "提问太频繁了，请稍等片刻再问。",
  thinking: (lang: Lang) => (lang === "en" ? "Looking it up…" : "正在查找…"),
  sources: (lang: Lang) => (lang === "en" ? "Sources" : "依据"),
  verified: (lang: Lang) => (lang === "en" ? "✅ verified" : "✅ 已核验"),
  unverified: (lang: Lang) => (lang === "en" ? "⚠️ unverified" : "⚠️ 未核验"),
  paragraph: (lang: Lang, paragraph: number) => (lang === "en" ? `paragraph ${paragraph}` : `第 ${paragraph} 段`),
  /** Where a quote is: its page for documents with pages (staff check a PDF by page), else its paragraph. */
  location: (lang: Lang, where: { paragraph: number; page?: number }) =>
    where.page === undefined ? texts.paragraph(lang, where.paragraph) : lang === "en" ? `p. ${where.page}` : `第 ${where.page} 页`,
  machineRead: (lang: Lang) => (lang === "en" ? "machine-read (OCR): check against the scan" : "OCR 机读，请对照原件"),
  notFound: (lang: Lang) =>
    lang === "en"
      ? "I could not find the answer to this question in the reports."
      : "资料中没有找到这个问题的答案。",
  // One word per thing: 段 is a paragraph of the report (第 3 段), 片段 a passage the index holds (a chunk of paragraphs).
  closest: (lang: Lang) => (lang === "en" ? "Closest passages:" : "最接近的片段："),
  rephrase: (lang: Lang) => (lang === "en" ? "Try rephrasing or asking about a specific figure." : "可以换个说法，或询问具体的数据。"),
  failed: (lang: Lang, error: string | undefined) =>
    lang === "en"
      ? `⚠️ Sorry, I could not answer this time${error ? `: ${escapeHtml(error)}` : "."}\nPlease try again later.`
      : `⚠️ 抱歉，这次未能回答${error ? `：${escapeHtml(error)}` : "。"}\n请稍后再试。`,
  sourceButton: (lang: Lang, n: number) => (lang === "en" ? `Source ${n}` : `原文 ${n}`),
  /** A 👍/👎 button, with how many users chose it once anyone has. */
  feedbackButton: (rating: "up" | "down", count: number) => `${rating === "up" ? "👍" : "👎"}${count > 0 ? ` ${count}` : ""}`,
  feedbackRecorded: (lang: Lang, rating: "up" | "down") =>
    lang === "en" ? `Recorded your ${rating === "up" ? "👍" : "👎"}. Thanks for the feedback!` : `已记录您的 ${rating === "up" ? "👍" : "👎"}，谢谢您的反馈！`,
  feedbackThanks: (lang: Lang) => (lang === "en" ? "Thanks for the feedback!" : "谢谢您的反馈！"),
  answerExpired: (lang: Lang) => (lang === "en" ? "This answer is no longer available." : "该回答已不可用。"),
  passageGone: (lang: Lang) =>
    lang === "en"
      ? "This passage is no longer in the index (the document changed or was removed). The quote was:"
      : "该片段已不在索引中（文档已更新或删除）。原引文：",
  sourceHeader: (lang: Lang, n: number) => (lang === "en" ? `Source [${n}]` : `原文 [${n}]`),
  adminOnly: (lang: Lang) =>
    lang === "en"
      ? "Sorry, only administrators can do that. You can still ask me any question about the reports."
      : "抱歉，只有管理员可以执行此操作。您仍然可以向我提问报告相关的问题。",
  alreadyRunning: (lang: Lang) =>
    lang === "en" ? "A re-index is already running; please wait for it to finish." : "重建索引正在进行中，请等待完成。",
  reindexStarted: (lang: Lang) => (lang === "en" ? "Re-indexing started…" : "开始重建索引…"),
  progress: (lang: Lang, label: string, progress: IndexProgress) => {
    const phase =
      progress.phase === "scan" ? (lang === "en" ? `scanning (${progress.files} files)` : `扫描文件（${progress.files} 个）`)
      : progress.phase === "load" ? (lang === "en" ? `reading ${progress.done}/${progress.total}` : `读取 ${progress.done}/${progress.total}`)
      : progress.phase === "embed" ? (lang === "en" ? `embedding ${progress.done}/${progress.total}` : `向量化 ${progress.done}/${progress.total}`)
      : progress.phase === "write" ? (lang === "en" ? `writing ${progress.done}/${progress.total}` : `写入 ${progress.done}/${progress.total}`)
      : lang === "en" ? "finishing" : "完成中";
    return `${escapeHtml(label)}\n⏳ ${phase}`;
  },
  summary: (lang: Lang, title: string, summary: IndexSummary) => {
    const skipped = summary.skipped.map((file) => `• ${escapeHtml(file.relativePath)}: ${escapeHtml(file.reason)}`).join("\n");
    const body =
      lang === "en"
        ? `✅ ${escapeHtml(title)}\n${summary.documents} documents, ${summary.chunks} passages (${summary.embeddedChunks} embedded, ${summary.reusedDocuments} documents reused) in ${summary.seconds.toFixed(1)} s.`
        : `✅ ${escapeHtml(title)}\n共 ${summary.documents} 个文档、${summary.chunks} 个片段（新向量化 ${summary.embeddedChunks} 个，复用 ${summary.reusedDocuments} 个文档），用时 ${summary.seconds.toFixed(1)} 秒。`;
    const removed = summary.removedDocuments.length
      ? `\n${lang === "en" ? "Removed" : "已移除"}: ${summary.removedDocuments.map(escapeHtml).join(", ")}`
      : "";
    // Documents that look broken or were OCR'd (issue 14: loud indexing).
    const warned = (summary.warnings ?? [])
      .map((warning) => `⚠️ ${escapeHtml(warning.relativePath)}${lang === "en" ? " looks wrong; check it:" : " 可能读取有误，请检查："}\n${warning.issues.map((issue) => `• ${escapeHtml(describeIssue(issue, lang))}`).join("\n")}`)
      .join("\n");
    return `${body}${removed}${skipped ? `\n${lang === "en" ? "Skipped" : "已跳过"}:\n${skipped}` : ""}${warned ? `\n${warned}` : ""}`;
  },
  reindexDone: (lang: Lang) => (lang === "en" ? "Re-index complete" : "重建索引完成"),
  indexFailed: (lang: Lang, message: string) =>
    lang === "en"
      ? `❌ Indexing failed: ${escapeHtml(message)}\nThe previous index is still in use.`
      : `❌ 索引失败：${escapeHtml(message)}\n仍在使用原有索引。`,
  docs: (lang: Lang, documents: ManifestDocument[]) =>
    documents.length === 0
      ? lang === "en" ? "No documents are indexed." : "当前没有已索引的文档。"
      : [
          lang === "en" ? `<b>${documents.length} documents</b>` : `<b>共 ${documents.length} 个文档</b>`,
          ...documents.map(
            (document) =>
              `• <b>${escapeHtml(document.title)}</b> (<code>${escapeHtml(document.relativePath)}</code>) — ` +
              (lang === "en" ? `${document.chunks} passages, indexed ${escapeHtml(document.indexedAt)}` : `${document.chunks} 个片段，索引于 ${escapeHtml(document.indexedAt)}`),
          ),
        ].join("\n"),
  removeUsage: (lang: Lang) =>
    lang === "en" ? "Usage: <code>/remove document name or file name</code> (see /docs)" : "用法：<code>/remove 文档名或文件名</code>（见 /docs）",
  removeMissing: (lang: Lang, name: string) =>
    lang === "en" ? `No document matches “${escapeHtml(name)}”. See /docs.` : `没有找到与“${escapeHtml(name)}”匹配的文档，请查看 /docs。`,
  removing: (lang: Lang, name: string) => (lang === "en" ? `Removing “${name}”…` : `正在删除“${name}”…`),
  removed: (lang: Lang, name: string) => (lang === "en" ? `Removed “${name}”` : `已删除“${name}”`),
  removeOnlyDocument: (lang: Lang, name: string) =>
    lang === "en"
      ? `“${escapeHtml(name)}” is the only document, so it was not removed: the bot would have nothing to answer from. Upload another document first, then remove this one.`
      : `“${escapeHtml(name)}”是唯一的文档，未删除：删除后将无资料可答。请先上传另一个文档，再删除它。`,
  stats: (lang: Lang, stats: AuditStats, generationId?: string) => {
    const rate = `${(stats.notFoundRate * 100).toFixed(1)}%`;
    const generation = !generationId ? "" : lang === "en" ? `\nIndex generation: ${escapeHtml(generationId)}` : `\n索引版本：${escapeHtml(generationId)}`;
    return (lang === "en"
      ? [
          "<b>Statistics</b>",
          `Questions: ${stats.questions} (answered ${stats.answered}, not found ${stats.notFound}, failed ${stats.failed})`,
          `Not-found rate: ${rate}`,
          `Verification failures: ${stats.verificationFailures} answers (${stats.unverifiedCitations} unverified quotes)`,
          `Latency: p50 ${Math.round(stats.latencyMs.p50)} ms, p99 ${Math.round(stats.latencyMs.p99)} ms`,
          `Feedback: 👍 ${stats.feedback.up} · 👎 ${stats.feedback.down}`,
          `Refused (on no allow-list): ${stats.refused.questions} questions, ${stats.refused.buttons} button presses${refusedBy(stats, lang)}`,
        ].join("\n")
      : [
          "<b>统计</b>",
          `问题数：${stats.questions}（已回答 ${stats.answered}，未找到 ${stats.notFound}，失败 ${stats.failed}）`,
          `未找到比例：${rate}`,
          `核验失败：${stats.verificationFailures} 个回答（${stats.unverifiedCitations} 条引文未核验）`,
          `延迟：p50 ${Math.round(stats.latencyMs.p50)} 毫秒，p99 ${Math.round(stats.latencyMs.p99)} 毫秒`,
          `反馈：👍 ${stats.feedback.up} · 👎 ${stats.feedback.down}`,
          `已拒绝（不在允许名单）：${stats.refused.questions} 个问题，${stats.refused.buttons} 次按钮${refusedBy(stats, lang)}`,
        ].join("\n")) + generation;
  },
  uploadPrivateOnly: (lang: Lang) => (lang === "en" ? "Please send documents to me in a private chat." : "请在私聊中发送文档。"),
  uploadUnsupported: (lang: Lang, fileName: string, allowed: string) =>
    lang === "en"
      ? `“${escapeHtml(fileName)}” is not a supported file type. I can index ${allowed} files. Nothing was changed.`
      : `不支持“${escapeHtml(fileName)}”的文件类型，仅支持 ${allowed} 文件。索引未改变。`,
  uploadTooLarge: (lang: Lang, fileName: string, sizeMb: string, maxMb: string) =>
    lang === "en"
      ? `“${escapeHtml(fileName)}” is ${sizeMb} MB; the maximum is ${maxMb} MB (Telegram's bot download limit). Nothing was changed.`
      : `“${escapeHtml(fileName)}”大小为 ${sizeMb} MB，超过上限 ${maxMb} MB（Telegram 机器人下载限制）。索引未改变。`,
  uploadReceived: (lang: Lang, fileName: string) => (lang === "en" ? `Adding “${fileName}”…` : `正在添加“${fileName}”…`),
  uploadDone: (lang: Lang, fileName: string) => (lang === "en" ? `Added “${fileName}”` : `已添加“${fileName}”`),
  uploadRejected: (lang: Lang, fileName: string, reason: string, message: string) =>
    lang === "en"
      ? `❌ Could not add “${escapeHtml(fileName)}” (${escapeHtml(reason)}): ${escapeHtml(message)}\nThe index is unchanged.`
      : `❌ 无法添加“${escapeHtml(fileName)}”（${escapeHtml(reason)}）：${escapeHtml(message)}\n索引未改变。`,
  downloadFailed: (lang: Lang, fileName: string) =>
    lang === "en"
      ? `❌ Could not download “${escapeHtml(fileName)}” from Telegram. Please try again. The index is unchanged.`
      : `❌ 无法从 Telegram 下载“${escapeHtml(fileName)}”，请重试。索引未改变。`,
  conversationReset: (lang: Lang) =>
    lang === "en"
      ? "Starting over: your next question is read on its own."
      : "已重新开始：下一个问题将单独理解，不再接着之前的对话。",
  unknownCommand: (lang: Lang) => (lang === "en" ? "Unknown command. Send /help to see what I can do." : "未知命令。发送 /help 查看使用说明。"),
};

/** Commands shown in Telegram's menu, per language. */
export const commandList = {
  zh: [
    { command: "help", description: "使用说明与文档列表" },
    { command: "ask", description: "提问（群聊中使用）" },
    { command: "new", description: "重新开始对话（忘记之前的问题）" },
  ],
  en: [
    { command: "help", description: "How to use me and what I know" },
    { command: "ask", description: "Ask a question (in groups)" },
    { command: "new", description: "Start over (forget earlier questions)" },
  ],
};
