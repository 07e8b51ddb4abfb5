import type { AuditStore } from "../audit/types.js";
import { openPostgres } from "./connections.js";
import { FleetUnreachableError } from "./errors.js";
import { migrate } from "./migrations.js";
import { createPostgresAuditStore } from "./postgres-audit-store.js";

/**
 * Opens the fleet's audit log for reading (`npm run audit` in fleet mode).
 * @throws FleetUnreachableError naming DATABASE_URL when PostgreSQL cannot be reached.
 */
export async function openFleetAuditStore(databaseUrl: string): Promise<{ store: AuditStore; close(): Promise<void> }> {
  const pool = openPostgres(databaseUrl, 2);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new FleetUnreachableError("DATABASE_URL", databaseUrl, { cause: error });
  }
  return { store: createPostgresAuditStore({ pool, botId: 0 }), close: () => pool.end() };
}
