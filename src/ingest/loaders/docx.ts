import { IngestError } from "../../errors.js";
import { documentBody, readWordPackage } from "../docx/read-package.js";
import { readBlocks, type BodyContext } from "../docx/read-body.js";
import { readParagraphStyles } from "../docx/styles.js";
import { wordBlocks } from "../docx/word-blocks.js";
import type { LoadedBlock, LoadedText } from "./types.js";

/** A first paragraph at most this long, without closing punctuation, is taken as the title. */
const MAX_TITLE_CHARS = 60;
const SENTENCE_END = /[。！？；，、,.!?;:：]$/u;

/**
 * Returns the blocks of a .docx file read from its XML: paragraphs (headings from Word's heading
 * styles and outline levels), tables as one row sentence per data row (merged cells, captions,
 * two-level headers, parent rows), captions and notes marked, page furniture dropped; and a
 * title (the first heading, else a heading-like first paragraph). Throws IngestError "corrupt"
 * when the file is not a readable Word document.
 */
export async function loadDocx(bytes: Uint8Array, path: string): Promise<LoadedText> {
  let result: ReturnType<typeof wordBlocks>;
  try {
    const wordPackage = await readWordPackage(bytes);
    const context: BodyContext = { styles: readParagraphStyles(wordPackage.styles), noteNumbers: new Map() };
    const items = readBlocks(documentBody(wordPackage.document), context);
    result = wordBlocks(items, wordPackage.headerText);
    for (const [key, number] of context.noteNumbers) {
      const note = wordPackage.notes.get(key);
      if (note !== undefined) result.blocks.push({ text: `[${number}]${note}`, kind: "note" });
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = `${path} could not be read as a Word (.docx) document; it is damaged or not a .docx (${detail})`;
    throw new IngestError(message, "corrupt", path, { cause: error });
  }
  const { blocks, tables } = result;
  const loaded: LoadedText = { text: blocks.map((block) => block.text).join("\n"), blocks };
  if (tables.length > 0) loaded.tables = tables;
  const title = titleOf(blocks);
  if (title !== undefined) loaded.title = title;
  return loaded;
}

function titleOf(blocks: readonly LoadedBlock[]): string | undefined {
  const heading = blocks.find((block) => block.kind === "heading");
  if (heading) return heading.text;
  const first = blocks[0];
  if (first === undefined || blocks.length < 2 || first.kind !== undefined) return undefined;
  const text = first.text.trim();
  return text.length <= MAX_TITLE_CHARS && !SENTENCE_END.test(text) ? text : undefined;
}
