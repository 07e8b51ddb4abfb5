import type { CollectionScope } from "../access/scope.js";
import type { BotContext, BotDependencies } from "./context.js";

/**
 * Returns the collections the chat of `ctx` may see, for the sender of `ctx`: the grant in force
 * now (the grant file is re-read when it changed). For a button press, the chat is the one the
 * button was pressed in, so a replayed or forwarded button is judged where it is pressed.
 */
export function scopeOfContext(ctx: BotContext, deps: Pick<BotDependencies, "access">): CollectionScope {
  return deps.access.scopeFor({ userId: ctx.from?.id, chatId: ctx.chat?.id, chatType: ctx.chat?.type });
}

/** The `collections` option of the services' ask for a scope: undefined for "all". */
export function collectionsOf(scope: CollectionScope): ReadonlySet<string> | undefined {
  return scope === "all" ? undefined : scope;
}
