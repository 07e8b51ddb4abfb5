/**
 * Messages that are not questions (greetings, thanks, acknowledgements): they are answered as
 * typed and never rewritten into a question, however short a follow-up they resemble. A local
 * check until src/question/small-talk lands.
 */
const SMALL_TALK =
  /^(?:你好|您好|嗨|哈喽|早上好|晚上好|谢谢(?:你|您|啦)?|多谢|感谢|辛苦了?|好的?|好吧|行|可以|嗯+|哦+|噢+|啊+|收到|明白了?|知道了|了解了?|懂了|再见|拜拜|不错|太好了|厉害|没事了?|没有了|是吗|真的吗|对吗|是这样吗|原来如此|hi|hello|hey|thanks?(?: you)?(?: very much)?|thx|ty|ok(?:ay)?|k|cool|great|nice|good|got it|bye|goodbye|sure|yes|no|yep|nope|really|i see|👍|🙏|👌|😊)[\s!！。.~～,，?？]*$/iu;

/** Returns true when `message` is small talk rather than a question (你好, 谢谢, ok). */
export function isSmallTalk(message: string): boolean {
  return SMALL_TALK.test(message.trim());
}
