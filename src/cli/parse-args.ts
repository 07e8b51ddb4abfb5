/** Parsed command-line flags: `--json`, `-k N` / `--k N`, other `--name value` pairs, and positionals. */
export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  positionals: string[];
}

/**
 * Parses argv (without node and script). `valueFlags` names flags that take a value
 * (e.g. ["k", "last"]); every other `--flag` is boolean.
 */
export function parseArgs(argv: string[], valueFlags: string[] = []): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--?([a-zA-Z][\w-]*)(?:=(.*))?$/u.exec(arg);
    if (!match) {
      positionals.push(arg);
      continue;
    }
    const name = match[1]!;
    if (valueFlags.includes(name)) {
      const value = match[2] ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      values.set(name, value);
    } else {
      flags.add(name);
    }
  }
  return { flags, values, positionals };
}

/** Returns the positive integer value of a flag, or `fallback`; throws a one-line error if malformed. */
export function positiveIntFlag(args: ParsedArgs, name: string, fallback: number): number {
  const raw = args.values.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}
