import { resolve } from "node:path";

/** Where the CMRC 2018 trial split lives, relative to the repository root. */
export const CMRC_RELATIVE_PATH = "../shared/datasets/cmrc2018/cmrc2018_trial.json";

/**
 * The held-out-article protocol's default: the passages of every 6th article (in file order) are
 * left out of the index, so the questions about them are unanswerable (~15% of the trial's).
 */
export const DEFAULT_HELD_OUT_EVERY = 6;

/** One CMRC passage with its questions; the passage becomes the document `<id>.txt`. */
export interface CmrcPassage {
  id: string;
  /** 0-based position of the passage's article in the file (held-out splits are by article). */
  articleIndex: number;
  context: string;
  questions: CmrcQuestion[];
}

/** One CMRC question with its gold answer spans. */
export interface CmrcQuestion {
  id: string;
  passageId: string;
  question: string;
  answers: string[];
}

/** Returns the default dataset path for a repository root. */
export function defaultCmrcPath(repoRoot: string): string {
  return resolve(repoRoot, CMRC_RELATIVE_PATH);
}

/**
 * Returns the passages of a SQuAD-format CMRC file (`data[].paragraphs[].context/qas`).
 * @throws Error when the shape is not SQuAD-like.
 */
export function parseCmrc(data: unknown): CmrcPassage[] {
  const articles = (data as { data?: unknown }).data;
  if (!Array.isArray(articles)) throw new Error("CMRC file has no data[] array");
  const passages: CmrcPassage[] = [];
  (articles as Array<{ paragraphs?: unknown }>).forEach((article, articleIndex) => {
    for (const paragraph of (article.paragraphs ?? []) as Array<{ id?: string; context?: string; qas?: unknown }>) {
      if (typeof paragraph.context !== "string" || typeof paragraph.id !== "string") continue;
      const passageId = paragraph.id;
      const questions = ((paragraph.qas ?? []) as Array<{ id?: string; question?: string; answers?: Array<{ text?: string }> }>)
        .filter((qa) => typeof qa.question === "string")
        .map((qa, index) => ({
          id: qa.id ?? `${passageId}_${index}`,
          passageId,
          question: qa.question ?? "",
          answers: (qa.answers ?? []).map((answer) => answer.text ?? "").filter((text) => text.trim() !== ""),
        }));
      passages.push({ id: passageId, articleIndex, context: paragraph.context, questions });
    }
  });
  return passages;
}

/**
 * Returns a file-system-safe document name for a passage id; it is also the document's title,
 * which the eval and training compare with the cited document's. Dots, because a file-name title
 * reads `_` and a letter's `-` as spaces (TRIAL_800 would be titled "TRIAL 800").
 */
export function passageFileTitle(passageId: string): string {
  return passageId.replace(/[^A-Za-z0-9]+/gu, ".");
}

/** Returns every question, or `limit` of them spread evenly over the dataset (deterministic). */
export function sampleQuestions(passages: readonly CmrcPassage[], limit?: number): CmrcQuestion[] {
  const all = passages.flatMap((passage) => passage.questions);
  if (limit === undefined || limit >= all.length) return all;
  const step = all.length / limit;
  return Array.from({ length: limit }, (_, index) => all[Math.floor(index * step)]).filter(
    (question): question is CmrcQuestion => question !== undefined,
  );
}

/**
 * Returns true when the article at `articleIndex` (0-based) is left out of the index: every
 * `every`-th article in file order (the 6th, 12th… for 6), offset by `offset` (0..every-1) so
 * training can rotate which articles are held out. `every` 0 holds nothing out.
 */
export function isHeldOut(articleIndex: number, every: number, offset = 0): boolean {
  if (every <= 0) return false;
  return (articleIndex + 1 + offset) % every === 0;
}
