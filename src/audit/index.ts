/** The audit log: append-only JSONL of answers and feedback in DATA_DIR, and its review listing. */
export { AUDIT_FILE_NAME, computeStats, createAuditLog, scrubAuditRecord } from "./audit-log.js";
export { formatAuditOutput, parseAuditArgs, runAuditCommand, type AuditCommandOptions } from "./audit-command.js";
export { formatAuditEntries, formatAuditStats } from "./format-audit.js";
export type { AnswerRecord, AuditEntry, AuditLog, AuditStats, AuditStore, FeedbackRecord, RecordAnswerInput } from "./types.js";
