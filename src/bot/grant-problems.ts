import type { Api } from "grammy";
import type { BotDependencies } from "./context.js";
import { texts } from "./i18n.js";

/**
 * Sends each admin (in their private chat) one message when the grant file changed while the bot
 * runs but cannot be used; the last good grants stay in force meanwhile. An admin who never
 * started a chat with the bot cannot be messaged: that failure is logged, never thrown.
 */
export function notifyAdminsOfGrantProblems(api: Api, deps: Pick<BotDependencies, "access" | "config" | "logger">): void {
  deps.access.onGrantProblem(async (problem) => {
    // Every bot (each fleet worker) sees the same broken file; the admins hear of it once.
    const first = await deps.access.claimOnce(`grant-problem:${problem.filePath}:${problem.version}`, 24 * 3600_000).catch(() => true);
    if (!first) return;
    for (const adminId of deps.config.adminUserIds) {
      const text = `${texts.grantFileProblem("zh", problem.filePath, problem.message)}\n\n${texts.grantFileProblem("en", problem.filePath, problem.message)}`;
      void api.sendMessage(adminId, text, { parse_mode: "HTML" }).catch((error: unknown) =>
        deps.logger.warn({ adminId, err: error instanceof Error ? error.message : String(error) }, "could not tell an admin about the grant file"),
      );
    }
  });
}
