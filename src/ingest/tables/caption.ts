/** Recognises a table's caption and unit lines ("表3 主要工业产品产量", "单位：亿元"). */

// "表3", "表 3", "附表2", "表3-1", "Table 2"; the number may run straight into the title ("表8金融机构…").
const CAPTION = /^(?:附?表\s*[0-9０-９一二三四五六七八九十]+(?:[-－.．][0-9０-９]+)?|Table\s+\d+)(?![0-9０-９])/iu;
const UNIT = /^[（(]?\s*(?:计量)?单位\s*[:：]\s*\S/u;
const MAX_CAPTION_CHARS = 80;

/** Returns true when `text` reads as a table caption: `表N …` or `Table N …`, short, not a sentence. */
export function isTableCaption(text: string): boolean {
  const line = text.trim();
  if (line.length > MAX_CAPTION_CHARS || !CAPTION.test(line)) return false;
  // "表1显示，…增长6.2%。" is a sentence about a table, not its caption.
  return !/[。！？]$/u.test(line);
}

/** Returns true when `text` is a unit line such as `单位：亿元` or `（单位：%）`. */
export function isUnitLine(text: string): boolean {
  const line = text.trim();
  return line.length <= 40 && UNIT.test(line);
}

/** Returns `单位：亿元` from `（单位：亿元）` and the like: brackets dropped, spaces collapsed. */
export function unitText(text: string): string {
  return text.trim().replace(/^[（(]\s*/u, "").replace(/\s*[)）]$/u, "").replace(/\s+/gu, " ");
}
