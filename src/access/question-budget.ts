import type { AccessCounters } from "./access-counters.js";

const DAY_MS = 24 * 3600 * 1000;

/** Whether a question may use the paid model, and whether to tell the user why not. */
export interface BudgetDecision {
  /** False once the user has asked `perDay` model questions today: answer extractively. */
  useModel: boolean;
  /** True the first time today the user is over budget: the reply says why (once a day). */
  tellUser: boolean;
  /** Model questions counted for the user today, this one included (0 when not counted). */
  used: number;
}

/** The UTC day (YYYY-MM-DD) budgets are counted in. */
export function budgetDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Counts one question of `userId` against LLM_QUESTIONS_PER_USER_PER_DAY (per user across all
 * chats, per UTC day) and returns the decision. Admins, askers without a user id and an unset
 * budget are never limited and not counted.
 */
export async function spendQuestionBudget(options: {
  counters: AccessCounters;
  userId: number | undefined;
  perDay: number | undefined;
  isAdmin: boolean;
  updateId?: number;
  now?: number;
}): Promise<BudgetDecision> {
  const { counters, userId, perDay } = options;
  if (perDay === undefined || options.isAdmin || userId === undefined) return { useModel: true, tellUser: false, used: 0 };
  const day = budgetDay(options.now ?? Date.now());
  // Two days' lifetime: a counter outlives its day wherever the replica's clock stands.
  const used = await counters.increment(`budget:${day}:${userId}`, 2 * DAY_MS, options.updateId);
  if (used <= perDay) return { useModel: true, tellUser: false, used };
  const tellUser = await counters.claimOnce(`budget-told:${day}:${userId}`, 2 * DAY_MS);
  return { useModel: false, tellUser, used };
}
