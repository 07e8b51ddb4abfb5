import { copyFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { collectionOfPath } from "../access/collection.js";
import { visibleDocuments } from "../access/scope.js";
import { answerQuestion } from "../answer/answer-question.js";
import { createAnswerabilityJudge, fittedAnswerableThreshold } from "../answer/extractive/answerability.js";
import { warmWordKnowledgeInBackground } from "../lexicon/warm-up.js";
import { createExtractiveAnswerer } from "../answer/extractive/extractive-answerer.js";
import type { Answer, Answerer } from "../answer/types.js";
import type { Config } from "../config.js";
import { createEmbedder } from "../embed/create-embedder.js";
import type { Embedder } from "../embed/types.js";
import { IndexError, IngestError } from "../errors.js";
import { DEFAULT_CHUNK_OPTIONS, loadDocumentFromBytes, SUPPORTED_EXTENSIONS } from "../ingest/index.js";
import type { Logger } from "../logger.js";
import { retrieve } from "../retrieve/retrieve.js";
import type { RetrievedPassage } from "../retrieve/types.js";
import { createLiveIndex } from "../store/live-index.js";
import type { IndexProgress, KnowledgeIndex } from "../store/types.js";
import { scrubSecretsInFields } from "../secrets/scrub-secrets.js";
import type { BuildStatus } from "../store/build-status.js";
import { openConversation } from "./open-conversation.js";
import { describeRejectedQuestion, prepareQuestion } from "./question-input.js";
import { usesLanguageModel } from "./uses-language-model.js";
import { createMessageReader, reusingPassages, withReading } from "./read-message.js";
import type { KnowledgeServices } from "./services.js";

/** The repository's prompts/ folder, found relative to this file so scripts work from any cwd. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL("../../prompts", import.meta.url));

/** KnowledgeServices plus the handles the eval and benchmarks need. */
export interface AppServices extends KnowledgeServices {
  /** The index generation answering questions now (undefined before the first build). */
  index(): KnowledgeIndex | undefined;
  readonly embedder: Embedder;
  readonly answerer: Answerer;
  /**
   * Hybrid retrieval exactly as `ask` runs it, with `topK` passages, best first.
   * @throws IndexError "missing" when no index is loaded.
   */
  search(query: string, topK: number): Promise<RetrievedPassage[]>;
  /** Why vector search is off (index built with another embedder), with the fix; else undefined. */
  embedderMismatch(): string | undefined;
}

/**
 * Builds the product's services from config: embedder, live index (built on first use),
 * answerers (LLM when an endpoint is configured, extractive otherwise and as the fallback).
 * `onFirstBuild` receives progress when no index exists yet and one is built now.
 */
export async function createKnowledgeServices(options: {
  config: Config;
  logger: Logger;
  embedder?: Embedder;
  promptsDir?: string;
  onFirstBuildProgress?: (progress: IndexProgress) => void;
  /** Called when another process is building the first index and we wait for it. */
  onWaitForBuild?: (builder: BuildStatus | undefined) => void;
  /**
   * Load the word resources (jieba, CC-CEDICT, word relatedness; a few seconds of CPU) in the
   * background as soon as the services exist, so the first question does not wait for them.
   * Default false (tests and one-off scripts that never ask skip the cost); the bot, the terminal
   * chat and the fleet's answer threads turn it on.
   */
  warmWordKnowledge?: boolean;
}): Promise<AppServices> {
  const { config, logger } = options;
  const embedder = options.embedder ?? (await createEmbedder({ config: config.embeddings, llm: config.llm, logger }));
  const live = createLiveIndex({
    dataDir: config.dataDir,
    knowledgeDir: config.knowledgeDir,
    embedder,
    chunkOptions: { ...DEFAULT_CHUNK_OPTIONS, targetChars: config.chunkTargetChars },
    maxFileBytes: config.maxUploadBytes,
    logger,
  });
  if (!live.current()) {
    try {
      await live.loadOrBuild({ onProgress: options.onFirstBuildProgress, onWait: options.onWaitForBuild });
    } catch (error) {
      // An empty knowledge folder must not stop the bot: admins can still upload the first report.
      if (!(error instanceof IndexError && error.reason === "nothing_indexed")) throw error;
      logger.warn({ knowledgeDir: config.knowledgeDir }, error.message);
    }
  }

  const stopWarming = options.warmWordKnowledge
    ? warmWordKnowledgeInBackground({
        onDone: (milliseconds) => logger.debug({ milliseconds: Math.round(milliseconds) }, "word knowledge loaded"),
        onError: (error) => logger.warn({ err: error }, "word knowledge failed to load; the first question will retry"),
      })
    : () => {};

  const answerableThreshold = config.answerableThreshold ?? fittedAnswerableThreshold();
  const extractive = createExtractiveAnswerer({ answerableThreshold });
  const useLlm = usesLanguageModel(config);
  // Imported only with a model configured: the openai client costs ~13 MB and ~0.1 s of start-up.
  const answerer = useLlm
    ? (await import("../answer/llm-answerer.js")).createLlmAnswerer({
        baseUrl: config.llm.baseUrl,
        apiKey: config.llm.apiKey,
        model: config.llm.model,
        timeoutMs: config.llm.timeoutMs,
        maxRetries: config.llm.maxRetries,
        citations: config.llm.citations,
        promptsDir: options.promptsDir ?? DEFAULT_PROMPTS_DIR,
        logger,
      })
    : extractive;
  logger.info({ answerer: answerer.mode, model: useLlm ? config.llm.model : undefined }, `answerer: ${answerer.mode}`);

  const currentIndex = (): KnowledgeIndex => {
    const index = live.current();
    if (!index) throw new IndexError("No index is loaded yet; run `npm run index`.", "missing", config.dataDir);
    return index;
  };

  const search = (query: string, topK: number) => searchIn(currentIndex(), query, topK);
  const searchIn = (index: KnowledgeIndex, query: string, topK: number, collections?: ReadonlySet<string>) => {
    return retrieve({
      index,
      embedder,
      question: query,
      // Never query vectors of one model with another: keyword-only until re-indexed.
      settings: { topK, fusion: config.fusion, useVectors: index.manifest.embedder.id === embedder.id, collections },
    });
  };

  const reader = createMessageReader({
    retrieve: (index, question, collections) => searchIn(index, question, config.topK, collections),
    answerExtractively: (index, question, collections) =>
      answerQuestion({ question, retrieve: (text) => searchIn(index, text, config.topK, collections), answerer: extractive, fallback: extractive, logger }),
  });

  const ask: KnowledgeServices["ask"] = async (question, askOptions) => {
    const input = prepareQuestion(question, config.maxQuestionChars);
    if (!input.ok) return refusal(question, answerer.mode, describeRejectedQuestion(input));
    // One generation per answer: a swap while it runs does not mix passages of two generations.
    const index = live.current();
    if (!index) {
      return refusal(question, answerer.mode, "No documents are indexed yet; an admin can upload one or run the re-index. / 还没有索引任何文档，请管理员上传文档或重建索引。");
    }
    const modelAllowed = useLlm && !askOptions?.extractiveOnly;
    const collections = askOptions?.collections;
    const documents = visibleDocuments(index.manifest.documents, collections ?? "all");
    // Small talk gets its short reply (naming the documents the chat may see); a question is read
    // as Simplified with its typos corrected.
    const reading = await reader.read({ message: input.question, index, documents, mode: answerer.mode, collections });
    if (reading.kind === "small_talk") return { ...reading.answer, generationId: index.manifest.generationId };
    const answer = await answerQuestion({
      question: reading.question,
      retrieve: reusingPassages(reading, (text) => searchIn(index, text, config.topK, collections)),
      // No gate here: each answerer decides "not in the reports" itself — the extractive one by
      // its strict word-matching rule (also when it stands in for a failed model), a model by its
      // prompt (it can recognise a paraphrase) — and the verifier proves every quote either way.
      answerer: modelAllowed ? answerer : extractive,
      fallback: extractive,
      // With a model, the model judges; the fitted decision only logs where it would differ.
      judgeAnswerability: modelAllowed ? createAnswerabilityJudge(answerableThreshold) : undefined,
      logger,
      onPartialText: askOptions?.onPartialText,
      signal: askOptions?.signal,
    });
    // Servers echo keys in their errors, which reach the user through `error` and `fallbackReason`.
    const scrubbed = scrubSecretsInFields(answer, ["error", "fallbackReason", "verificationErrors"], [config.llm.apiKey, config.telegramBotToken, config.webhook?.secret]);
    return { ...withReading(scrubbed, input.question, reading), generationId: index.manifest.generationId };
  };

  const knowledgePath = (relativePath: string) => resolve(config.knowledgeDir, relativePath);

  return {
    embedder,
    answerer,
    index: () => live.current(),
    search,
    embedderMismatch: () => live.embedderMismatch()?.message,
    ask,
    conversation: openConversation({ config, logger, ask, useModel: useLlm, promptsDir: options.promptsDir ?? DEFAULT_PROMPTS_DIR, index: () => live.current() }),
    listDocuments: () => live.current()?.manifest.documents ?? [],
    currentGenerationId: () => live.current()?.manifest.generationId,
    reindex: (reindexOptions) => live.reindex({ onProgress: reindexOptions?.onProgress }),
    isReindexing: () => live.isReindexing(),

    async addDocument(fileName, bytes, addOptions) {
      const name = safeFileName(fileName);
      const extension = extname(name).toLowerCase();
      if (!SUPPORTED_EXTENSIONS.includes(extension)) {
        throw new IngestError(
          `Unsupported file type "${extension || "(none)"}"; supported: ${SUPPORTED_EXTENSIONS.join(" ")}`,
          "unsupported",
          name,
        );
      }
      if (live.isReindexing()) throw new IndexError("A re-index is already running; try again shortly.", "busy", config.dataDir);
      // Parse before touching the knowledge folder: a bad file must change nothing.
      await loadDocumentFromBytes({ bytes, relativePath: name, maxBytes: config.maxUploadBytes });
      const target = knowledgePath(name);
      const backup = `${target}.previous`;
      const existed = await exists(target);
      if (existed) await copyFile(target, backup);
      const temporary = `${target}.uploading`;
      await writeFile(temporary, bytes);
      await rename(temporary, target);
      try {
        return await live.reindex({ onProgress: addOptions?.onProgress });
      } catch (error) {
        // Put the folder back as it was so the next re-index does not pick up a half-added file.
        if (existed) await rename(backup, target);
        else await rm(target, { force: true });
        throw error;
      } finally {
        await rm(backup, { force: true });
      }
    },

    async removeDocument(nameOrId) {
      const wanted = nameOrId.trim().toLowerCase();
      const document = (live.current()?.manifest.documents ?? []).find((candidate) =>
        [candidate.id, candidate.relativePath, basename(candidate.relativePath), candidate.title].some(
          (key) => key.toLowerCase() === wanted,
        ),
      );
      if (!document) return undefined;
      if (live.isReindexing()) throw new IndexError("A re-index is already running; try again shortly.", "busy", config.dataDir);
      // An index is never built empty, so removing the last document would leave it serving.
      if ((live.current()?.manifest.documents.length ?? 0) <= 1) {
        throw new IndexError(`"${document.title}" is the only document; upload another before removing it.`, "nothing_indexed", config.dataDir);
      }
      await rm(knowledgePath(document.relativePath), { force: true });
      return live.reindex();
    },

    getPassage(chunkId) {
      const index = live.current();
      const chunk = index?.getChunks([chunkId])[0];
      if (!index || !chunk) return undefined;
      const document = index.manifest.documents.find((candidate) => candidate.id === chunk.documentId);
      // A chunk whose document the manifest does not list belongs to no collection anyone is granted.
      const collection = document ? collectionOfPath(document.relativePath) : "";
      const passage: NonNullable<ReturnType<KnowledgeServices["getPassage"]>> = { chunk, documentText: index.getDocumentText(chunk.documentId), collection };
      // A table row's 原文 view shows its whole table (issue 14).
      const table = chunk.tableRow ? index.getDocumentTables?.(chunk.documentId)?.[chunk.tableRow.table] : undefined;
      if (table) passage.table = table;
      return passage;
    },

    close: () => {
      stopWarming();
      return live.close();
    },
  };
}

/** A failed Answer for a question that cannot be asked at all, with the reason for the user. */
function refusal(question: string, mode: Answer["mode"], error: string): Answer {
  return { status: "failed", mode, text: "", citations: [], timings: { retrieveMs: 0, answerMs: 0 }, question, retrieved: [], error };
}

/** Keeps only the file's own name, without folders or control characters. */
function safeFileName(fileName: string): string {
  const name = basename(fileName.replace(/\\/g, "/")).replace(/[\u0000-\u001f]/gu, "").trim();
  if (name === "" || name.startsWith(".")) throw new IngestError(`Unusable file name "${fileName}"`, "unsupported", fileName);
  return name;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

