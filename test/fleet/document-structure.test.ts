/**
 * Fleet mode keeps what ingest reads (pages, kinds, sections, table rows, OCR marks, document
 * metadata and tables): a generation built from documents kept in PostgreSQL, published there and
 * installed by another replica, reads back the same.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLexicalEmbedder } from "../../src/embed/lexical-embedder.js";
import { openPostgres } from "../../src/fleet/connections.js";
import { createPostgresDocumentStore } from "../../src/fleet/document-store.js";
import { createPostgresGenerationStore } from "../../src/fleet/generation-store.js";
import { migrate } from "../../src/fleet/migrations.js";
import { DEFAULT_CHUNK_OPTIONS } from "../../src/ingest/index.js";
import { silentLogger } from "../../src/logger.js";
import { buildIndex } from "../../src/store/build-index.js";
import { openIndex } from "../../src/store/open-index.js";
import { postgresUnavailableReason, startPostgresServer, type PostgresServer } from "../helpers/postgres-server.js";
import { structuredDocument, writeStructuredGeneration } from "../store/structured-generation.js";

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`fleet document-structure tests skipped: ${unavailable}`);

describe.skipIf(unavailable)("document structure in fleet mode (PostgreSQL)", () => {
  let server: PostgresServer;
  let pool: pg.Pool;
  let root: string;

  beforeAll(async () => {
    server = await startPostgresServer();
    pool = openPostgres(server.url, 3);
    await migrate(pool);
    root = mkdtempSync(path.join(tmpdir(), "fleet-structure-"));
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("a published generation installed by another replica keeps pages, table rows, OCR marks, metadata and tables", async () => {
    const builder = path.join(root, "builder-a");
    const manifest = await writeStructuredGeneration(builder);
    const generations = createPostgresGenerationStore({ pool, logger: silentLogger() });
    await generations.publish({ dataDir: builder, generationId: manifest.generationId, replica: "a", manifest });
    const other = path.join(root, "replica-b");
    mkdirSync(other, { recursive: true });
    await generations.install(other);
    const index = openIndex({ dataDir: other })!;
    const expected = structuredDocument();
    expect(index.getDocumentChunks(expected.id).map(({ page, tableRow, ocr }) => ({ page, tableRow, ocr }))).toEqual([
      { page: 2, tableRow: undefined, ocr: undefined },
      { page: 3, tableRow: undefined, ocr: true },
      { page: 3, tableRow: { table: 0, row: 0 }, ocr: undefined },
    ]);
    expect(index.getDocumentMetadata!(expected.id)).toEqual(expected.metadata);
    expect(index.getDocumentTables!(expected.id)).toEqual(expected.tables);
    const stored = await pool.query<{ manifest: { documents: Array<{ metadata?: unknown }> } }>("SELECT manifest FROM generations WHERE id = $1", [manifest.generationId]);
    expect(stored.rows[0]!.manifest.documents[0]!.metadata).toEqual(expected.metadata);
    index.close();
  });

  it("a document uploaded to the PostgreSQL document store is indexed with its sections and metadata", async () => {
    const documents = createPostgresDocumentStore({ pool, logger: silentLogger() });
    const text = ["南京市统计局 国家统计局南京调查队", "2024年3月", "一、综合", "全年地区生产总值增长4.6%。", "二、工业", "全年规模以上工业增加值增长3.6%。", "三、农业", "全年粮食产量增长1.0%。"].join("\n\n");
    await documents.put("nanjing-2023.txt", new TextEncoder().encode(text));
    const folder = path.join(root, "materialized");
    await documents.materialize(folder);
    const dataDir = path.join(root, "replica-c");
    await buildIndex({ dataDir, knowledgeDir: folder, embedder: createLexicalEmbedder(), chunkOptions: DEFAULT_CHUNK_OPTIONS, maxFileBytes: 1_000_000, logger: silentLogger() });
    const index = openIndex({ dataDir })!;
    const document = index.manifest.documents.find((candidate) => candidate.relativePath === "nanjing-2023.txt")!;
    expect(index.getDocumentMetadata!(document.id)).toEqual({ title: "nanjing 2023", place: "南京市", issuer: "南京市统计局 国家统计局南京调查队", period: { year: 2023 } });
    const industry = index.getDocumentChunks(document.id).find((chunk) => chunk.text.includes("工业增加值"))!;
    expect(industry.sectionPath).toEqual(["二、工业"]);
    index.close();
  });
});
