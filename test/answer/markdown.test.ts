import { describe, expect, it } from "vitest";
import { emphasisToHtml, withoutEmphasis } from "../../src/answer/verify/markdown.js";
import { escapeHtml } from "../../src/bot/render/escape-html.js";

describe("withoutEmphasis", () => {
  it("removes bold, italic and code markers and keeps their text", () => {
    expect(withoutEmphasis("增长**6.2%**，__稳__，*快*，`x`")).toBe("增长6.2%，稳，快，x");
  });

  it("keeps asterisks and underscores that are not emphasis", () => {
    expect(withoutEmphasis("2*3 与 file_name 与 a * b")).toBe("2*3 与 file_name 与 a * b");
  });
});

describe("emphasisToHtml", () => {
  it("turns emphasis into tags and escapes everything else", () => {
    expect(emphasisToHtml("**<6.2%>** & *快*", escapeHtml)).toBe("<b>&lt;6.2%&gt;</b> &amp; <i>快</i>");
  });
});
