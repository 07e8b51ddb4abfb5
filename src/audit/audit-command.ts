import { createAuditLog } from "./audit-log.js";
import { formatAuditEntries, formatAuditStats } from "./format-audit.js";
import type { AuditEntry, AuditStats, AuditStore } from "./types.js";

/** Parsed `npm run audit` arguments. */
export interface AuditCommandOptions {
  last: number;
  json: boolean;
  /** Print the totals only (not the answers). */
  stats: boolean;
  /** Print the usage and nothing else. */
  help: boolean;
}

/** What `npm run audit -- --help` prints. */
export const AUDIT_USAGE = [
  "Usage: npm run audit -- [--last N] [--json] [--stats]",
  "  Lists the answers the bot gave in Telegram chats, oldest first, with their citations and 👍/👎.",
  "  --last N   the last N answers (default 20)",
  "  --json     the records as JSON",
  "  --stats    the totals only (questions, not-found rate, verification failures, latency, feedback)",
  "  Reads DATA_DIR/audit.jsonl, or PostgreSQL when DATABASE_URL is set (fleet mode).",
].join("\n");

/**
 * Parses `--last N`, `--json`, `--stats` and `--help`.
 * @throws Error with a one-line message on unknown flags or a bad number.
 */
export function parseAuditArgs(argv: string[]): AuditCommandOptions {
  const options: AuditCommandOptions = { last: 20, json: false, stats: false, help: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === "--json") options.json = true;
    else if (arg === "--stats") options.stats = true;
    else if (arg === "--help" || arg === "-h") options.help = true;
    else if (arg === "--last" || arg.startsWith("--last=")) {
      const value = arg.includes("=") ? arg.split("=")[1] : argv[(index += 1)];
      const number = Number(value);
      if (!Number.isInteger(number) || number <= 0) throw new Error(`--last needs a positive whole number, got "${value ?? ""}"`);
      options.last = number;
    } else if (arg !== "--") throw new Error(`Unknown argument "${arg}". Usage: npm run audit -- [--last N] [--json] [--stats] (--help for more)`);
  }
  return options;
}

/** Returns the text `npm run audit` prints for the audit log in `dataDir`. */
export function runAuditCommand(options: AuditCommandOptions & { dataDir: string }): string {
  if (options.help) return AUDIT_USAGE;
  const log = createAuditLog({ dataDir: options.dataDir });
  return options.stats ? statsText(log.stats(), options) : listingText(log.readRecent(options.last), options);
}

/** Returns the text `npm run audit` prints for any audit store (PostgreSQL in fleet mode). */
export async function formatAuditOutput(store: AuditStore, options: AuditCommandOptions): Promise<string> {
  if (options.help) return AUDIT_USAGE;
  return options.stats ? statsText(await store.stats(), options) : listingText(await store.readRecent(options.last), options);
}

// --stats is the totals alone; the listing is what --last and the default print.
const statsText = (stats: AuditStats, options: AuditCommandOptions) => (options.json ? JSON.stringify(stats, null, 2) : formatAuditStats(stats));
const listingText = (entries: AuditEntry[], options: AuditCommandOptions) => (options.json ? JSON.stringify(entries, null, 2) : formatAuditEntries(entries));
