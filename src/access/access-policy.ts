import type { Logger } from "../logger.js";
import type { AccessCounters } from "./access-counters.js";
import { createMemoryAccessCounters } from "./access-counters.js";
import { isOpenToEveryone, isServed, type AllowLists } from "./allow-list.js";
import { loadGrantSource, type GrantProblem, type GrantSource } from "./grant-source.js";
import { spendQuestionBudget, type BudgetDecision } from "./question-budget.js";
import { resolveScope, type Asker } from "./resolve-scope.js";
import type { CollectionScope } from "./scope.js";

/** The access settings from config (ALLOWED_USER_IDS, ALLOWED_CHAT_IDS, KNOWLEDGE_ACCESS, LLM_QUESTIONS_PER_USER_PER_DAY). */
export interface AccessConfig {
  allowedUserIds: number[];
  allowedChatIds: number[];
  /** Path of the grant file; undefined: every served chat sees every collection. */
  grantFile: string | undefined;
  /** Model questions one user may ask per UTC day; undefined: no budget. */
  llmQuestionsPerUserPerDay: number | undefined;
}

/** Everything bot/ and app/ consult about who may ask and what they may see. */
export interface AccessPolicy {
  /** True when neither allow-list is set (the bot serves everyone). */
  readonly openToEveryone: boolean;
  /** True when the grant file is configured (scopes are then never "all"). */
  readonly grantsConfigured: boolean;
  isAdmin(userId: number | undefined): boolean;
  /** True when the sender or the chat is served (admins always). */
  isServed(sender: { userId: number | undefined; chatId: number | undefined }): boolean;
  /** The collections this asker may see in this chat, from the grant in force now (re-read if the file changed). */
  scopeFor(asker: Asker): CollectionScope;
  /** Re-reads the grant file now (`/reindex`); a malformed one keeps the last good grant. */
  reloadGrants(): void;
  /** Counts a question against the asker's daily model budget. */
  spendBudget(options: { userId: number | undefined; updateId?: number }): Promise<BudgetDecision>;
  /** True at most once per `ttlMs` for `key` (one refusal per user per hour). */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Listens for a grant file that became unusable while running; returns the unsubscribe function. */
  onGrantProblem(listener: (problem: GrantProblem) => void): () => void;
}

/**
 * Returns the access policy for `config`: allow-lists, the grant file (loaded now), budgets.
 * `counters` default to this process's memory; fleet mode passes Redis ones.
 * @throws ConfigError naming KNOWLEDGE_ACCESS and the file when the grant file is missing or malformed.
 */
export function createAccessPolicy(options: {
  access: AccessConfig;
  adminUserIds: readonly number[];
  logger: Logger;
  counters?: AccessCounters;
}): AccessPolicy {
  const { access, logger } = options;
  const lists: AllowLists = { allowedUserIds: access.allowedUserIds, allowedChatIds: access.allowedChatIds, adminUserIds: options.adminUserIds };
  const grants: GrantSource | undefined = access.grantFile ? loadGrantSource({ filePath: access.grantFile, logger }) : undefined;
  const counters = options.counters ?? createMemoryAccessCounters();
  const isAdmin = (userId: number | undefined) => userId !== undefined && options.adminUserIds.includes(userId);
  return {
    openToEveryone: isOpenToEveryone(lists),
    grantsConfigured: grants !== undefined,
    isAdmin,
    isServed: (sender) => isServed(lists, sender),
    scopeFor: (asker) => resolveScope(grants?.current(), asker),
    reloadGrants: () => void grants?.reload(),
    spendBudget: ({ userId, updateId }) =>
      spendQuestionBudget({ counters, userId, perDay: access.llmQuestionsPerUserPerDay, isAdmin: isAdmin(userId), updateId }),
    claimOnce: (key, ttlMs) => counters.claimOnce(key, ttlMs),
    onGrantProblem: (listener) => grants?.onProblem(listener) ?? (() => undefined),
  };
}
