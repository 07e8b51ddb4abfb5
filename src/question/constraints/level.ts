/**
 * The administrative level a text gives a title or count at: 国家级 (also a bare 国家 before a
 * noun: 国家技术创新示范企业), 省级, 市级, 县级.
 */
import type { AdministrativeLevel } from "./types.js";

const LEVELS: Array<[RegExp, AdministrativeLevel]> = [
  [/国家级|国家(?=[\u4e00-\u9fff])(?!级)|national[- ]level|\bnational\b/iu, "国家级"],
  [/省级|省重点|provincial(?:[- ]level)?/iu, "省级"],
  [/市级|municipal(?:[- ]level)?/iu, "市级"],
  [/县级|county[- ]level/iu, "县级"],
];

/** Returns the level `text` names first (by position), or undefined. */
export function readLevel(text: string): AdministrativeLevel | undefined {
  let best: { index: number; level: AdministrativeLevel } | undefined;
  for (const [pattern, level] of LEVELS) {
    const match = pattern.exec(text);
    if (match && (!best || match.index < best.index)) best = { index: match.index, level };
  }
  return best?.level;
}
