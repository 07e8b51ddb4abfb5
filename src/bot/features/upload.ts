import { Composer } from "grammy";
import { IngestError } from "../../errors.js";
import type { BotContext, BotDependencies } from "../context.js";
import { languageOf, texts } from "../i18n.js";
import { isAdmin } from "./admin.js";
import { startIndexJob } from "./index-job.js";

/** File types the ingest stage can read. */
export const SUPPORTED_UPLOAD_EXTENSIONS = [".txt", ".md", ".pdf", ".docx", ".html", ".xlsx", ".csv"];

/** Download of an uploaded file failed; the message never contains the file URL (it holds the token). */
export class DownloadError extends Error {
  constructor(readonly status: number | undefined, options?: { cause?: unknown }) {
    super(status ? `file download failed with HTTP ${status}` : "file download failed", options);
    this.name = "DownloadError";
  }
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * Downloads a Telegram file by id: getFile, then GET `${apiRoot}/file/bot<token>/<file_path>`.
 * @throws DownloadError when Telegram refuses, the transfer fails, or the file exceeds `maxBytes`.
 */
export async function downloadTelegramFile(ctx: BotContext, deps: BotDependencies, fileId: string, maxBytes: number): Promise<Uint8Array> {
  const file = await ctx.api.getFile(fileId).catch((error: unknown) => {
    throw new DownloadError(undefined, { cause: error });
  });
  if (!file.file_path) throw new DownloadError(undefined);
  const url = `${deps.config.telegramApiRoot}/file/bot${deps.token}/${file.file_path}`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new DownloadError(undefined, { cause: error });
  }
  if (!response.ok) throw new DownloadError(response.status);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > maxBytes) throw new DownloadError(413);
  return bytes;
}

/**
 * Returns the upload feature (private chats): an admin's .txt/.md/.pdf/.docx/.html up to the size
 * limit is downloaded and added with services.addDocument; the size is checked from `file_size`
 * before anything is downloaded. Bad files get a reply naming the problem; the index is unchanged.
 */
export function uploadFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const documents = composer.chatType("private").on("message:document");

  documents.use(async (ctx) => {
    const lang = languageOf(ctx.from.language_code);
    const document = ctx.message.document;
    const fileName = document.file_name ?? "document";
    if (!isAdmin(ctx, deps)) {
      await ctx.reply(texts.adminOnly(lang));
      return;
    }
    const extension = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? "";
    if (!SUPPORTED_UPLOAD_EXTENSIONS.includes(extension)) {
      await ctx.reply(texts.uploadUnsupported(lang, fileName, SUPPORTED_UPLOAD_EXTENSIONS.join(" ")), { parse_mode: "HTML" });
      return;
    }
    if (document.file_size !== undefined && document.file_size > deps.config.maxUploadBytes) {
      await ctx.reply(texts.uploadTooLarge(lang, fileName, megabytes(document.file_size), megabytes(deps.config.maxUploadBytes)), { parse_mode: "HTML" });
      return;
    }
    if (deps.services.isReindexing()) {
      await ctx.reply(texts.alreadyRunning(lang));
      return;
    }
    await startIndexJob(ctx, deps, {
      label: texts.uploadReceived(lang, fileName),
      doneTitle: texts.uploadDone(lang, fileName),
      run: async (onProgress) => {
        const bytes = await downloadTelegramFile(ctx, deps, document.file_id, deps.config.maxUploadBytes);
        return deps.services.addDocument(fileName, bytes, { onProgress });
      },
      describeFailure: (error) => {
        if (error instanceof IngestError) return texts.uploadRejected(lang, fileName, error.reason, error.message);
        if (error instanceof DownloadError) {
          return error.status === 413
            ? texts.uploadTooLarge(lang, fileName, ">" + megabytes(deps.config.maxUploadBytes), megabytes(deps.config.maxUploadBytes))
            : texts.downloadFailed(lang, fileName);
        }
        return undefined;
      },
    });
  });
  return composer;
}
