/** Telegram's limit is 4096 characters; we measure the HTML source, which is never shorter than what Telegram counts. */
export const DEFAULT_MESSAGE_LIMIT = 4000;

/**
 * A unit of a message: plain `text` and how to render a piece of it to a complete HTML fragment.
 * The splitter only ever cuts `text` (on sentence boundaries), never rendered HTML, so every part
 * it returns has balanced tags.
 */
export interface MessageBlock {
  text: string;
  render(text: string): string;
}

/** Splits plain text into sentences, keeping end punctuation, closing quotes and newlines with them. */
export function splitSentences(text: string): string[] {
  const sentences = text.match(/[^。！？!?；;\n]*(?:[。！？!?；;]+[”’"'」』）)\]]*|\n+|$)|[^\n]+/g) ?? [];
  const out: string[] = [];
  for (const sentence of sentences) {
    if (sentence === "") continue;
    // Western full stops only end a sentence when followed by whitespace.
    out.push(...sentence.split(/(?<=\.\s)/).filter(Boolean));
  }
  return out;
}

/**
 * Returns the message parts, each at most `limit` characters of HTML: blocks are joined with
 * `separator` while they fit; a block too long on its own is cut between sentences (and a
 * single over-long sentence between characters), each piece rendered on its own.
 */
export function splitMessage(blocks: MessageBlock[], options: { limit?: number; separator?: string } = {}): string[] {
  const limit = options.limit ?? DEFAULT_MESSAGE_LIMIT;
  const separator = options.separator ?? "\n\n";
  const fragments = blocks.flatMap((block) => renderBlock(block, limit));
  const parts: string[] = [];
  let current = "";
  for (const fragment of fragments) {
    const joined = current === "" ? fragment : `${current}${separator}${fragment}`;
    if (joined.length <= limit) {
      current = joined;
    } else {
      if (current !== "") parts.push(current);
      current = fragment;
    }
  }
  if (current !== "") parts.push(current);
  return parts;
}

function renderBlock(block: MessageBlock, limit: number): string[] {
  const whole = block.render(block.text);
  if (whole.length <= limit) return [whole];
  const fragments: string[] = [];
  let piece = "";
  const flush = () => {
    if (piece.trim() !== "") fragments.push(block.render(piece.trim()));
    piece = "";
  };
  for (const sentence of splitSentences(block.text)) {
    if (block.render((piece + sentence).trim()).length <= limit) {
      piece += sentence;
      continue;
    }
    flush();
    if (block.render(sentence.trim()).length <= limit) {
      piece = sentence;
    } else {
      for (const slice of hardSplit(sentence, block, limit)) fragments.push(slice);
    }
  }
  flush();
  return fragments;
}

/** Cuts one over-long sentence between code points (never inside a surrogate pair or an entity). */
function hardSplit(sentence: string, block: MessageBlock, limit: number): string[] {
  const characters = [...sentence];
  const out: string[] = [];
  let start = 0;
  while (start < characters.length) {
    let size = Math.min(characters.length - start, limit);
    while (size > 1 && block.render(characters.slice(start, start + size).join("")).length > limit) {
      size = Math.max(1, Math.floor(size * 0.9));
    }
    out.push(block.render(characters.slice(start, start + size).join("")));
    start += size;
  }
  return out;
}
