/**
 * Whether a text states a result or a target. Plans and goals are written with a small set of
 * general words (目标, 计划, 力争, 预计, 将, 到2025年); titles of documents (《…行动计划》) are
 * names, not plans, and are left out.
 */
import type { Modality } from "./types.js";

const TARGET_ZH = /目标|计划|规划|力争|争取|预计|预期|确保|将(?!近|军)|下一步|要(?=[大加进推])|到\s*(?:19|20)\d{2}\s*年|(?:19|20)\d{2}\s*年(?:前|底前)/u;
const TARGET_EN = /\b(?:target|targets|goal|plan|plans|planned|aims?|expected|will|by (?:19|20)\d{2})\b/iu;

/** Returns `target` when `text` speaks of a goal or plan, `actual` otherwise. */
export function readModality(text: string): Modality {
  const names = text.replace(/《[^》]*》/gu, "");
  return TARGET_ZH.test(names) || TARGET_EN.test(names) ? "target" : "actual";
}
