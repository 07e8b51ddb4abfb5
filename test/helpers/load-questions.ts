/**
 * The questions simulated users ask under load (the bot and fleet benchmarks, the fleet's
 * exactly-once test): each answered by the shipped report, a mix of figures, ranks, a list and
 * a date, so answers take the usual range of time.
 */
export const LOAD_QUESTIONS: readonly string[] = [
  "2024年上半年全省规模以上工业增加值同比增长多少？",
  "六大优势产业增加值同比增长多少？",
  "绿色低碳优势产业增加值增长多少？",
  "规模以上高技术制造业增加值增长多少？",
  "成都超算中心计算能力排名如何？",
  "智慧医疗居全国第几位？",
  "引进了哪些重大项目？",
  "四川省元宇宙产业协会是什么时候成立的？",
];
