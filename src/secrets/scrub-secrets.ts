/**
 * Secret scrubbing for every text that leaves the process: log lines, the one-line error a
 * command prints, bot replies, audit records, `--json` output. A server that echoes the key it
 * was sent ("Incorrect API key provided: sk-…", "bad token in /bot123:ABC/getMe") must never get
 * it printed. Known secrets (from the environment) are replaced literally; shapes of secrets we
 * were not told about (Telegram tokens, `sk-` keys, bearer tokens, URL passwords) by pattern.
 */

/** What a secret is replaced with. */
export const REDACTED = "[redacted]";

/** Secrets shorter than this are not replaced literally: they would shred ordinary words. */
const MIN_SECRET_LENGTH = 6;

/** Environment variables that hold secrets by name, besides any *_TOKEN, *_KEY, *_SECRET, *_PASSWORD. */
const SECRET_VARIABLES = ["TELEGRAM_BOT_TOKEN", "OPENAI_API_KEY", "WEBHOOK_SECRET"];
const SECRET_NAME = /(?:^|_)(?:TOKEN|KEY|SECRET|PASSWORD|PASSWD)$/u;

const PATTERNS: Array<[RegExp, string]> = [
  // Telegram bot tokens: "<bot id>:<35 characters>", also inside /bot<token>/ URL paths.
  [/(?<![0-9])\d{5,}:[A-Za-z0-9_-]{30,}/gu, REDACTED],
  // OpenAI-style keys: sk-…, sk-proj-….
  [/\bsk-[A-Za-z0-9_-]{16,}/gu, REDACTED],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/-]{8,}=*/giu, `$1${REDACTED}`],
  // The password in scheme://user:password@host (database URLs, proxies).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^@\s/]+@/giu, `$1${REDACTED}@`],
];

/**
 * Returns the secret values found in `env`: the known secret variables, any variable named like
 * a secret, each Telegram token's part after the colon, and passwords inside `*_URL` values.
 */
export function secretsFromEnvironment(env: Record<string, string | undefined>): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    const text = value?.trim();
    if (!text) continue;
    if (SECRET_VARIABLES.includes(name) || SECRET_NAME.test(name)) secrets.push(text);
    if (name.endsWith("_URL")) {
      const password = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^@\s/]+)@/iu.exec(text)?.[1];
      if (password) secrets.push(decodeURIComponentSafe(password), password);
    }
  }
  return withTokenParts(secrets);
}

/**
 * Returns `text` with every secret in `secrets` (and every secret-shaped string) replaced by
 * "[redacted]". Secrets shorter than 6 characters are left alone. Never throws.
 */
export function scrubSecrets(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text;
  const literal = withTokenParts(secrets.filter((secret): secret is string => !!secret && secret.length >= MIN_SECRET_LENGTH));
  // Longest first, so a token is replaced whole before its part after the colon.
  for (const secret of [...new Set(literal)].sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Returns a copy of `value` with {@link scrubSecrets} applied to every string inside it (object
 * values and array items, recursively). For records written to the audit log and `--json` output.
 */
export function scrubSecretsDeep<T>(value: T, secrets: ReadonlyArray<string | undefined> = []): T {
  if (typeof value === "string") return scrubSecrets(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => scrubSecretsDeep(item, secrets)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubSecretsDeep(item, secrets)])) as T;
  }
  return value;
}

/**
 * Returns a shallow copy of `value` with {@link scrubSecretsDeep} applied to the named fields
 * only: the free-text fields that can carry an echoed secret (an error, a question), leaving
 * verified quotes byte for byte as they are in the source.
 */
export function scrubSecretsInFields<T extends object>(value: T, fields: ReadonlyArray<keyof T>, secrets: ReadonlyArray<string | undefined> = []): T {
  const copy = { ...value };
  for (const field of fields) {
    if (copy[field] !== undefined) copy[field] = scrubSecretsDeep(copy[field], secrets);
  }
  return copy;
}

/** Adds the part after the colon of each Telegram-token-shaped secret (servers echo it alone). */
function withTokenParts(secrets: string[]): string[] {
  const parts = secrets.flatMap((secret) => {
    const match = /^\d+:(.+)$/u.exec(secret);
    return match && match[1]!.length >= MIN_SECRET_LENGTH ? [match[1]!] : [];
  });
  return [...secrets, ...parts];
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
