import { describe, expect, it } from "vitest";
import { stripInvisible } from "../../src/text/strip-invisible.js";

const QUESTION = "2024年上半年四川规模以上工业增加值同比增长多少？";

describe("stripInvisible", () => {
  it("removes bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks", () => {
    expect(stripInvisible(`\u202e${QUESTION}\u202c`)).toBe(QUESTION);
    expect(stripInvisible(`\u2067\u202a增长\u2069\u200f6.2%\u200e\u061c`)).toBe("增长6.2%");
  });

  it("removes zero-width characters, word joiners, the BOM and soft hyphens", () => {
    expect(stripInvisible("增\u200b长\u200c6\u200d.\u20602\ufeff%\u00ad")).toBe("增长6.2%");
  });

  it("removes terminal escape sequences: colours, cursor moves, titles and hyperlinks", () => {
    expect(stripInvisible(`\u001b[1;31m${QUESTION}\u001b[0m`)).toBe(QUESTION);
    expect(stripInvisible("\u001b[2K\u001b[1A增长")).toBe("增长");
    expect(stripInvisible("\u001b]0;title\u0007增长\u001b]8;;https://example.org\u001b\\6.2%\u001b]8;;\u001b\\")).toBe("增长6.2%");
    expect(stripInvisible("\u009b31m增长")).toBe("增长");
  });

  it("removes other control characters but keeps tabs and line breaks", () => {
    expect(stripInvisible("a\u0000b\u0007c\u007f\td\ne\r\nf\u000cg")).toBe("abc\td\ne\r\nf\u000cg");
  });

  it("leaves ordinary text, full-width punctuation and watermark glyphs alone", () => {
    const text = "全省规模以上工业增加值同比增长6◆■.2%，“一企一专班”（试行）。Growth: 6.2%!";
    expect(stripInvisible(text)).toBe(text);
  });
});
