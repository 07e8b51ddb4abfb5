import { describe, expect, it } from "vitest";
import { formatCrossValidation, parseTrainArgs, runTrainCommand, TrainUsageError } from "../../../src/eval/training/train-command.js";

describe("parseTrainArgs", () => {
  it("reads every flag", () => {
    expect(
      parseTrainArgs(["--cmrc-path", "c.json", "--out", "w.json", "--cache", "r.json", "--folds", "4", "--l2", "0.5", "--hard-negative-share", "0.3", "--extra-ratio", "0.1", "--paraphrase-share", "0.15", "--cut-off", "0.45"]),
    ).toEqual({ help: false, cmrcPath: "c.json", out: "w.json", cache: "r.json", folds: 4, l2: 0.5, hardNegativeShare: 0.3, extraRatio: 0.1, paraphraseShare: 0.15, cutOff: 0.45 });
    expect(parseTrainArgs(["--cut-off", "youden"]).cutOff).toBe("youden");
  });

  it("rejects unknown flags and out-of-range values with one line", () => {
    expect(() => parseTrainArgs(["--fast"])).toThrow(TrainUsageError);
    expect(() => parseTrainArgs(["--folds", "1"])).toThrow("--folds needs a whole number of at least 2");
    expect(() => parseTrainArgs(["--cut-off", "1"])).toThrow("--cut-off needs a probability between 0 and 1, or youden");
    expect(() => parseTrainArgs(["--hard-negative-share", "2"])).toThrow("--hard-negative-share needs a number from 0 to 1");
    expect(() => parseTrainArgs(["--out"])).toThrow("--out needs a value");
  });
});

describe("runTrainCommand", () => {
  it("prints usage for --help", async () => {
    const printed: string[] = [];
    expect(await runTrainCommand(parseTrainArgs(["--help"]), { repoRoot: "/", env: {}, createServices: () => Promise.reject(new Error("unused")), print: (text) => printed.push(text) })).toBe(0);
    expect(printed.join("\n")).toMatch(/^Usage: npm run train/u);
  });

  it("says where the dataset was expected when it is missing", async () => {
    await expect(
      runTrainCommand(parseTrainArgs(["--cmrc-path", "/nonexistent/cmrc.json"]), { repoRoot: "/", env: {}, createServices: () => Promise.reject(new Error("unused")), print: () => {} }),
    ).rejects.toThrow("CMRC 2018 not found at /nonexistent/cmrc.json (use --cmrc-path)");
  });
});

describe("formatCrossValidation", () => {
  it("prints the protocol's figures", () => {
    const text = formatCrossValidation({
      folds: 5, questions: 10, answerable: 8, unanswerable: 2, auc: 0.97, answered: 0.9, notFoundRecall: 0.85, notFoundPrecisionBalanced: 0.9,
      docHit: 0.88, spanHit: 0.7, sentenceTop1: 0.6, sentenceChosen: 0.7, threshold: 0.5, hardNegatives: 3, hardNegativeRecall: 0.67,
      paraphrases: 4, paraphrasesAnswered: 0.75, paraphraseSpanHit: 0.5,
    });
    expect(text).toContain("answered 0.900  not-found recall 0.850  not-found precision (balanced) 0.900");
    expect(text).toContain("rewritten questions answered 0.750, with the answer quoted 0.500 (4)");
  });
});
