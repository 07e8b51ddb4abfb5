import { copyFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLexicalEmbedder } from "../../src/embed/lexical-embedder.js";
import { retrieve } from "../../src/retrieve/retrieve.js";
import { buildIndex } from "../../src/store/build-index.js";
import { openIndex } from "../../src/store/open-index.js";
import type { KnowledgeIndex } from "../../src/store/types.js";
import { buildOptions, makeWorkspace } from "../store/helpers.js";

const FIXTURE = resolve(import.meta.dirname, "../fixtures/ingest/structure/nanjing-2021-2024-compilation.txt");

describe("passages of a compilation carry their part's period", () => {
  const workspace = makeWorkspace();
  let index: KnowledgeIndex;

  beforeAll(async () => {
    copyFileSync(FIXTURE, join(workspace.knowledgeDir, "nanjing-2021-2024.txt"));
    await buildIndex(buildOptions(workspace));
    index = openIndex({ dataDir: workspace.dataDir })!;
  });

  afterAll(() => {
    index.close();
    workspace.cleanup();
  });

  it("a passage from the 2022 bulletin says 2022 (its part), not the compilation's 2021–2024", async () => {
    const passages = await retrieve({ index, embedder: createLexicalEmbedder(), question: "年末全市常住人口949.11万人", settings: { topK: 3 } });
    expect(passages[0]!.chunk.text).toContain("949.11万");
    expect(passages[0]!.document).toMatchObject({ place: "南京市", period: { year: 2022 } });
    expect(passages[0]!.document!.parts).toBeUndefined();
  });

  it("去年 asked of the 2023 bulletin's passage is resolved against 2023", async () => {
    const passages = await retrieve({ index, embedder: createLexicalEmbedder(), question: "去年年末全市常住人口954.70万人", settings: { topK: 3 } });
    expect(passages[0]!.chunk.text).toContain("954.70万");
    expect(passages[0]!.reportingPeriod).toEqual({ year: 2023 });
  });
});
