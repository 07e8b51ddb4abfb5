import { compactCjk } from "./front-matter.js";

/** Provincial-level divisions, short and full names: the places a province's reports call 全省/全区/全市. */
const PROVINCES = [
  "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
  "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
  "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
];
const NATIONAL = /^(?:中华人民共和国|中国|我国|全国|国家)/u;
/** A place name before the year or subject of a title: `南京市`, `四川省`, `江苏省南京市`, `浦东新区`. */
const TITLE_PLACE = /^((?:[\u4e00-\u9fff]{2,8}?(?:省|自治区|特别行政区))?[\u4e00-\u9fff]{1,7}?(?:市|县|区|州(?![市县])|盟|旗|省|自治区))(?=[\d“"（(]|[\u4e00-\u9fff]{2}|$)/u;
const ORGANISATION = /^([\u4e00-\u9fff（）()A-Za-z]{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团|大学|学院|银行))/u;
const YEAR_PREFIX = /^(?:(?:19|20)\d{2}\s*(?:[-—–~至到]\s*(?:19|20)\d{2}\s*)?年度?)/u;

/**
 * Returns the place or organisation a document reports on: from its title (`南京市2024年…`,
 * `2024年东莞市…`, `中华人民共和国…` → 全国, `比亚迪股份有限公司…`), else from its issuer
 * (`合肥市统计局` → 合肥市, a ministry or 国家统计局 → 全国), else from its text (`全省` with the
 * province it names most, `全国`). Undefined when none of them says. Never throws.
 */
export function detectPlace(input: { title?: string; issuer?: string; text: string }): string | undefined {
  const title = input.title ? compactCjk(input.title).replace(YEAR_PREFIX, "") : "";
  const fromTitle = title === "" ? undefined : placeAtStart(title);
  if (fromTitle) return fromTitle;
  const fromIssuer = input.issuer ? placeOfIssuer(input.issuer) : undefined;
  if (fromIssuer) return fromIssuer;
  return placeOfText(input.text.slice(0, 20_000));
}

/** Words that end like a place name but name none. */
const NOT_PLACES = new Set(["城市", "都市", "超市", "全市", "本市", "市区", "城区", "全区", "地区", "社区", "园区", "景区", "辖区", "山区", "林区", "开发区", "示范区", "自贸区", "全省", "本省", "全州"]);

function placeAtStart(text: string): string | undefined {
  if (NATIONAL.test(text)) return "全国";
  const organisation = ORGANISATION.exec(text);
  if (organisation) return organisation[1];
  const place = TITLE_PLACE.exec(text);
  if (place && !NOT_PLACES.has(place[1]!)) return place[1];
  const province = PROVINCES.find((name) => text.startsWith(name));
  return province;
}

function placeOfIssuer(issuer: string): string | undefined {
  // "南京市统计局 国家统计局南京调查队": the local body names the place.
  const names = issuer.split(/\s+/u);
  for (const name of names) {
    if (NATIONAL.test(name)) continue;
    const place = TITLE_PLACE.exec(name);
    if (place && !NOT_PLACES.has(place[1]!)) return place[1];
    const province = PROVINCES.find((candidate) => name.startsWith(candidate));
    if (province) return province;
  }
  if (names.some((name) => NATIONAL.test(name) || /部$|委员会$|总局$|总署$/u.test(name))) return "全国";
  return undefined;
}

function placeOfText(text: string): string | undefined {
  const count = (pattern: string) => text.split(pattern).length - 1;
  const provinceWide = count("全省") + count("全区");
  if (provinceWide > 0) {
    const named = PROVINCES.map((name) => ({ name, times: count(name) })).filter((entry) => entry.times > 0);
    named.sort((a, b) => b.times - a.times);
    if (named[0]) return named[0].name;
  }
  if (count("全国") + count("我国") >= 2) return "全国";
  return undefined;
}
