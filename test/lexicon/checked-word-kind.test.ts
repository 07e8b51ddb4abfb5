import { describe, expect, it } from "vitest";
import { checkedWordKind } from "../../src/lexicon/checked-word-kind.js";

describe("checkedWordKind", () => {
  it("makes a noun of a word jieba tags as a person name but CC-CEDICT knows only as a common word (智慧, 无人驾驶)", () => {
    expect(checkedWordKind("智慧", "nr")).toBe("noun");
    expect(checkedWordKind("无人驾驶", "nr")).toBe("noun");
  });

  it("keeps places and names the dictionary writes as proper nouns", () => {
    expect(checkedWordKind("四川", "ns")).toBe("place");
    expect(checkedWordKind("李白", "nr")).toBe("name");
  });

  it("keeps a name the dictionary does not know (most names are not in it)", () => {
    expect(checkedWordKind("阮爱馨", "nr")).toBe("name");
  });

  it("leaves other kinds as jieba's tag gives them", () => {
    expect(checkedWordKind("增长", "v")).toBe("verb");
    expect(checkedWordKind("2024", "m")).toBe("number");
  });
});
