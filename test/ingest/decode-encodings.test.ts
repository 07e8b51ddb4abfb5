import { describe, expect, it } from "vitest";
import { ingestErrorReason as reasonOf } from "../helpers/ingest-error-reason.js";
import { decodeText } from "../../src/ingest/decode-text.js";
import { declaredHtmlCharset, loadHtml } from "../../src/ingest/loaders/html.js";
import { encodeBig5 } from "./encode-big5.js";

const REPORT_LINE = "2024年上半年,全省规模以上工业增加值同比增长6.2%。\n六大优势产业增加值同比增长6.6%。\n";

/** `text` as UTF-16 big-endian bytes (Node only encodes little-endian). */
function utf16be(text: string): Uint8Array {
  const bytes = Buffer.from(text, "utf16le");
  for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return bytes;
}

describe("UTF-16 without a byte order mark", () => {
  it("decodes little-endian Chinese text by where its NUL bytes fall", () => {
    expect(decodeText(Buffer.from(REPORT_LINE, "utf16le"), "le.txt")).toBe(REPORT_LINE);
  });

  it("decodes big-endian Chinese text", () => {
    expect(decodeText(utf16be(REPORT_LINE), "be.txt")).toBe(REPORT_LINE);
  });

  it("decodes little-endian English text", () => {
    expect(decodeText(Buffer.from("Industrial output grew 6.2%.\n", "utf16le"), "en.txt")).toBe("Industrial output grew 6.2%.\n");
  });

  it("still calls binary data with NUL bytes on both sides binary", () => {
    const elfHeader = [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x03];
    expect(reasonOf(() => decodeText(new Uint8Array(elfHeader), "binary.txt"))).toBe("binary");
  });

  it("still calls little-endian numbers (NULs on one side, control characters when decoded) binary", () => {
    const counters = new Uint8Array(Uint16Array.from({ length: 64 }, (_, i) => i % 20).buffer);
    expect(reasonOf(() => decodeText(counters, "counters.txt"))).toBe("binary");
  });
});

describe("HTML <meta charset>", () => {
  it("finds <meta charset> and the http-equiv Content-Type form", () => {
    expect(declaredHtmlCharset(Buffer.from('<html><head><meta charset="windows-1252"></head>'))).toBe("windows-1252");
    expect(declaredHtmlCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=big5">'))).toBe("big5");
    expect(declaredHtmlCharset(Buffer.from("<html><body>no declaration</body></html>"))).toBeUndefined();
  });

  it("decodes a windows-1252 page as it declares (not as GB18030)", async () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from("</title></head><body><p>Le caf"),
      Buffer.from([0xe9]),
      Buffer.from(" co"),
      Buffer.from([0xfb]),
      Buffer.from("te 3 francs.</p></body></html>"),
    ]);
    expect(await loadHtml(page, "cafe.html")).toMatchObject({ title: "Café", text: "Le café coûte 3 francs." });
  });

  it("decodes a Big5 page declared with http-equiv", async () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body><p>'),
      encodeBig5("四川工業增加值增長6.2%。"),
      Buffer.from("</p></body></html>"),
    ]);
    expect((await loadHtml(page, "big5.html")).text).toBe("四川工業增加值增長6.2%。");
  });

  it("lets a byte order mark win over the declaration", async () => {
    const page = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="big5"><p>四川</p>')]);
    expect((await loadHtml(page, "bom.html")).text).toBe("四川");
  });

  it("ignores an unknown charset and falls back to UTF-8", async () => {
    expect((await loadHtml(Buffer.from('<meta charset="klingon"><p>四川</p>'), "x.html")).text).toBe("四川");
  });
});
