import { join, resolve } from "node:path";
import { chunkDocument } from "../../../src/ingest/chunk.js";
import { describe, expect, it } from "vitest";
import { loadDocument } from "../../../src/ingest/load-document.js";
import { metadataOfParagraph } from "../../../src/ingest/structure/part-of-paragraph.js";

const repoRoot = resolve(import.meta.dirname, "../../..");
const fixtures = join(repoRoot, "test/fixtures/ingest/structure");

async function load(folder: string, name: string) {
  return loadDocument({ absolutePath: join(folder, name), relativePath: name, maxBytes: 10 * 1024 * 1024 });
}

describe("document metadata read from the content", () => {
  it("the shipped report: no title line, so the file name without dashes; 四川 from 全省 and 四川; 2024 上半年", async () => {
    const document = await load(join(repoRoot, "knowledge"), "sichuan-industry-report.txt");
    expect(document.title).toBe("sichuan industry report");
    expect(document.metadata).toEqual({ title: "sichuan industry report", place: "四川", period: { year: 2024, part: "上半年" } });
  });

  it("合肥 TXT: line 1 is `2024 [1]` (not a title); the city only in the issuer line; dated 2025 but about 2024", async () => {
    const document = await load(fixtures, "hefei-2024-bulletin.txt");
    expect(document.metadata).toEqual({
      title: "hefei 2024 bulletin",
      place: "合肥市",
      issuer: "合肥市统计局 国家统计局合肥调查队",
      period: { year: 2024 },
    });
  });

  it("全国 2024 TXT: 中华人民共和国 in the title is 全国; issuer 国家统计局; the period is 2024, not the 2025 publication", async () => {
    const document = await load(fixtures, "national-2024-bulletin.txt");
    expect(document.metadata).toEqual({
      title: "中华人民共和国2024年国民经济和社会发展统计公报",
      place: "全国",
      issuer: "国家统计局",
      period: { year: 2024 },
    });
  });

  it("民航 2017: a ministry's bulletin reports on 全国, for 2017 (published 2018年5月)", async () => {
    const document = await load(fixtures, "civil-aviation-2017.txt");
    expect(document.metadata).toEqual({ title: "2017年民航行业发展统计公报", place: "全国", issuer: "中国民用航空局", period: { year: 2017 } });
  });

  it("北京 2024 政府工作报告: reports on 2023 (its period), plans 2024; each year-headed section is a part", async () => {
    const document = await load(fixtures, "北京市2024年政府工作报告.txt");
    const { metadata } = document;
    expect(metadata).toMatchObject({ title: "北京市2024年政府工作报告", place: "北京市", period: { year: 2023 } });
    // Each part keeps the report's title: a citation names the document, and the section heading
    // stands in the paragraph's section path.
    expect(metadata!.parts!.map((part) => [part.title, part.period])).toEqual([
      [undefined, { year: 2023 }],
      [undefined, { year: 2024 }],
    ]);
    const chunks = chunkDocument(document);
    expect(new Set(chunks.map((chunk) => chunk.documentTitle))).toEqual(new Set(["北京市2024年政府工作报告"]));
    const planning = document.paragraphs.find((paragraph) => document.text.slice(paragraph.start, paragraph.end).startsWith("今年政府工作的总体要求"))!;
    expect(metadataOfParagraph(metadata!, planning.number).period).toEqual({ year: 2024 });
  });

  describe("a compilation of four bulletins (南京 2024, 2023, 2022, 2021)", () => {
    it("detects each part and its period: the 2024 title's year, then the year before each 统计局 date line", async () => {
      const { metadata } = await load(fixtures, "nanjing-2021-2024-compilation.txt");
      expect(metadata).toMatchObject({
        title: "南京市2024年国民经济和社会发展统计公报",
        place: "南京市",
        issuer: "南京市统计局 国家统计局南京调查队",
        period: { year: 2021, endYear: 2024 },
      });
      expect(metadata!.parts!.map((part) => [part.fromParagraph, part.period])).toEqual([
        [1, { year: 2024 }],
        [13, { year: 2023 }],
        [24, { year: 2022 }],
        [35, { year: 2021 }],
      ]);
    });

    it("gives a paragraph its part's period (the 2022 bulletin's 一、综合 is about 2022)", async () => {
      const document = await load(fixtures, "nanjing-2021-2024-compilation.txt");
      const heading = document.paragraphs.filter((paragraph) => document.text.slice(paragraph.start, paragraph.end) === "一、综合")[2]!;
      expect(metadataOfParagraph(document.metadata!, heading.number)).toEqual({
        title: "南京市2022年国民经济和社会发展统计公报",
        place: "南京市",
        issuer: "南京市统计局 国家统计局南京调查队",
        period: { year: 2022 },
      });
    });

    it("titles each untitled part by the first one's title with its own year, and its chunks are cited by it", async () => {
      const document = await load(fixtures, "nanjing-2021-2024-compilation.txt");
      expect(document.metadata!.parts!.map((part) => part.title)).toEqual([
        "南京市2024年国民经济和社会发展统计公报",
        "南京市2023年国民经济和社会发展统计公报",
        "南京市2022年国民经济和社会发展统计公报",
        "南京市2021年国民经济和社会发展统计公报",
      ]);
      const { chunkDocument } = await import("../../../src/ingest/chunk.js");
      const chunk = chunkDocument(document).find((candidate) => candidate.text.includes("949.11万"))!;
      expect(chunk.documentTitle).toBe("南京市2022年国民经济和社会发展统计公报");
    });

    it("is titled by its file name when that names the span of years it compiles", async () => {
      const { readFileSync } = await import("node:fs");
      const { loadDocumentFromBytes } = await import("../../../src/ingest/load-document.js");
      const bytes = readFileSync(join(fixtures, "nanjing-2021-2024-compilation.txt"));
      const document = await loadDocumentFromBytes({ bytes, relativePath: "南京市2021-2024年国民经济和社会发展统计公报汇编.txt", maxBytes: 1 << 20 });
      expect(document.title).toBe("南京市2021-2024年国民经济和社会发展统计公报汇编");
    });
  });

  it("two bulletins separated by their titles and 发布日期 lines (东莞 2024 + 2023) are two parts", async () => {
    const part = (year: number, published: string) =>
      [`${year}年东莞市国民经济和社会发展统计公报`, `发布日期：${published} 浏览次数：14546`, "一、综合", ...Array.from({ length: 5 }, (_, index) => `${year}年第${index + 1}项指标比上年增长${index + 1}.0%。`)];
    const { loadDocumentFromBytes } = await import("../../../src/ingest/load-document.js");
    const text = [...part(2024, "2025-04-24"), ...part(2023, "2024-04-12")].join("\n");
    const document = await loadDocumentFromBytes({ bytes: new TextEncoder().encode(text), relativePath: "dongguan.txt", maxBytes: 1 << 20 });
    expect(document.metadata!.parts).toEqual([
      { fromParagraph: 1, toParagraph: 8, title: "2024年东莞市国民经济和社会发展统计公报", period: { year: 2024 } },
      { fromParagraph: 9, toParagraph: 16, title: "2023年东莞市国民经济和社会发展统计公报", period: { year: 2023 } },
    ]);
    expect(document.metadata!.place).toBe("东莞市");
  });

  it("a date line in Chinese numerals (二〇一八年五月) dates the report too: it reports on the year before", async () => {
    const { loadDocumentFromBytes } = await import("../../../src/ingest/load-document.js");
    const text = ["某省统计局", "二〇一八年五月", "全省工业增加值比上年增长6.0%。", "全省粮食产量增长1.2%。", "全省用电量增长5.0%。", "全省进出口增长3.0%。", "全省人口增长0.5%。"].join("\n");
    const document = await loadDocumentFromBytes({ bytes: new TextEncoder().encode(text), relativePath: "province.txt", maxBytes: 1 << 20 });
    expect(document.metadata).toMatchObject({ issuer: "某省统计局", period: { year: 2017 } });
  });

  it("a title without a year gets the detected one, so two years of one region's bulletin differ", async () => {
    const { loadDocumentFromBytes } = await import("../../../src/ingest/load-document.js");
    const text = ["杭州市生态环境状况公报", "2024年，全市环境空气质量优良天数比例为85.2%。", "一、大气环境"].join("\n");
    const document = await loadDocumentFromBytes({ bytes: new TextEncoder().encode(text), relativePath: "hz.txt", maxBytes: 1 << 20 });
    expect(document.title).toBe("杭州市生态环境状况公报（2024年）");
    expect(document.metadata).toMatchObject({ place: "杭州市", period: { year: 2024 } });
  });
});
