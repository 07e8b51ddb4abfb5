import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/ingest/decode-text.js";
import { ingestErrorReason as reasonOf } from "../helpers/ingest-error-reason.js";

const gbkFixture = readFileSync(new URL("../fixtures/ingest/gbk-report.txt", import.meta.url));

describe("decodeText", () => {
  it("decodes UTF-8", () => {
    expect(decodeText(new TextEncoder().encode("同比增长6.2%"), "a.txt")).toBe("同比增长6.2%");
  });

  it("strips a UTF-8 byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("四川")]);
    expect(decodeText(bytes, "a.txt")).toBe("四川");
  });

  it("decodes UTF-16 LE and BE with a byte order mark", () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0xdb, 0x56, 0xdd, 0x5d]), "le.txt")).toBe("四川");
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x56, 0xdb, 0x5d, 0xdd]), "be.txt")).toBe("四川");
  });

  it("decodes GBK bytes (中文 = D6 D0 CE C4) through GB18030", () => {
    expect(decodeText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]), "gbk.txt")).toBe("中文");
  });

  it("decodes a GBK-encoded report fixture made with iconv", () => {
    const text = decodeText(gbkFixture, "gbk-report.txt");
    expect(text).toContain("四川省工业经济运行情况");
    expect(text).toContain("同比增长6.2%。");
  });

  it("rejects bytes with NULs as binary", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(reasonOf(() => decodeText(png, "image.txt"))).toBe("binary");
  });

  it("rejects bytes full of control characters as binary", () => {
    const bytes = new Uint8Array(200).map((_, index) => (index % 3 === 0 ? 0x01 : 0x41));
    expect(reasonOf(() => decodeText(bytes, "noise.txt"))).toBe("binary");
  });

  it("rejects an empty or whitespace-only file as empty", () => {
    expect(reasonOf(() => decodeText(new Uint8Array(), "empty.txt"))).toBe("empty");
    expect(reasonOf(() => decodeText(new TextEncoder().encode(" \n\t\u3000\n"), "blank.txt"))).toBe("empty");
    expect(reasonOf(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf]), "bom.txt"))).toBe("empty");
  });

  it("names the file in the error", () => {
    expect(() => decodeText(new Uint8Array([0, 1, 2]), "dir/blob.txt")).toThrow(/dir\/blob\.txt/u);
  });
});
