import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Embedder } from "../embed/types.js";
import { IndexError } from "../errors.js";
import { writeFileAtomic } from "./atomic-file.js";
import { readCurrentGenerationId } from "./current-pointer.js";
import { MANIFEST_FILE, generationFolder } from "./data-layout.js";
import type { Manifest } from "./types.js";

const periodSchema = z.object({
  year: z.number().int(),
  endYear: z.number().int().optional(),
  part: z.string().optional(),
});

const metadataSchema = z.object({
  title: z.string(),
  place: z.string().optional(),
  issuer: z.string().optional(),
  period: periodSchema.optional(),
  parts: z
    .array(
      z.object({
        fromParagraph: z.number().int(),
        toParagraph: z.number().int(),
        title: z.string().optional(),
        period: periodSchema.optional(),
      }),
    )
    .optional(),
});

const manifestSchema = z.object({
  formatVersion: z.literal(1),
  generationId: z.string().min(1),
  embedder: z.object({ id: z.string().min(1), dimension: z.number().int().positive() }),
  chunkTargetChars: z.number().int().positive(),
  chunkOptions: z
    .object({ targetChars: z.number().int().positive(), overlapSentences: z.number().int().min(0) })
    .optional(),
  ingestVersion: z.number().int().positive().optional(),
  documents: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      relativePath: z.string(),
      format: z.enum(["txt", "md", "html", "pdf", "docx", "xlsx", "csv"]),
      contentHash: z.string(),
      chunks: z.number().int().min(0),
      glyphsRemoved: z.number().int().min(0),
      indexedAt: z.string(),
      metadata: metadataSchema.optional(),
    }),
  ),
  counts: z.object({
    documents: z.number().int().min(0),
    chunks: z.number().int().min(0),
    glyphsRemoved: z.number().int().min(0),
  }),
  builtAt: z.string(),
  buildSeconds: z.number().min(0),
});

/**
 * Returns the manifest stored in a generation folder, or undefined when the folder has none
 * (an incomplete generation).
 * @throws IndexError "corrupt" when the manifest exists but is unreadable or malformed.
 */
export function readGenerationManifest(folder: string, dataDir: string): Manifest | undefined {
  const path = join(folder, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new IndexError(`Index manifest ${path} is unreadable; run \`npm run index\` to rebuild.`, "corrupt", dataDir, {
      cause: error,
    });
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) {
    const problem = result.error.issues[0];
    throw new IndexError(
      `Index manifest ${path} is malformed (${problem?.path.join(".") ?? "?"}: ${problem?.message ?? "?"}); run \`npm run index\` to rebuild.`,
      "corrupt",
      dataDir,
    );
  }
  return result.data;
}

/**
 * Returns the manifest of the generation DATA_DIR/CURRENT points at, or undefined when nothing
 * has been indexed yet.
 * @throws IndexError "corrupt" when CURRENT points at a generation without a valid manifest.
 */
export function readManifest(dataDir: string): Manifest | undefined {
  const generationId = readCurrentGenerationId(dataDir);
  if (generationId === undefined) return undefined;
  const manifest = readGenerationManifest(generationFolder(dataDir, generationId), dataDir);
  if (!manifest) {
    throw new IndexError(
      `${join(dataDir, "CURRENT")} points at generation ${generationId}, which has no manifest; run \`npm run index\` to rebuild.`,
      "corrupt",
      dataDir,
    );
  }
  return manifest;
}

/** Writes a generation's manifest; called last, so its presence marks the generation complete. */
export function writeGenerationManifest(folder: string, manifest: Manifest): void {
  writeFileAtomic(join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Why the index's vectors cannot be queried with the configured embedder. */
export interface EmbedderMismatch {
  indexedEmbedder: { id: string; dimension: number };
  configuredEmbedder: { id: string; dimension: number };
  /** A sentence for logs and for the bot's start message; says how to fix it. */
  message: string;
}

/**
 * Returns how the index's embedder differs from `embedder`, or undefined when they are the
 * same vector space (same id and dimension).
 */
export function findEmbedderMismatch(
  manifest: Manifest,
  embedder: Pick<Embedder, "id" | "dimension">,
): EmbedderMismatch | undefined {
  if (manifest.embedder.id === embedder.id && manifest.embedder.dimension === embedder.dimension) return undefined;
  return {
    indexedEmbedder: { ...manifest.embedder },
    configuredEmbedder: { id: embedder.id, dimension: embedder.dimension },
    message:
      `The index was built with embedder "${manifest.embedder.id}" (${manifest.embedder.dimension}-d) ` +
      `but the configured embedder is "${embedder.id}" (${embedder.dimension}-d). ` +
      "Vectors of one model cannot be searched with another: run `npm run index` (or /reindex in the bot) to re-index.",
  };
}

/**
 * Checks that vectors in the index were made by `embedder`.
 * @throws IndexError "embedder_mismatch" naming both embedders and telling the user to run `npm run index`.
 */
export function assertEmbedderMatches(
  manifest: Manifest,
  embedder: Pick<Embedder, "id" | "dimension">,
  dataDir = "",
): void {
  const mismatch = findEmbedderMismatch(manifest, embedder);
  if (mismatch) throw new IndexError(mismatch.message, "embedder_mismatch", dataDir);
}
