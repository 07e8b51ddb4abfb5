/**
 * Row labels with their parent rows. Statistical tables nest rows without saying so in a
 * machine-readable way: by indentation, by "其中：" / "#" markers (of which), or by repeating
 * the same sub-rows under several parents (公路, 水运… under both 货物运输总量 and
 * 货物运输周转量). A row sentence needs the parent, or two rows read the same.
 */

const PART_MARKER = /^(?:其中\s*[:：]?|[#＃]\s*)/u;
const HASH_MARKER = /^[#＃]\s*/u;

/** Separates a row's parent labels from its own in a row sentence. */
export const LABEL_PATH_SEPARATOR = "·";

/**
 * Returns each row's label with its parents, outermost first, joined by "·"
 * (`出口额·其中：一般贸易`). `labels` are the first-column texts; `indents` (optional, any unit)
 * their indentation. Evidence, strongest first: more indentation than the row above; a
 * "其中"/"#" marker; a run of labels that recurs in the table (the row before each run is their
 * parent); an unmarked row between two marked siblings. A label-only row (`emptyRows`) heads
 * the rows after it. A leading "#" is dropped from the label. Never throws.
 */
export function rowLabelPaths(
  labels: readonly string[],
  options: { indents?: readonly number[]; emptyRows?: ReadonlySet<number> } = {},
): string[] {
  const count = labels.length;
  const text = labels.map((label) => label.trim());
  const bare = text.map((label) => label.replace(PART_MARKER, "").trim());
  const indents = options.indents ?? [];
  const baseline = Math.min(...text.map((_label, row) => indents[row] ?? 0));
  const indent = text.map((_label, row) => (indents[row] ?? 0) - baseline);
  const marked = text.map((label) => PART_MARKER.test(label));
  const emptyRows = options.emptyRows ?? new Set<number>();
  const parent: Array<number | undefined> = new Array(count).fill(undefined);
  // A row that is a sibling of a marked row (same parent), not a parent itself.
  const member = new Array<boolean>(count).fill(false);

  const occurrences = new Map<string, number>();
  for (const label of bare) if (label !== "") occurrences.set(label, (occurrences.get(label) ?? 0) + 1);
  const repeated = (row: number): boolean => (occurrences.get(bare[row]!) ?? 0) > 1;

  const anchorBefore = (row: number): number | undefined => {
    for (let above = row - 1; above >= 0; above--) {
      if (emptyRows.has(above)) return above;
      if (indent[above]! > indent[row]!) continue;
      if (marked[above] || member[above]) continue;
      return above;
    }
    return undefined;
  };

  let group: number | undefined;
  for (let row = 0; row < count; row++) {
    if (emptyRows.has(row)) {
      group = row;
      continue;
    }
    if (indent[row]! > 0) {
      const above = nearestShallower(indent, row);
      if (above !== undefined && (marked[above] || member[above])) {
        parent[row] = parent[above];
        member[row] = true;
      } else {
        parent[row] = above;
      }
      continue;
    }
    if (marked[row]) {
      parent[row] = anchorBefore(row);
      member[row] = true;
      continue;
    }
    const sandwiched = row > 0 && row + 1 < count && marked[row - 1]! && marked[row + 1]! && indent[row + 1] === 0;
    if (sandwiched) {
      parent[row] = parent[row - 1];
      member[row] = true;
    }
  }

  // Runs of recurring labels: the row before each run is their parent.
  for (let row = 0; row < count; ) {
    if (!isRunRow(row)) {
      row++;
      continue;
    }
    let end = row;
    while (end + 1 < count && isRunRow(end + 1)) end++;
    const before = row - 1;
    const runLength = end - row + 1;
    if (runLength >= 2 && before >= 0 && !repeated(before) && !marked[before] && !emptyRows.has(before)) {
      for (let inside = row; inside <= end; inside++) {
        if (indent[inside] === 0) parent[inside] = before;
      }
    }
    row = end + 1;
  }
  function isRunRow(row: number): boolean {
    return !emptyRows.has(row) && (repeated(row) || marked[row]!) && indent[row] === 0;
  }

  // Rows after a label-only row belong to it, unless they found a closer parent.
  group = undefined;
  for (let row = 0; row < count; row++) {
    if (emptyRows.has(row)) {
      group = row;
      continue;
    }
    if (parent[row] === undefined && group !== undefined) parent[row] = group;
  }

  return text.map((_label, row) => {
    const path: string[] = [];
    const seen = new Set<number>();
    for (let at: number | undefined = row; at !== undefined && !seen.has(at); at = parent[at]) {
      seen.add(at);
      path.unshift(text[at]!.replace(HASH_MARKER, ""));
    }
    return path.filter((part) => part !== "").join(LABEL_PATH_SEPARATOR);
  });
}

function nearestShallower(indent: readonly number[], row: number): number | undefined {
  for (let above = row - 1; above >= 0; above--) if (indent[above]! < indent[row]!) return above;
  return undefined;
}

