import { createAuditLog } from "./audit-log.js";
import { formatAuditEntries, formatAuditStats } from "./format-audit.js";
import type { AuditStore } from "./types.js";

/** Parsed `npm run audit` arguments. */
export interface AuditCommandOptions {
  last: number;
  json: boolean;
  stats: boolean;
}

/**
 * Parses `--last N`, `--json` and `--stats`.
 * @throws Error with a one-line message on unknown flags or a bad number.
 */
export function parseAuditArgs(argv: string[]): AuditCommandOptions {
  const options: AuditCommandOptions = { last: 20, json: false, stats: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === "--json") options.json = true;
    else if (arg === "--stats") options.stats = true;
    else if (arg === "--last" || arg.startsWith("--last=")) {
      const value = arg.includes("=") ? arg.split("=")[1] : argv[(index += 1)];
      const number = Number(value);
      if (!Number.isInteger(number) || number <= 0) throw new Error(`--last needs a positive whole number, got "${value ?? ""}"`);
      options.last = number;
    } else if (arg !== "--") throw new Error(`Unknown argument "${arg}". Usage: npm run audit -- [--last N] [--json] [--stats]`);
  }
  return options;
}

/** Returns the text `npm run audit` prints for the audit log in `dataDir`. */
export function runAuditCommand(options: AuditCommandOptions & { dataDir: string }): string {
  const log = createAuditLog({ dataDir: options.dataDir });
  const entries = log.readRecent(options.last);
  if (options.json) return JSON.stringify(options.stats ? { entries, stats: log.stats() } : entries, null, 2);
  const listing = formatAuditEntries(entries);
  return options.stats ? `${listing}\n\n${formatAuditStats(log.stats())}` : listing;
}

/** Returns the text `npm run audit` prints for any audit store (PostgreSQL in fleet mode). */
export async function formatAuditOutput(store: AuditStore, options: AuditCommandOptions): Promise<string> {
  const entries = await store.readRecent(options.last);
  if (options.json) return JSON.stringify(options.stats ? { entries, stats: await store.stats() } : entries, null, 2);
  const listing = formatAuditEntries(entries);
  return options.stats ? `${listing}\n\n${formatAuditStats(await store.stats())}` : listing;
}
