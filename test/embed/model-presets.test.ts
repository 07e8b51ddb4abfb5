import { describe, expect, it } from "vitest";
import { DEFAULT_PRESET, formatPassage, formatQuery, resolveModelPreset } from "../../src/embed/model-presets.js";

describe("resolveModelPreset", () => {
  it("gives multilingual-e5-small mean pooling and query:/passage: prefixes", () => {
    const preset = resolveModelPreset("Xenova/multilingual-e5-small");
    expect(preset).toEqual({ pooling: "mean", normalize: true, queryPrefix: "query: ", passagePrefix: "passage: " });
    expect(formatQuery(preset, "增长多少")).toBe("query: 增长多少");
    expect(formatPassage(preset, "同比增长6.2%")).toBe("passage: 同比增长6.2%");
  });

  it("gives bge-small-zh-v1.5 CLS pooling, the retrieval instruction on queries and bare passages", () => {
    const preset = resolveModelPreset("Xenova/bge-small-zh-v1.5");
    expect(preset.pooling).toBe("cls");
    expect(formatQuery(preset, "增长多少")).toBe("为这个句子生成表示以用于检索相关文章：增长多少");
    expect(formatPassage(preset, "同比增长6.2%")).toBe("同比增长6.2%");
  });

  it("defaults an unknown model to mean pooling, normalised, without prefixes", () => {
    expect(resolveModelPreset("someone/unknown-model")).toEqual(DEFAULT_PRESET);
  });

  it("lets defined overrides replace preset fields and ignores undefined ones", () => {
    expect(resolveModelPreset("Xenova/multilingual-e5-small", { pooling: "cls", queryPrefix: undefined })).toEqual({
      pooling: "cls",
      normalize: true,
      queryPrefix: "query: ",
      passagePrefix: "passage: ",
    });
  });
});
