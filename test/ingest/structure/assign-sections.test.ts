import { describe, expect, it } from "vitest";
import { loadDocumentFromBytes } from "../../../src/ingest/load-document.js";
import { paragraphsFromBlocks } from "../../../src/ingest/paragraphs-from-blocks.js";
import { assignSections } from "../../../src/ingest/structure/assign-sections.js";
import { splitParagraphs } from "../../../src/ingest/paragraphs.js";

/** Each paragraph's text with its section path, for readable expectations. */
function sections(text: string) {
  return assignSections(text, splitParagraphs(text)).map((paragraph) => [text.slice(paragraph.start, paragraph.end), paragraph.sectionPath ?? []]);
}

describe("section paths from headings", () => {
  it("a loader heading with neither level nor number (a large PDF line) is a sibling of the last such heading", () => {
    const { text, paragraphs } = paragraphsFromBlocks([
      { text: "运输航空", kind: "heading" },
      { text: "全年完成运输总周转量1292.7亿吨公里。" },
      { text: "通用航空", kind: "heading" },
      { text: "全年完成通用航空生产飞行105.9万小时。" },
    ]);
    expect(assignSections(text, paragraphs).map((paragraph) => paragraph.sectionPath ?? [])).toEqual([[], ["运输航空"], [], ["通用航空"]]);
  });

  it("一、 and （一） headings nest; a paragraph's path holds the headings above it, outermost first", () => {
    const text = ["一、综合", "全年生产总值增长5.0%。", "（一）工业", "规模以上工业增加值增长5.8%。", "（二）服务业", "服务业增加值增长5.0%。", "二、农业", "粮食产量增长1.6%。"].join("\n");
    expect(sections(text)).toEqual([
      ["一、综合", []],
      ["全年生产总值增长5.0%。", ["一、综合"]],
      ["（一）工业", ["一、综合"]],
      ["规模以上工业增加值增长5.8%。", ["一、综合", "（一）工业"]],
      ["（二）服务业", ["一、综合"]],
      ["服务业增加值增长5.0%。", ["一、综合", "（二）服务业"]],
      ["二、农业", []],
      ["粮食产量增长1.6%。", ["二、农业"]],
    ]);
  });

  it("第一部分 is above 一、; letter-spaced headings (`一、综 合`) and footnote marks are tidied in the path", () => {
    const text = ["第一部分 毕业生就业基本情况", "一、综 合", "初步核算，全年生产总值[2]13507.69亿元。", "八、财政、金融[9]、证券和保险", "全年一般公共预算收入955.01亿元。"].join("\n");
    expect(sections(text).filter((_, index) => index === 2 || index === 4)).toEqual([
      ["初步核算，全年生产总值[2]13507.69亿元。", ["第一部分毕业生就业基本情况", "一、综合"]],
      ["全年一般公共预算收入955.01亿元。", ["第一部分毕业生就业基本情况", "八、财政、金融、证券和保险"]],
    ]);
  });

  it("a numbered list item inside prose (ending in 。) is not a heading", () => {
    const text = ["一、发展概况", "1.本公报中2024年数据为初步统计数。", "全年销售总额29470亿元。"].join("\n");
    const paragraphs = assignSections(text, splitParagraphs(text));
    expect(paragraphs[1]).toMatchObject({ sectionPath: ["一、发展概况"] });
    expect(paragraphs[1]!.kind).toBeUndefined();
    expect(paragraphs[2]!.sectionPath).toEqual(["一、发展概况"]);
  });

  it("short numbered lines become kind heading; a 1 of an open style starts a level below (民航: 一、 then 1．)", () => {
    const text = ["一、运输航空 [3]", "1．运输周转量 [4]", "2017年，全行业完成运输总周转量1083.08亿吨公里。", "2．旅客运输量", "2017年，全行业完成旅客运输量55156万人次。"].join("\n");
    const paragraphs = assignSections(text, splitParagraphs(text));
    expect(paragraphs.map((paragraph) => paragraph.kind)).toEqual(["heading", "heading", undefined, "heading", undefined]);
    expect(paragraphs[4]!.sectionPath).toEqual(["一、运输航空", "2．旅客运输量"]);
  });

  it("a new report's title or issuer and date lines close every section (the next bulletin of a compilation)", () => {
    const text = ["一、综合", "全年生产总值增长4.5%。", "十二、资源、环境和应急管理", "全年用电量增长7.5%。", "南京市统计局 国家统计局南京调查队", "2024年3月", "一、综合", "全年生产总值增长4.6%。"].join("\n");
    expect(sections(text).at(-1)).toEqual(["全年生产总值增长4.6%。", ["一、综合"]]);
  });

  it("loader headings order by their level (Markdown ## and ###), and table rows are never headings", () => {
    const { text, paragraphs } = paragraphsFromBlocks([
      { text: "2023年文化和旅游发展统计公报", kind: "heading", headingLevel: 1 },
      { text: "二、公共服务体系不断健全", kind: "heading", headingLevel: 2 },
      { text: "（一）公共图书馆", kind: "heading", headingLevel: 3 },
      { text: "2023年末，全国共有公共图书馆3246个。" },
      { text: "一、食品烟酒｜上涨：1.4", kind: "table-row", tableRow: { table: 0, row: 0 } },
      { text: "三、文化遗产保护传承有力推进", kind: "heading", headingLevel: 2 },
      { text: "2023年，文物保护利用持续推进。" },
    ]);
    const assigned = assignSections(text, paragraphs);
    expect(assigned.map((paragraph) => paragraph.sectionPath ?? [])).toEqual([
      [],
      [],
      ["二、公共服务体系不断健全"],
      ["二、公共服务体系不断健全", "（一）公共图书馆"],
      ["二、公共服务体系不断健全", "（一）公共图书馆"],
      [],
      ["三、文化遗产保护传承有力推进"],
    ]);
  });

  it("chunks of a loaded document carry the path; their quoted text stays the document's own", async () => {
    const text = "一、综合\n全年生产总值增长5.0%。\n二、工业\n规模以上工业增加值增长5.8%。\n";
    const document = await loadDocumentFromBytes({ bytes: new TextEncoder().encode(text), relativePath: "bulletin.txt", maxBytes: 1 << 20 });
    const { chunkDocument } = await import("../../../src/ingest/chunk.js");
    const chunk = chunkDocument(document).find((candidate) => candidate.text.startsWith("规模以上"))!;
    expect(chunk).toMatchObject({ text: "规模以上工业增加值增长5.8%。", sectionPath: ["二、工业"] });
  });
});
