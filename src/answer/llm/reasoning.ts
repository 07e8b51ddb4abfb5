/**
 * Reasoning models (DeepSeek-R1 distills, Qwen3 on Ollama or vLLM without a reasoning parser)
 * write their thinking into the reply before the answer: `<think>…</think>{…}`, or only the
 * closing tag when the chat template opened the block, or an opening tag never closed when the
 * reply was cut off. The thinking often holds a draft answer object; the answer is what follows
 * it. (Servers with a reasoning parser send the thinking in `reasoning_content` instead, which
 * the answerer never reads.)
 */

const OPEN = /<(?:think|thinking|reasoning)>/iu;
const OPEN_ALL = /<(?:think|thinking|reasoning)>/giu;
const CLOSE = /<\/(?:think|thinking|reasoning)>/giu;

/**
 * Returns the reply with its reasoning removed: everything up to the last closing tag (so an
 * unopened block goes too), and an unclosed opening tag with everything after it. Never throws.
 */
export function withoutReasoning(content: string): string {
  let text = content;
  let lastClose = -1;
  let closeLength = 0;
  for (const match of text.matchAll(CLOSE)) {
    lastClose = match.index;
    closeLength = match[0].length;
  }
  if (lastClose !== -1) text = text.slice(lastClose + closeLength);
  const open = OPEN.exec(text);
  if (open) text = text.slice(0, open.index);
  return text;
}

// What may precede the answer object in a reply that is not reasoning: blanks and a code fence.
const ANSWER_PREFIX = /^\s*(?:```(?:json)?\s*)?$/iu;

/**
 * Returns the part of a reply still streaming in that may be shown as the answer: the reply with
 * its reasoning removed, or undefined while it may still be reasoning (an open `<think>`, or
 * prose before the first "{" that a later `</think>` could turn out to close). Never throws.
 */
export function visibleReply(content: string): string | undefined {
  if (hasUnclosedOpen(content)) return undefined;
  const visible = withoutReasoning(content);
  const brace = visible.indexOf("{");
  if (brace === -1) return undefined;
  return ANSWER_PREFIX.test(visible.slice(0, brace)) ? visible : undefined;
}

function hasUnclosedOpen(content: string): boolean {
  let lastOpen = -1;
  for (const match of content.matchAll(OPEN_ALL)) lastOpen = match.index;
  if (lastOpen === -1) return false;
  let lastClose = -1;
  for (const match of content.matchAll(CLOSE)) lastClose = match.index;
  return lastClose < lastOpen;
}
