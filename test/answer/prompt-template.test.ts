import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPrompt, placeholdersOf, renderPrompt } from "../../src/answer/prompt-template.js";

const promptsDir = fileURLToPath(new URL("../../prompts", import.meta.url));

describe("renderPrompt", () => {
  it("replaces every placeholder with its value", () => {
    expect(renderPrompt("问题：{{question}}\n{{ passages }}", { question: "增长多少？", passages: "[1] 文本" })).toBe("问题：增长多少？\n[1] 文本");
  });

  it("throws when a placeholder has no value", () => {
    expect(() => renderPrompt("{{question}} {{passages}}", { question: "q" })).toThrow(/no value for \{\{passages\}\}/);
  });

  it("throws when a value has no placeholder", () => {
    expect(() => renderPrompt("{{question}}", { question: "q", errors: "e" })).toThrow(/no placeholder for errors/);
  });

  it("leaves placeholder-like text inside values alone", () => {
    expect(renderPrompt("A {{passages}} B {{question}}", { passages: "{{question}}", question: "q" })).toBe("A {{question}} B q");
  });
});

describe("shipped prompts", () => {
  it("load without their maintainer comments and have the expected placeholders", async () => {
    for (const language of ["zh", "en"]) {
      const answer = await loadPrompt(`answer.${language}`, promptsDir);
      const repair = await loadPrompt(`repair.${language}`, promptsDir);
      expect(answer).not.toContain("<!--");
      expect(placeholdersOf(answer).sort()).toEqual(["constraints", "passages"]);
      expect(placeholdersOf(repair).sort()).toEqual(["errors", "previous", "question"]);
    }
  });

  it("include the sentence-id prompts with the same placeholders", async () => {
    for (const language of ["zh", "en"]) {
      expect(placeholdersOf(await loadPrompt(`answer-ids.${language}`, promptsDir)).sort()).toEqual(["constraints", "passages"]);
      expect(placeholdersOf(await loadPrompt(`repair-ids.${language}`, promptsDir)).sort()).toEqual(["errors", "previous", "question"]);
    }
  });

  it("throws a clear error for a missing template", async () => {
    await expect(loadPrompt("answer.fr", promptsDir)).rejects.toThrow(/Cannot read prompt template "answer.fr"/);
  });
});
