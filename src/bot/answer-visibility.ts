import { scopeCovers, scopeFromRecord, scopeIncludes, type CollectionScope } from "../access/scope.js";
import type { AuditEntry } from "../audit/types.js";
import type { BotDependencies } from "./context.js";

/**
 * True when a chat with `scope` may see what the cited passage `chunkId` of `answer` would show:
 * the passage's document must be in a granted collection. When the passage is gone from the
 * index (its document changed or was removed), its collection is unknown, so the whole answer's
 * collections must be granted instead.
 */
export function citationVisible(deps: Pick<BotDependencies, "services">, answer: AuditEntry, chunkId: string, scope: CollectionScope): boolean {
  if (scope === "all") return true;
  const passage = deps.services.getPassage(chunkId);
  return passage ? scopeIncludes(scope, passage.collection) : scopeCovers(scope, scopeFromRecord(answer.collections));
}

/** True when a chat with `scope` may act on `answer` (👍/👎): every document it cites (or, citing none, every collection it could see) is granted. */
export function answerVisible(deps: Pick<BotDependencies, "services">, answer: AuditEntry, scope: CollectionScope): boolean {
  if (scope === "all") return true;
  if (answer.citations.length === 0) return scopeCovers(scope, scopeFromRecord(answer.collections));
  return answer.citations.every((citation) => citationVisible(deps, answer, citation.chunkId, scope));
}
