/**
 * The words that make a message social rather than a question about the reports, by what they
 * do: greet, thank, ask for help, ask who the bot is, point at "the report" itself, acknowledge,
 * say goodbye — plus function words (particles, pronouns, question words) that carry no subject.
 * These are single words as jieba cuts them, not phrases: any message made only of them (in any
 * order, with any punctuation or emoji) is small talk, and one other word makes it a question.
 */

import type { SmallTalkIntent } from "../../answer/types.js";

export type { SmallTalkIntent };

/** The role of one word of a message. */
export type WordRole = SmallTalkIntent | "document" | "function";

const ROLES: Record<WordRole, readonly string[]> = {
  greeting: ["你好", "您好", "你们好", "大家好", "嗨", "哈喽", "哈啰", "早上好", "早安", "上午好", "中午好", "下午好", "晚上好", "晚安", "早", "hi", "hello", "hey", "hiya", "morning", "evening", "greetings"],
  thanks: ["谢谢", "多谢", "感谢", "谢了", "谢", "谢啦", "辛苦", "辛苦了", "thanks", "thank", "thx", "ty", "cheers", "appreciate", "appreciated"],
  help: ["帮助", "帮忙", "帮", "help", "怎么用", "用法", "使用", "说明", "指南", "功能", "能", "会", "做", "问", "提问", "usage", "guide", "instructions", "commands", "ask"],
  identity: ["谁", "机器人", "助手", "自己", "介绍", "who", "bot", "assistant", "yourself"],
  acknowledgement: ["好", "好的", "好吧", "行", "嗯", "嗯嗯", "哦", "噢", "收到", "明白", "了解", "懂", "知道", "可以", "没问题", "对", "是的", "不错", "棒", "厉害", "ok", "okay", "k", "yes", "yeah", "yep", "no", "sure", "fine", "great", "cool", "nice", "got", "understood", "alright"],
  farewell: ["再见", "拜拜", "拜", "回见", "bye", "goodbye", "later", "see"],
  // "The report" itself, and what it says about itself; together they make an overview request.
  overview: ["讲", "讲了", "说", "说了", "写", "写了", "关于", "内容", "主要", "概述", "概要", "总结", "摘要", "大意", "讲述", "讲的", "简介", "about", "summary", "summarize", "summarise", "overview", "say", "says", "main", "cover", "covers", "contain", "contains"],
  document: ["报告", "文件", "文档", "资料", "材料", "这份", "这篇", "这个", "本", "份", "篇", "report", "reports", "document", "documents", "file", "files", "paper"],
  function: [
    "的", "了", "吗", "呢", "吧", "啊", "呀", "啦", "嘛", "么", "哈", "哈哈", "哈哈哈", "嘿", "呵呵", "嘻嘻", "哇", "喂", "在", "在吗", "是", "有", "一下", "请", "请问", "麻烦", "想", "要", "可", "给", "看看", "看",
    "你", "您", "我", "我们", "你们", "什么", "啥", "怎么", "怎样", "如何", "哪些", "哪", "些", "个", "这", "那", "里", "都", "还", "又", "很", "太", "非常", "一", "下",
    "what", "is", "are", "was", "the", "a", "an", "this", "that", "these", "it", "you", "your", "me", "i", "we", "can", "could", "do", "does", "please", "tell",
    "of", "to", "for", "so", "much", "very", "there", "again", "all", "and", "oh", "how", "hmm", "there's", "what's", "who's", "you're", "i'm", "up",
  ],
};

const ROLE_OF = new Map<string, WordRole>();
for (const [role, words] of Object.entries(ROLES) as Array<[WordRole, readonly string[]]>) {
  for (const word of words) if (!ROLE_OF.has(word)) ROLE_OF.set(word, role);
}

/** Returns the social or function role of `word` (lower-cased, Simplified), or undefined for a word that may carry a subject. */
export function roleOfWord(word: string): WordRole | undefined {
  return ROLE_OF.get(word) ?? (/^(.)\1+$/u.test(word) ? ROLE_OF.get(word.charAt(0)) : undefined);
}

/** Words that ask something: present, they make a message with any other word a question. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  "什么", "啥", "谁", "哪", "哪些", "哪个", "哪里", "几", "多少", "怎么", "怎样", "如何", "为什么", "为何", "是否", "吗", "呢", "有没有", "是不是",
  "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "did", "does", "do", "is", "are", "was", "were", "can", "could", "will", "much", "many",
]);
