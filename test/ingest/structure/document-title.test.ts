import { describe, expect, it } from "vitest";
import { loadDocumentFromBytes } from "../../../src/ingest/load-document.js";
import { detectMetadata } from "../../../src/ingest/structure/detect-metadata.js";

async function titleOf(relativePath: string, text: string): Promise<string> {
  const document = await loadDocumentFromBytes({ bytes: new TextEncoder().encode(text), relativePath, maxBytes: 1 << 20 });
  return document.title;
}

describe("the title of a .txt (issue 18: titles)", () => {
  it("is its first line when that reads as a title", async () => {
    expect(await titleOf("cy-report.txt", "成渝地区双城经济圈建设进展\n2024年，两地共建项目增加到300个。\n")).toBe("成渝地区双城经济圈建设进展");
  });

  it("of a yearly bulletin without a year, or of a bare place name, gets the year it reports on", async () => {
    expect(await titleOf("nj.txt", "南京市国民经济和社会发展统计公报\n2024年，全市生产总值增长5.0%。\n")).toBe("南京市国民经济和社会发展统计公报（2024年）");
    const text = "南京市\n2023年，全市生产总值增长4.6%。";
    const paragraphs = [{ number: 1, start: 0, end: 3 }, { number: 2, start: 4, end: text.length }];
    expect(detectMetadata({ text, paragraphs, loaderTitle: "南京市", relativePath: "nj.docx", format: "docx" }).title).toBe("南京市（2023年）");
  });

  it("is the file name without the slug's dashes and underscores when the first line is a sentence", async () => {
    expect(await titleOf("sichuan-industry_report.txt", "近年来，四川省工业战线发挥稳定经济大盘的作用。\n")).toBe("sichuan industry report");
  });

  it("is the file name as written when the first line is a number and a footnote mark (合肥: `2024 [1]`)", async () => {
    expect(await titleOf("合肥市2024年国民经济和社会发展统计公报.txt", "2024 [1]\n合肥市统计局 国家统计局合肥调查队\n2025 年3月28日\n2024 年，全市经济再上台阶。\n")).toBe(
      "合肥市2024年国民经济和社会发展统计公报",
    );
  });
});
