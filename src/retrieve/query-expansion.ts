import { hasCjk } from "../text/tokenize.js";

/**
 * A small English → Chinese glossary of report vocabulary. Without a multilingual embedding
 * model (the offline default is lexical), an English question shares no tokens with a Chinese
 * report; adding the Chinese terms lets keyword and lexical retrieval find the passage. The
 * multilingual transformers model does not need this, but it does no harm there.
 */
const GLOSSARY: Array<[RegExp, string]> = [
  [/\bindustrial (added )?value\b|\bvalue[- ]added\b|\badded value\b/i, "工业增加值 增加值"],
  [/\babove designated size\b|\bdesignated[- ]size\b|\bindustrial enterprises above\b/i, "规模以上"],
  [/\bfirst half\b|\bh1\b/i, "上半年"],
  [/\byear[- ]on[- ]year\b|\bgrowth\b|\bgrew\b|\bgrow\b|\bincrease[ds]?\b|\brise\b|\brose\b/i, "同比增长 增长"],
  [/\bdigital economy\b/i, "数字经济 数字经济核心产业"],
  [/\bcore industr(y|ies)\b/i, "核心产业"],
  [/\bhigh[- ]tech\b|\bhigh technology\b/i, "高技术制造业 高技术"],
  [/\bgreen\b|\blow[- ]carbon\b/i, "绿色低碳"],
  [/\bsix (major|advantageous|key|leading) industries\b|\badvantageous industries\b|\bleading industries\b/i, "六大优势产业"],
  [/\bindustrial internet\b/i, "工业互联网"],
  [/\bplatforms?\b/i, "平台"],
  [/\b5g base stations?\b|\bbase stations?\b/i, "5G基站 基站"],
  [/\bcloud\b/i, "上云企业 上云"],
  [/\bautomobile|automotive|car (companies|enterprises|makers)\b/i, "汽车企业 汽车"],
  [/\bdrones?\b|\buavs?\b|\bunmanned aerial\b/i, "无人机"],
  [/\bartificial intelligence\b|\bai\b/i, "人工智能"],
  [/\bprovincial[- ]level\b|\bprovincial\b/i, "省级"],
  [/\benterprise technology cent(er|re)s?\b|\btechnology cent(er|re)s?\b/i, "企业技术中心"],
  [/\bmanufacturing innovation cent(er|re)s?\b|\binnovation cent(er|re)s?\b/i, "制造业创新中心 创新中心"],
  [/\bmanufacturing\b/i, "制造业 制造"],
  [/\bresearch and development\b|\br&d\b|\bresearch\b/i, "研发投入 研发"],
  [/\benergy consumption\b|\benergy intensity\b/i, "能耗 单位增加值能耗"],
  [/\brevenue\b|\boperating income\b/i, "营业收入"],
  [/\bshare\b|\bproportion\b|\bpercentage\b/i, "比重 占"],
  [/\bcnc\b|\bnumerical control\b/i, "数控化率"],
  [/\bsmart factor(y|ies)\b|\blighthouse factor(y|ies)\b/i, "灯塔工厂"],
  [/\bsupercomputing\b|\bsupercomputer\b/i, "超算中心 超级计算"],
  [/\bhydrogen\b/i, "氢能 氢燃料电池"],
  [/\breforms?\b/i, "改革事项 改革"],
  [/\bbillion yuan\b|\b100 million yuan\b/i, "亿元"],
  [/\bsichuan\b/i, "四川"],
  [/\bchengdu\b/i, "成都"],
  [/\bchongqing\b/i, "成渝"],
  [/\bsatellites?\b/i, "卫星网络 卫星"],
  [/\bbiomedicine\b|\bbiotech(nology)?\b|\bpharmaceutical\b/i, "生物医药 生物技术"],
  [/\bdemonstration enterprises\b|\btechnology innovation demonstration\b/i, "技术创新示范企业"],
  [/\bproducts?\b/i, "产品"],
  [/\bclusters?\b/i, "集群"],
  [/\bprojects?\b/i, "项目"],
];

/** Returns the glossary's English patterns (to tell which words of a question it understood). */
export function glossaryPatterns(): RegExp[] {
  return GLOSSARY.map(([pattern]) => pattern);
}

/** Returns the Chinese glossary terms for an English question; none for a Chinese one. */
export function glossaryTerms(question: string): string[] {
  if (hasCjk(question)) return [];
  return GLOSSARY.filter(([pattern]) => pattern.test(question)).map(([, terms]) => terms);
}

/**
 * Returns the question with Chinese glossary terms appended when it is written in English;
 * Chinese questions are returned unchanged.
 */
export function expandQuery(question: string): string {
  const additions = glossaryTerms(question);
  return additions.length > 0 ? `${question} ${additions.join(" ")}` : question;
}
