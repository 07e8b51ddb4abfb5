import type { AutoChatActionFlavor } from "@grammyjs/auto-chat-action";
import type { Api, Context } from "grammy";
import type { AccessPolicy } from "../access/access-policy.js";
import type { KnowledgeServices } from "../app/services.js";
import type { AuditStore } from "../audit/types.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { BackgroundTasks } from "./background-tasks.js";

/** The context type every feature sees. */
export type BotContext = Context & AutoChatActionFlavor;

/** What features need besides the context; built once in createBot. */
export interface BotDependencies {
  config: Config;
  services: KnowledgeServices;
  audit: AuditStore;
  /** Who is served and what each chat may see (src/access). */
  access: AccessPolicy;
  logger: Logger;
  token: string;
  /** An Api without auto-retry, for best-effort edits (streaming, progress) that must skip a 429, never wait. */
  draftApi: Api;
  tasks: BackgroundTasks;
  /** Minimum time between edits of one streamed or progress message. */
  editIntervalMs: number;
  /**
   * Post a "looking it up" message before answering and edit the answer into it (fleet mode):
   * an edit can be repeated safely, so a retried update never posts a second answer.
   */
  placeholderFirst?: boolean;
}
