/** Finds the programs that read scanned pages: poppler's pdftoppm and tesseract with Chinese data. */
import { execFile } from "node:child_process";
import { access, constants } from "node:fs/promises";
import { delimiter, join } from "node:path";

/** The OCR programs, by path. */
export interface OcrTools {
  pdftoppm: string;
  tesseract: string;
  /** Tesseract language data used, e.g. `chi_sim+eng` or `chi_sim`. */
  languages: string;
}

/** Why OCR cannot run, in words for the index summary. */
export interface OcrUnavailable {
  missing: string;
}

/** The command that installs what OCR needs on Debian and Ubuntu. */
export const OCR_INSTALL_COMMAND = "apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils";

/**
 * Returns the OCR tools found for `env`, or what is missing. `TESSERACT_BIN` and `PDFTOPPM_BIN`
 * name the programs (a path, or a name looked up in `env.PATH`); without them `tesseract` and
 * `pdftoppm` are looked up in `env.PATH`. Tesseract must list the `chi_sim` language. Results are
 * cached per (PATH, TESSERACT_BIN, PDFTOPPM_BIN). Never throws.
 */
export async function findOcrTools(env: NodeJS.ProcessEnv = process.env): Promise<OcrTools | OcrUnavailable> {
  const key = [env.PATH, env.TESSERACT_BIN, env.PDFTOPPM_BIN].join("\u0000");
  let found = cache.get(key);
  if (!found) {
    found = lookUp(env);
    cache.set(key, found);
  }
  return found;
}

const cache = new Map<string, Promise<OcrTools | OcrUnavailable>>();

async function lookUp(env: NodeJS.ProcessEnv): Promise<OcrTools | OcrUnavailable> {
  const tesseract = await findProgram(env.TESSERACT_BIN || "tesseract", env.PATH ?? "");
  const pdftoppm = await findProgram(env.PDFTOPPM_BIN || "pdftoppm", env.PATH ?? "");
  const missing: string[] = [];
  if (!tesseract) missing.push("tesseract");
  if (!pdftoppm) missing.push("pdftoppm (poppler-utils)");
  if (!tesseract || !pdftoppm) return { missing: `${missing.join(" and ")} not found` };
  const languages = await listLanguages(tesseract);
  if (!languages.includes("chi_sim")) return { missing: "tesseract has no chi_sim language data" };
  return { tesseract, pdftoppm, languages: languages.includes("eng") ? "chi_sim+eng" : "chi_sim" };
}

async function findProgram(name: string, path: string): Promise<string | undefined> {
  const candidates = name.includes("/") ? [name] : path.split(delimiter).filter(Boolean).map((folder) => join(folder, name));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next folder
    }
  }
  return undefined;
}

function listLanguages(tesseract: string): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(tesseract, ["--list-langs"], { timeout: 10_000 }, (error, stdout, stderr) => {
      if (error) return resolve([]);
      resolve(`${stdout}\n${stderr}`.split(/\s+/u).filter(Boolean));
    });
  });
}
