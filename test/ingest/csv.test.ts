import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadDocumentFromBytes } from "../../src/ingest/load-document.js";
import { loadCsv } from "../../src/ingest/loaders/csv.js";
import { rejection } from "./ingest-rejection.js";

const fixture = readFileSync(new URL("../fixtures/ingest/nbs-population-gb18030.csv", import.meta.url));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

// The real NBS 国家数据 export in GB18030: three metadata lines, 31 provinces × 10 years, a note and a source line.
describe("csv loader (NBS 年末常住人口 export, GB18030)", () => {
  it("decodes GB18030 and indexes each province as a row sentence with the caption and unit of the 指标 line", async () => {
    const { blocks = [], tables } = await loadCsv(fixture, "population.csv");
    const rows = blocks.filter((block) => block.kind === "table-row").map((block) => block.text);
    expect(rows).toHaveLength(31);
    expect(rows[0]).toBe(
      "年末常住人口｜北京市｜单位：万人｜2024年：2183｜2023年：2186｜2022年：2184｜2021年：2189｜2020年：2189｜2019年：2190｜2018年：2192｜2017年：2194｜2016年：2195｜2015年：2188",
    );
    expect(tables?.[0]).toMatchObject({ caption: "年末常住人口", unit: "单位：万人" });
  });

  it("keeps the metadata lines above and the note and source lines below as notes", async () => {
    const { blocks = [] } = await loadCsv(fixture, "population.csv");
    const notes = blocks.filter((block) => block.kind === "note").map((block) => block.text);
    expect(notes.slice(0, 3)).toEqual(["数据库：分省年度数据", "指标：年末常住人口(万人)", "时间：最近10年"]);
    expect(notes.at(-1)).toBe("数据来源：国家统计局");
    expect(notes.at(-2)).toMatch(/^注：常住人口包括：/u);
  });

  it("is a supported format end to end", async () => {
    const document = await loadDocumentFromBytes({ bytes: fixture, relativePath: "population.csv", maxBytes: 1024 * 1024 });
    expect(document.format).toBe("csv");
    expect(document.paragraphs.filter((paragraph) => paragraph.kind === "table-row")).toHaveLength(31);
  });

  it("reads a tab-separated file", async () => {
    const { blocks = [] } = await loadCsv(utf8("地区\t2024年\t2023年\n四川省\t8364\t8368\n重庆市\t3191\t3191\n"), "t.csv");
    expect(blocks.map((block) => block.text)).toEqual(["四川省｜2024年：8364｜2023年：8368", "重庆市｜2024年：3191｜2023年：3191"]);
  });

  it("rejects a file with no table rows as empty", async () => {
    const error = await rejection(loadCsv(utf8("数据库：分省年度数据\n指标：年末常住人口(万人)\n"), "header-only.csv"));
    expect(error.reason).toBe("empty");
    expect(error.message).toBe("header-only.csv has no table rows: no line has two or more fields.");
  });

  it("rejects a blank file as empty and binary junk as binary", async () => {
    expect((await rejection(loadCsv(utf8(" \n\n"), "blank.csv"))).reason).toBe("empty");
    const junk = randomBytes(4096);
    junk[10] = 0;
    expect((await rejection(loadCsv(junk, "junk.csv"))).reason).toBe("binary");
  });

  it("rejects unbalanced quotes as corrupt, with csv-parse's reason", async () => {
    const error = await rejection(loadCsv(utf8('地区,2024年\n"四川省,8364\n重庆市,3191\n'), "quotes.csv"));
    expect(error.reason).toBe("corrupt");
    expect(error.message).toMatch(/^quotes\.csv could not be read as CSV: /u);
  });
});
