import { describe, expect, it } from "vitest";
import { createLexicalEmbedder, embedLexical, fnv1a } from "../../src/embed/lexical-embedder.js";

const GROWTH_SENTENCE =
  "2024年上半年,全省规模以上工业增加值同比增长6.2%、六大优势产业增加值同比增长6.6%、规模以上高技术制造业增加值同比增长6.9%。";
const UNRELATED_SENTENCE = "人工智能加速赋能新型工业化,智慧医疗居全国第4位、智慧金融居全国第5位,成都超算中心计算能力进入全球前10。";
const QUESTION = "2024年上半年规模以上工业增加值增长多少";

const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
const norm = (vector: number[]) => Math.sqrt(dot(vector, vector));

describe("createLexicalEmbedder", () => {
  it("returns the same vector for the same text every time", async () => {
    const embedder = createLexicalEmbedder();
    const [first] = await embedder.embedDocuments([GROWTH_SENTENCE]);
    expect(await embedder.embedQuery(GROWTH_SENTENCE)).toEqual(first);
    await expect(createLexicalEmbedder().embedQuery(GROWTH_SENTENCE)).resolves.toEqual(first);
  });

  it("returns plain arrays of the configured length with unit L2 norm", async () => {
    const embedder = createLexicalEmbedder({ dimension: 256 });
    const vectors = await embedder.embedDocuments([GROWTH_SENTENCE, "GDP grew 5.0% in 2024", "的", ""]);
    for (const vector of vectors) {
      expect(Array.isArray(vector)).toBe(true);
      expect(vector).toHaveLength(256);
      expect(norm(vector)).toBeCloseTo(1, 10);
    }
  });

  it("scores the 6.2% sentence above an unrelated one for a question about 规模以上工业增加值", async () => {
    const embedder = createLexicalEmbedder();
    const [growth, unrelated] = await embedder.embedDocuments([GROWTH_SENTENCE, UNRELATED_SENTENCE]);
    const question = await embedder.embedQuery(QUESTION);
    expect(dot(question, growth!)).toBeGreaterThan(0.3);
    expect(dot(question, growth!)).toBeGreaterThan(dot(question, unrelated!) + 0.2);
  });

  it("names the vector space by algorithm version and dimension", () => {
    expect(createLexicalEmbedder().id).toBe("lexical:hashed-ngrams-v2:512");
    expect(createLexicalEmbedder({ dimension: 1024 })).toMatchObject({ id: "lexical:hashed-ngrams-v2:1024", dimension: 1024 });
  });

  it("reports progress once per slice and ends at the total", async () => {
    const calls: Array<[number, number]> = [];
    const texts = Array.from({ length: 2500 }, (_, i) => `第${i}段`);
    await createLexicalEmbedder().embedDocuments(texts, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
  });

  it("rejects a dimension that is not a positive integer", () => {
    expect(() => createLexicalEmbedder({ dimension: 0 })).toThrow(RangeError);
  });
});

describe("embedLexical", () => {
  it("keeps a vector independent of any other text (no corpus statistics)", () => {
    expect(embedLexical(GROWTH_SENTENCE)).toEqual(embedLexical(GROWTH_SENTENCE));
  });

  it("tells 6.2% and 62% apart", () => {
    expect(embedLexical("增长6.2%")).not.toEqual(embedLexical("增长62%"));
  });
});

describe("fnv1a", () => {
  it("matches the published FNV-1a 32-bit test vectors", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });
});
