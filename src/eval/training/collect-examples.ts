import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RetrievedPassage } from "../../retrieve/types.js";
import { isHeldOut, parseCmrc, passageFileTitle, type CmrcPassage } from "../cmrc-dataset.js";
import { donorWords, makeHardNegatives, type HardNegative } from "./hard-negatives.js";
import { makeParaphrasePositives, type ParaphrasePositive } from "./paraphrase-positives.js";

/** One CMRC question with what retrieval returned for it in every held-out view. */
export interface CollectedQuestion {
  id: string;
  question: string;
  /** 0-based article position in the dataset file: cross-validation folds group by it. */
  articleIndex: number;
  /** Document title of the gold passage (its file name without extension). */
  goldTitle: string;
  answers: string[];
  /** One entry per view: which articles were left out (offset) and what was retrieved. */
  views: CollectedView[];
  /** Swapped versions of the question that its passage no longer answers (see hard-negatives.ts), searched in one view. */
  hardNegatives: Array<HardNegative & { view: CollectedView }>;
  /** Rewritten versions of the question that its passage still answers (see paraphrase-positives.ts), searched in one view. */
  paraphrases?: Array<ParaphrasePositive & { view: CollectedView }>;
}

/** What one index (one rotation of held-out articles) returned for a question. */
export interface CollectedView {
  /** Rotation: view `offset` leaves out the articles `isHeldOut(articleIndex, every, offset)`. */
  offset: number;
  /** False when the question's own article was left out of this view's index. */
  answerable: boolean;
  passages: RetrievedPassage[];
}

/** A knowledge base built over one view's folder, searched exactly as `ask` searches. */
export interface SearchTarget {
  search: (question: string) => Promise<RetrievedPassage[]>;
  close: () => Promise<void>;
}

/**
 * Builds one index per rotation of the held-out-article protocol (`every` views: view k leaves
 * out every `every`-th article starting at a different one, so each article is held out exactly
 * once) and returns every question with the passages retrieved for it in each view. Questions
 * about a left-out article are the unanswerable examples. Each question's swapped and rewritten
 * versions are searched once, in a view that indexes its article.
 */
export async function collectCmrcQuestions(options: {
  datasetPath: string;
  every: number;
  createTarget: (knowledgeDir: string) => Promise<SearchTarget>;
  onProgress?: (label: string, done: number, total: number) => void;
}): Promise<CollectedQuestion[]> {
  const passages = parseCmrc(JSON.parse(await readFile(options.datasetPath, "utf8")));
  const corpus = passages.map((passage) => passage.context).join("\n");
  const donors = donorWords(corpus);
  const contexts = new Map(passages.map((passage) => [passage.id, passage.context]));
  const questions: Array<CollectedQuestion & { pending: HardNegative[]; pendingParaphrases: ParaphrasePositive[] }> = passages.flatMap((passage) =>
    passage.questions.map((question, index) => ({
      id: question.id,
      question: question.question,
      articleIndex: passage.articleIndex,
      goldTitle: passageFileTitle(passage.id),
      answers: question.answers,
      views: [],
      hardNegatives: [],
      paraphrases: [],
      pending: makeHardNegatives({ question: question.question, context: contexts.get(passage.id) ?? "", donors, seed: passage.articleIndex * 31 + index }),
      pendingParaphrases: makeParaphrasePositives({ question: question.question, context: contexts.get(passage.id) ?? "", seed: passage.articleIndex * 31 + index }),
    })),
  );
  for (let offset = 0; offset < options.every; offset++) {
    const indexed = passages.filter((passage) => !isHeldOut(passage.articleIndex, options.every, offset));
    await withKnowledgeFolder(indexed, async (folder) => {
      const target = await options.createTarget(folder);
      try {
        for (const [position, question] of questions.entries()) {
          question.views.push({
            offset,
            answerable: !isHeldOut(question.articleIndex, options.every, offset),
            passages: await target.search(question.question),
          });
          // Each hard negative is searched once, in a view where its article is indexed.
          if (offset === (question.articleIndex + 1) % options.every) {
            for (const negative of question.pending) {
              question.hardNegatives.push({ ...negative, view: { offset, answerable: false, passages: await target.search(negative.question) } });
            }
            for (const paraphrase of question.pendingParaphrases) {
              question.paraphrases?.push({ ...paraphrase, view: { offset, answerable: true, passages: await target.search(paraphrase.question) } });
            }
          }
          options.onProgress?.(`view ${offset + 1}/${options.every}`, position + 1, questions.length);
        }
      } finally {
        await target.close();
      }
    });
  }
  return questions.map(({ pending: _pending, pendingParaphrases: _paraphrases, ...question }) => question);
}

async function withKnowledgeFolder(passages: readonly CmrcPassage[], use: (folder: string) => Promise<void>): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), "train-cmrc-knowledge-"));
  try {
    await Promise.all(passages.map((passage) => writeFile(join(folder, `${passageFileTitle(passage.id)}.txt`), `${passage.context}\n`, "utf8")));
    await use(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
