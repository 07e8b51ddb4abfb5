/** Who may ask, and what each chat may see: allow-lists, collections granted per chat, budgets. */
export { createMemoryAccessCounters, type AccessCounters } from "./access-counters.js";
export { createAccessPolicy, type AccessConfig, type AccessPolicy } from "./access-policy.js";
export { isOpenToEveryone, isServed, type AllowLists } from "./allow-list.js";
export { collectionOfPath, MAIN_COLLECTION } from "./collection.js";
export { grantFileSchema, parseGrantFile, type Grants } from "./grant-file.js";
export { loadGrantSource, type GrantProblem, type GrantSource } from "./grant-source.js";
export { budgetDay, spendQuestionBudget, type BudgetDecision } from "./question-budget.js";
export { resolveScope, type Asker } from "./resolve-scope.js";
export { scopeCovers, scopeForRecord, scopeFromRecord, scopeIncludes, visibleDocuments, type CollectionScope } from "./scope.js";
