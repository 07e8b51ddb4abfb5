import { describe, expect, it } from "vitest";
import { EvalUsageError, parseEvalArgs } from "../../src/eval/eval-args.js";

describe("parseEvalArgs", () => {
  it("defaults to one run with CMRC when present and misses printed", () => {
    expect(parseEvalArgs([])).toEqual({ help: false, cmrc: undefined, overrides: {}, rows: "misses" });
  });

  it("reads the CMRC flags", () => {
    expect(parseEvalArgs(["--no-cmrc"]).cmrc).toBe(false);
    expect(parseEvalArgs(["--cmrc", "--cmrc-limit", "200", "--cmrc-path", "x.json"])).toMatchObject({
      cmrc: true,
      cmrcLimit: 200,
      cmrcPath: "x.json",
    });
  });

  it("reads how many CMRC articles to hold out, where 0 holds none out", () => {
    expect(parseEvalArgs(["--cmrc-held-out-every", "6"]).cmrcHeldOutEvery).toBe(6);
    expect(parseEvalArgs(["--cmrc-held-out-every", "0"]).cmrcHeldOutEvery).toBe(0);
    expect(() => parseEvalArgs(["--cmrc-held-out-every", "-1"])).toThrow(EvalUsageError);
  });

  it("turns --chunk-size, --answerer and --set into configuration overrides", () => {
    expect(parseEvalArgs(["--chunk-size", "160", "--answerer", "extractive", "--set", "FUSION=blend"]).overrides).toEqual({
      CHUNK_TARGET_CHARS: "160",
      ANSWERER: "extractive",
      FUSION: "blend",
    });
  });

  it("reads a chunk-size sweep and a generic sweep", () => {
    expect(parseEvalArgs(["--sweep-chunk-size", "120,160, 220"]).sweep).toEqual({ key: "CHUNK_TARGET_CHARS", values: ["120", "160", "220"] });
    expect(parseEvalArgs(["--sweep", "ANSWERABLE_THRESHOLD=0.3,0.45"]).sweep).toEqual({ key: "ANSWERABLE_THRESHOLD", values: ["0.3", "0.45"] });
  });

  it("reads --compare with two files", () => {
    expect(parseEvalArgs(["--compare", "a.json", "b.json"]).compare).toEqual(["a.json", "b.json"]);
  });

  it("rejects unknown flags, missing values and malformed numbers with a one-line message", () => {
    expect(() => parseEvalArgs(["--fast"])).toThrow(EvalUsageError);
    expect(() => parseEvalArgs(["--compare", "a.json"])).toThrow("--compare needs a value");
    expect(() => parseEvalArgs(["--chunk-size", "abc"])).toThrow('--chunk-size needs a positive whole number, got "abc"');
    expect(() => parseEvalArgs(["--sweep-chunk-size", "120,0"])).toThrow(EvalUsageError);
    expect(() => parseEvalArgs(["--set", "lower=1"])).toThrow(EvalUsageError);
  });
});
