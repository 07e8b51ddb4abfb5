import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const CITIES = ["成都", "绵阳", "德阳", "宜宾", "泸州", "南充", "乐山", "达州", "自贡", "攀枝花", "眉山", "遂宁"];
const INDUSTRIES = ["电子信息", "装备制造", "食品饮料", "先进材料", "能源化工", "医药健康", "汽车", "钒钛", "白酒", "晶硅光伏"];
const VERBS = ["同比增长", "环比增长", "同比下降", "累计增长"];

/**
 * Writes `count` small synthetic Chinese reports (three paragraphs of two or three sentences
 * each) into `folder` as `report-0001.txt`...; deterministic, so runs are comparable.
 */
export function writeSyntheticCorpus(folder: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let n = 0; n < count; n++) {
    const city = CITIES[n % CITIES.length]!;
    const paragraphs: string[] = [];
    for (let p = 0; p < 3; p++) {
      const sentences: string[] = [];
      for (let s = 0; s < 2 + ((n + p) % 2); s++) {
        const industry = INDUSTRIES[(n * 7 + p * 3 + s) % INDUSTRIES.length]!;
        const verb = VERBS[(n + s) % VERBS.length]!;
        const figure = `${(n * 13 + p * 5 + s) % 20}.${(n + p + s) % 10}%`;
        sentences.push(`${2020 + (n % 5)}年第${p + 1}季度,${city}市${industry}产业增加值${verb}${figure},编号${n}-${p}-${s}的项目按期推进。`);
      }
      paragraphs.push(sentences.join(""));
    }
    writeFileSync(join(folder, `report-${String(n).padStart(4, "0")}.txt`), paragraphs.join("\n\n"));
  }
}
