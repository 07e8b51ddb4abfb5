/**
 * Place names as statistical reports write them: the 34 province-level divisions of China (their
 * short names, which every report uses), and the words that name the whole country or the
 * document's own area (全国, 全省, 全市). General knowledge of China's divisions, not of one report;
 * cities and counties come from jieba's place tag (ns).
 */

/** Province-level divisions by short name (四川 for 四川省, 广西 for 广西壮族自治区). */
export const PROVINCES: readonly string[] = [
  "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东",
  "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏",
  "新疆", "台湾", "香港", "澳门",
];

const PROVINCE_SET = new Set(PROVINCES);
const DIVISION_SUFFIX = /(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|地区|自治州|州|县|区)$/u;
/** Words for the whole country. */
export const NATION_WORDS = /全国|我国|中国|national(?:ly)?|nationwide|\bChina\b|the (?:whole )?country/iu;
/** Words for the area the document itself reports on ("全省" in a report on 四川 is 四川). */
export const OWN_AREA_WORDS = /全省|全市|全区|全县|本省|本市|the (?:whole )?province|the city/iu;
/**
 * 全国 naming where a rank or a first is counted, not whose figure it is: "智慧医疗居全国第4位",
 * "全国首批", "在全国排第几" state a figure of the document's own place, and so does a national
 * title in quotes ("全国“数字领航”企业3户").
 */
export const NATION_AS_SCOPE = /(?:居|列|位居|位列|在|于|排|进入)全国|全国(?:第|首|前|排|领先|同类|率先|唯一|最|[“"「《])/gu;

/** Returns the short name of a place: 四川省 → 四川, 南京市 → 南京, 全国/我国 → 全国; undefined for an empty name. */
export function shortPlaceName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === "") return undefined;
  if (NATION_WORDS.test(trimmed) && trimmed.length <= 3) return "全国";
  if (PROVINCE_SET.has(trimmed)) return trimmed;
  for (const province of PROVINCES) if (trimmed.startsWith(province) && DIVISION_SUFFIX.test(trimmed.slice(province.length) || "省")) return province;
  const stripped = trimmed.replace(DIVISION_SUFFIX, "");
  return stripped.length >= 2 ? stripped : trimmed;
}

/** True when `name` (a short name) is a province-level division. */
export function isProvince(name: string): boolean {
  return PROVINCE_SET.has(name);
}
