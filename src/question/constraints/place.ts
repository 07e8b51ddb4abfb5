/**
 * Places a text names: province-level divisions by short name, cities and counties jieba tags as
 * places (ns, checked against CC-CEDICT), and the whole country (全国, 我国) unless 全国 only says
 * where a rank is counted (居全国第4位). The document's own area (全省) names no place: it is the
 * document's place, which the caller knows.
 */
import { bilingualDictionary } from "../../lexicon/bilingual-dictionary.js";
import { checkedWordKind } from "../../lexicon/checked-word-kind.js";
import { tagWords } from "../../lexicon/jieba.js";
import { NATION_AS_SCOPE, NATION_WORDS, PROVINCES, shortPlaceName } from "../../lexicon/places.js";

const tagCache = new Map<string, string[]>();
const CACHE_LIMIT = 5000;
// A name joined to another by a hyphen (Chengdu-Chongqing) names a region, not either place.
const ENGLISH_NAME = /(?<![-\w])[A-Z][a-z]+(?:'s)?\b(?!-)/gu;

/** Returns the short names of the places `text` names, in order, each once (全国 included). */
export function readPlaces(text: string): string[] {
  const cached = tagCache.get(text);
  if (cached) return cached;
  const withoutScope = text.replace(NATION_AS_SCOPE, " ").replace(/《[^》]*》/gu, " ");
  const places: Array<{ index: number; name: string }> = [];
  const nation = NATION_WORDS.exec(withoutScope);
  if (nation) places.push({ index: nation.index, name: "全国" });
  if (/[\u3400-\u9fff]/u.test(withoutScope)) {
    let offset = 0;
    for (const { word, tag } of tagWords(withoutScope)) {
      const index = withoutScope.indexOf(word, offset);
      offset = index === -1 ? offset : index + word.length;
      if (checkedWordKind(word, tag) !== "place" && !PROVINCES.some((province) => word.startsWith(province) && word.length <= province.length + 1)) continue;
      const name = shortPlaceName(word);
      if (name && name !== "全国") places.push({ index, name });
    }
  } else {
    for (const match of withoutScope.matchAll(ENGLISH_NAME)) {
      const names = bilingualDictionary().names(match[0].replace(/'s$/u, "").toLowerCase());
      const province = names.map((name) => shortPlaceName(name)).find((name) => name !== undefined && PROVINCES.includes(name));
      if (province) places.push({ index: match.index, name: province });
    }
  }
  const result = [...new Set(places.sort((a, b) => a.index - b.index).map((place) => place.name))];
  if (tagCache.size >= CACHE_LIMIT) tagCache.clear();
  tagCache.set(text, result);
  return result;
}
