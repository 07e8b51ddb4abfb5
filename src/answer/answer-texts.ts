import type { AnswerLanguage } from "./language.js";

/** Fixed user-facing texts, by the question's language. No model ever writes these. */
export const ANSWER_TEXTS: Record<AnswerLanguage, { notFound: string; failed: string; cancelled: string }> = {
  zh: {
    notFound: "报告中没有找到这个问题的答案。以下是最接近的段落：",
    failed: "抱歉，回答这个问题时出错了，请稍后再试。",
    cancelled: "回答已取消。",
  },
  en: {
    notFound: "The reports do not answer this question. These are the closest passages:",
    failed: "Sorry, something went wrong while answering this question. Please try again later.",
    cancelled: "The answer was cancelled.",
  },
};
