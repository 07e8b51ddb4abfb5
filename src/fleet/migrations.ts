import type pg from "pg";

/**
 * The fleet's PostgreSQL schema, one migration per entry, applied in order and recorded in
 * fleet_migrations. Never edit an applied migration: add a new one.
 */
export const MIGRATIONS: ReadonlyArray<{ id: number; name: string; sql: string }> = [
  {
    id: 1,
    name: "audit log and feedback",
    sql: `
      CREATE TABLE audit_answers (
        id text PRIMARY KEY,
        time timestamptz NOT NULL,
        chat_id bigint NOT NULL,
        user_id bigint,
        update_id bigint,
        replica text,
        generation_id text,
        status text NOT NULL,
        total_ms integer NOT NULL,
        verification_failed boolean NOT NULL,
        unverified_citations integer NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX audit_answers_time ON audit_answers (time);
      CREATE INDEX audit_answers_chat_time ON audit_answers (chat_id, time);
      CREATE TABLE audit_feedback (
        answer_id text NOT NULL REFERENCES audit_answers (id) ON DELETE CASCADE,
        voter text NOT NULL,
        user_id bigint,
        rating text NOT NULL CHECK (rating IN ('up', 'down')),
        time timestamptz NOT NULL,
        PRIMARY KEY (answer_id, voter)
      );`,
  },
  {
    id: 2,
    name: "documents, published index generations and fleet state",
    sql: `
      CREATE TABLE documents (
        relative_path text PRIMARY KEY,
        bytes bytea NOT NULL,
        sha256 text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE generations (
        id text PRIMARY KEY,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by text NOT NULL,
        manifest jsonb NOT NULL
      );
      CREATE TABLE generation_files (
        generation_id text NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
        name text NOT NULL,
        part integer NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (generation_id, name, part)
      );
      CREATE TABLE fleet_state (
        key text PRIMARY KEY,
        value text NOT NULL
      );`,
  },
  {
    id: 3,
    name: "refused messages and button presses (access)",
    sql: `
      CREATE TABLE audit_refusals (
        time timestamptz NOT NULL DEFAULT now(),
        chat_id bigint,
        user_id bigint,
        kind text NOT NULL CHECK (kind IN ('question', 'button'))
      );
      CREATE INDEX audit_refusals_user ON audit_refusals (user_id);`,
  },
];

/** Advisory lock key held while migrating, so replicas starting together migrate once. */
const MIGRATION_LOCK = 0x6d696772; // "migr"

/** Applies the migrations not yet recorded; safe to call from every replica at start. Returns the ids applied. */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS fleet_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
    const done = new Set((await client.query<{ id: number }>("SELECT id FROM fleet_migrations")).rows.map((row) => row.id));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.id)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query("INSERT INTO fleet_migrations (id, name) VALUES ($1, $2)", [migration.id, migration.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      applied.push(migration.id);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
