import { readCedictEntries } from "../../lexicon/bilingual-dictionary.js";

let readings: Map<string, Set<string>> | undefined;

/**
 * Returns the toneless pinyin syllables of every Chinese character CC-CEDICT gives a reading for
 * ("碳" → tan, "探" → tan), from its one-character entries and the syllables of longer ones.
 * Built on first use (~1 s: the dictionary file is parsed again), only when a correction is weighed.
 */
export function characterReadings(): ReadonlyMap<string, ReadonlySet<string>> {
  if (readings) return readings;
  const built = new Map<string, Set<string>>();
  for (const entry of readCedictEntries()) {
    const characters = [...entry.simplified];
    const syllables = entry.pinyin.toLowerCase().split(/\s+/u).map((syllable) => syllable.replace(/[0-9]/gu, "").replace("u:", "v"));
    // Only entries whose syllables line up with their characters (no "·", no letters) say which is which.
    if (syllables.length !== characters.length) continue;
    characters.forEach((character, index) => {
      const syllable = syllables[index]!;
      if (!/^[a-zv]+$/u.test(syllable)) return;
      const set = built.get(character);
      if (set) set.add(syllable);
      else built.set(character, new Set([syllable]));
    });
  }
  readings = built;
  return built;
}

/** True when `typed` and `meant` share a reading (绿色低探 for 绿色低碳: both tan), the typo a pinyin input method makes. */
export function soundAlike(typed: string, meant: string): boolean {
  const table = characterReadings();
  const typedReadings = table.get(typed);
  const meantReadings = table.get(meant);
  if (!typedReadings || !meantReadings) return false;
  for (const reading of typedReadings) if (meantReadings.has(reading)) return true;
  return false;
}
