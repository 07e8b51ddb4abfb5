/**
 * Twenty-two figures of the shipped report (knowledge/sichuan-industry-report.txt) with the
 * answers a chat model writes about them: correct ones in several forms, and the wrong ones the
 * verifier must never certify. The realistic model (realistic-model.ts) answers from these.
 *
 * `clause` is verbatim canonical report text; every answer is the model's own wording.
 */

/** One figure of the report and what a model says about it. */
export interface ReportFact {
  id: string;
  /** Chinese question; the model recognises it in the user message. */
  question: string;
  /** The clause of the report that states the figure (verbatim, watermark glyphs removed). */
  clause: string;
  /** A correct Chinese answer in the model's words, without a marker or final full stop. */
  answer: string;
  /** The same correct answer in other words (规上 for 规模以上, 增幅 for 增长, 排名第4 for 居第4位). */
  paraphrase: string;
  /** A second short sentence a model adds after the fact (used for the end-of-paragraph marker habit). */
  remark?: string;
  /** The correct answer with its figures in Chinese numerals. */
  chineseNumerals: string;
  /** The correct answer with thousands separators, for figures of four digits or more. */
  thousands?: string;
  /** English question and a correct English answer with English units (489.9 billion yuan, 4th, 1,387). */
  english?: {
    question: string;
    answer: string;
    wrong: string;
    /**
     * A wrong English answer giving the figure of a sibling subject of the same sentence, whose
     * subject words the dictionary cannot place word for word ("smart healthcare", "above
     * designated size"): the verifier must bind them through the evidence.
     */
    sibling?: string;
  };
  /** Wrong answers: a neighbouring figure of the same sentence, the opposite direction, a wrong value in Chinese numerals. */
  wrong: { sibling?: string; flipped?: string; chineseNumeral: string };
}

/** The facts, in report order. */
export const REPORT_FACTS: ReportFact[] = [
  {
    id: "industry-growth",
    question: "2024年上半年四川规模以上工业增加值同比增长多少？",
    clause: "全省规模以上工业增加值同比增长6.2%",
    answer: "2024年上半年，四川全省规模以上工业增加值同比增长6.2%",
    paraphrase: "四川省2024年上半年规上工业增加值比上年同期增长6.2%",
    remark: "这是全省工业运行的总体增速",
    chineseNumerals: "2024年上半年，四川全省规模以上工业增加值同比增长百分之六点二",
    english: {
      question: "How much did Sichuan's industrial value added above designated size grow in the first half of 2024?",
      answer: "In the first half of 2024, Sichuan's industrial value added above designated size grew 6.2 percent year on year",
      wrong: "In the first half of 2024, Sichuan's industrial value added above designated size grew 6.3 percent year on year",
      sibling: "In the first half of 2024, Sichuan's industrial value added above designated size grew by 6.6%",
    },
    wrong: {
      sibling: "2024年上半年，四川全省规模以上工业增加值同比增长6.6%",
      flipped: "2024年上半年，四川全省规模以上工业增加值同比下降6.2%",
      chineseNumeral: "2024年上半年，四川全省规模以上工业增加值同比增长百分之六点三",
    },
  },
  {
    id: "six-industries",
    question: "2024年上半年六大优势产业增加值同比增长多少？",
    clause: "六大优势产业增加值同比增长6.6%",
    answer: "2024年上半年，六大优势产业增加值同比增长6.6%",
    paraphrase: "六大优势产业的增加值在2024年上半年同比增长了6.6%",
    remark: "增速高于全省规模以上工业",
    chineseNumerals: "2024年上半年，六大优势产业增加值同比增长百分之六点六",
    english: {
      question: "How fast did the value added of the six advantageous industries grow in the first half of 2024?",
      answer: "The value added of the six advantageous industries grew 6.6% year on year in the first half of 2024",
      wrong: "The value added of the six advantageous industries grew 6.9 percent year on year in the first half of 2024",
    },
    wrong: {
      sibling: "2024年上半年，六大优势产业增加值同比增长6.9%",
      flipped: "2024年上半年，六大优势产业增加值同比下降6.6%",
      chineseNumeral: "2024年上半年，六大优势产业增加值同比增长百分之六点八",
    },
  },
  {
    id: "high-tech-growth",
    question: "规模以上高技术制造业增加值同比增长多少？",
    clause: "规模以上高技术制造业增加值同比增长6.9%",
    answer: "规模以上高技术制造业增加值同比增长6.9%",
    paraphrase: "高技术制造业增加值同比增长了6.9%",
    chineseNumerals: "规模以上高技术制造业增加值同比增长百分之六点九",
    english: {
      question: "How much did the value added of high-tech manufacturing above designated size grow?",
      answer: "The value added of high-tech manufacturing above designated size grew by 6.9% year on year",
      wrong: "The value added of high-tech manufacturing above designated size grew by 9.6% year on year",
      sibling: "The value added of high-tech manufacturing above designated size grew by 11.0% year on year",
    },
    wrong: {
      sibling: "规模以上高技术制造业增加值同比增长11.0%",
      flipped: "规模以上高技术制造业增加值同比减少6.9%",
      chineseNumeral: "规模以上高技术制造业增加值同比增长百分之九点六",
    },
  },
  {
    id: "green-growth",
    question: "绿色低碳优势产业增加值同比增长了多少？",
    clause: "绿色低碳优势产业增加值同比增长11.0%",
    answer: "绿色低碳优势产业增加值同比增长11.0%，是几类产业中最快的",
    paraphrase: "绿色低碳优势产业的增加值同比增幅为11.0%",
    chineseNumerals: "绿色低碳优势产业增加值同比增长百分之十一",
    wrong: {
      sibling: "绿色低碳优势产业增加值同比增长6.9%",
      flipped: "绿色低碳优势产业增加值同比下降11.0%",
      chineseNumeral: "绿色低碳优势产业增加值同比增长百分之十二",
    },
  },
  {
    id: "smart-medicine",
    question: "四川智慧医疗居全国第几位？",
    clause: "智慧医疗居全国第4位",
    answer: "四川智慧医疗居全国第4位",
    paraphrase: "在智慧医疗方面，四川排在全国第4位",
    remark: "这是人工智能赋能各行业的成果之一",
    chineseNumerals: "四川智慧医疗居全国第四位",
    english: {
      question: "Where does Sichuan's smart healthcare rank nationally?",
      answer: "Sichuan's smart healthcare ranks 4th in the country",
      wrong: "Sichuan's smart healthcare ranks 3rd in the country",
      sibling: "Sichuan's smart healthcare ranks 第5位 in the country",
    },
    wrong: { sibling: "四川智慧医疗居全国第5位", chineseNumeral: "四川智慧医疗居全国第五位" },
  },
  {
    id: "smart-finance",
    question: "四川智慧金融在全国排第几？",
    clause: "智慧金融居全国第5位",
    answer: "四川的智慧金融居全国第5位",
    paraphrase: "四川智慧金融排名全国第5",
    chineseNumerals: "四川的智慧金融居全国第五位",
    english: {
      question: "Where does Sichuan's smart finance rank nationally?",
      answer: "Sichuan's smart finance ranks 5th in the country",
      wrong: "Sichuan's smart finance ranks 6th in the country",
      sibling: "Sichuan's smart finance ranks 4th nationally",
    },
    wrong: { sibling: "四川的智慧金融居全国第4位", chineseNumeral: "四川的智慧金融居全国第三位" },
  },
  {
    id: "demonstration-enterprises",
    question: "四川培育了多少个国家技术创新示范企业？",
    clause: "培育国家技术创新示范企业36个",
    answer: "四川培育国家技术创新示范企业36个",
    paraphrase: "国家技术创新示范企业共培育了36个",
    chineseNumerals: "四川培育国家技术创新示范企业三十六个",
    wrong: { sibling: "四川培育国家技术创新示范企业13个", chineseNumeral: "四川培育国家技术创新示范企业三十八个" },
  },
  {
    id: "provincial-innovation-centres",
    question: "四川建成了多少个省级制造业创新中心？",
    clause: "建成13个省级制造业创新中心",
    answer: "四川建成了13个省级制造业创新中心",
    paraphrase: "省级制造业创新中心已建成13个",
    chineseNumerals: "四川建成了十三个省级制造业创新中心",
    wrong: { sibling: "四川建成了1个省级制造业创新中心", chineseNumeral: "四川建成了十四个省级制造业创新中心" },
  },
  {
    id: "technology-centres",
    question: "省级企业技术中心有多少家？",
    clause: "省级企业技术中心达1387家",
    answer: "四川省级企业技术中心达到1387家",
    paraphrase: "四川共有省级企业技术中心1387家",
    remark: "这些中心是企业创新的重要平台",
    chineseNumerals: "四川省级企业技术中心达到一千三百八十七家",
    thousands: "四川省级企业技术中心达到1,387家",
    english: {
      question: "How many provincial enterprise technology centres does Sichuan have?",
      answer: "Sichuan has 1,387 provincial-level enterprise technology centres",
      wrong: "Sichuan has 1,378 provincial-level enterprise technology centres",
      sibling: "Sichuan has 36个 provincial-level enterprise technology centres",
    },
    wrong: { sibling: "四川省级企业技术中心达到36家", chineseNumeral: "四川省级企业技术中心达到一千三百七十八家" },
  },
  {
    id: "revenue-share",
    question: "2023年全省高技术制造业营业收入占规上工业比重是多少？",
    clause: "2023年全省高技术制造业营业收入占规上工业比重22.3%",
    answer: "2023年，全省高技术制造业营业收入占规上工业的比重为22.3%",
    paraphrase: "2023年高技术制造业营收占规上工业的22.3%",
    chineseNumerals: "2023年，全省高技术制造业营业收入占规上工业的比重为百分之二十二点三",
    wrong: { chineseNumeral: "2023年，全省高技术制造业营业收入占规上工业的比重为百分之二十三点二" },
  },
  {
    id: "revenue-share-rise",
    question: "2023年高技术制造业营业收入占比提升了多少个百分点？",
    clause: "提升1.8个百分点",
    answer: "2023年，高技术制造业营业收入占规上工业比重提升了1.8个百分点",
    paraphrase: "2023年，这一比重比上年提高1.8个百分点",
    chineseNumerals: "2023年，高技术制造业营业收入占规上工业比重提升了一点八个百分点",
    english: {
      question: "By how many percentage points did high-tech manufacturing's share of revenue rise in 2023?",
      answer: "In 2023 the share of high-tech manufacturing in the revenue of industry above designated size rose by 1.8 percentage points",
      wrong: "In 2023 the share of high-tech manufacturing in the revenue of industry above designated size rose by 2.8 percentage points",
    },
    wrong: {
      flipped: "2023年，高技术制造业营业收入占规上工业比重下降了1.8个百分点",
      chineseNumeral: "2023年，高技术制造业营业收入占规上工业比重提升了二点八个百分点",
    },
  },
  {
    id: "internet-platforms",
    question: "四川累计打造了多少个工业互联网平台？",
    clause: "累计打造工业互联网平台47个",
    answer: "四川累计打造工业互联网平台47个",
    paraphrase: "工业互联网平台累计达到47个",
    chineseNumerals: "四川累计打造工业互联网平台四十七个",
    wrong: { sibling: "四川累计打造工业互联网平台38个", chineseNumeral: "四川累计打造工业互联网平台四十八个" },
  },
  {
    id: "digital-economy",
    question: "2023年四川数字经济核心产业增加值是多少？",
    clause: "2023年实现数字经济核心产业增加值4899亿元",
    answer: "2023年，四川数字经济核心产业增加值达到4899亿元",
    paraphrase: "2023年四川数字经济核心产业实现增加值4899亿元",
    remark: "这是数字经济与实体经济融合发展的体现",
    chineseNumerals: "2023年，四川数字经济核心产业增加值达到四千八百九十九亿元",
    thousands: "2023年，四川数字经济核心产业增加值达到4,899亿元",
    english: {
      question: "What was the value added of Sichuan's core digital economy industries in 2023?",
      answer: "In 2023, the value added of Sichuan's core digital economy industries was 489.9 billion yuan",
      wrong: "In 2023, the value added of Sichuan's core digital economy industries was 498.9 billion yuan",
    },
    wrong: { chineseNumeral: "2023年，四川数字经济核心产业增加值达到四千九百八十九亿元" },
  },
  {
    id: "cnc-rate",
    question: "工业企业关键工序数控化率上升到了多少？",
    clause: "工业企业关键工序数控化率、数字化研发设计工具普及率上升至59.4%和81.7%",
    answer: "工业企业关键工序数控化率上升至59.4%",
    paraphrase: "关键工序数控化率达到59.4%",
    chineseNumerals: "工业企业关键工序数控化率上升至百分之五十九点四",
    wrong: { flipped: "工业企业关键工序数控化率下降至59.4%", chineseNumeral: "工业企业关键工序数控化率上升至百分之五十四点九" },
  },
  {
    id: "manufacturing-readiness",
    question: "四川智能制造就绪度居全国第几位？",
    clause: "智能制造就绪度居全国第4位",
    answer: "四川智能制造就绪度居全国第4位",
    paraphrase: "四川的智能制造就绪度全国排名第4",
    chineseNumerals: "四川智能制造就绪度居全国第四位",
    english: {
      question: "Where does Sichuan rank nationally for intelligent manufacturing readiness in the digital economy?",
      answer: "Sichuan ranks 4th in the country for smart manufacturing readiness",
      wrong: "Sichuan ranks 5th in the country for smart manufacturing readiness",
    },
    wrong: { chineseNumeral: "四川智能制造就绪度居全国第三位" },
  },
  {
    id: "energy-intensity",
    question: "2023年规模以上工业单位增加值能耗下降了多少？",
    clause: "2023年再下降3.4%",
    answer: "2023年，规模以上工业单位增加值能耗再下降3.4%",
    paraphrase: "2023年规上工业单位增加值能耗又下降了3.4%",
    chineseNumerals: "2023年，规模以上工业单位增加值能耗再下降百分之三点四",
    wrong: { flipped: "2023年，规模以上工业单位增加值能耗上升3.4%", chineseNumeral: "2023年，规模以上工业单位增加值能耗再下降百分之四点三" },
  },
  {
    id: "reform-items",
    question: "下一步四川将推进多少项改革事项？",
    clause: "健全防范化解拖欠企业账款长效机制等14项改革事项",
    answer: "下一步，四川将完善14项改革事项",
    paraphrase: "下一步要推进的改革事项共有14项",
    chineseNumerals: "下一步，四川将完善十四项改革事项",
    wrong: { sibling: "下一步，四川将完善8项改革事项", chineseNumeral: "下一步，四川将完善十五项改革事项" },
  },
  {
    id: "car-companies",
    question: "有多少家汽车企业上了成渝地区双城经济圈汽车产业链供需信息对接平台？",
    clause: "促成5709家汽车企业上成渝地区双城经济圈汽车产业链供需信息对接平台",
    answer: "共有5709家汽车企业上了成渝地区双城经济圈汽车产业链供需信息对接平台",
    paraphrase: "5709家汽车企业已接入成渝地区双城经济圈汽车产业链供需信息对接平台",
    chineseNumerals: "共有五千七百零九家汽车企业上了成渝地区双城经济圈汽车产业链供需信息对接平台",
    thousands: "共有5,709家汽车企业上了成渝地区双城经济圈汽车产业链供需信息对接平台",
    english: {
      question: "How many car companies joined the Chengdu-Chongqing automobile supply and demand matching platform?",
      answer: "5,709 automobile enterprises joined the Chengdu-Chongqing automobile industry chain supply and demand platform",
      wrong: "5,790 automobile enterprises joined the Chengdu-Chongqing automobile industry chain supply and demand platform",
    },
    wrong: { chineseNumeral: "共有五千七百九十家汽车企业上了成渝地区双城经济圈汽车产业链供需信息对接平台" },
  },
  {
    id: "base-stations",
    question: "川渝共同建成了多少个5G基站？",
    clause: "共同建成5G基站超23万个",
    answer: "川渝共同建成5G基站超过23万个",
    paraphrase: "川渝两地建成的5G基站已超过23万个",
    chineseNumerals: "川渝共同建成5G基站超过二十三万个",
    english: {
      question: "How many 5G base stations have Sichuan and Chongqing built together?",
      answer: "Together they have built more than 230,000 5G base stations",
      wrong: "Together they have built more than 320,000 5G base stations",
    },
    wrong: { sibling: "川渝共同建成5G基站超过11个", chineseNumeral: "川渝共同建成5G基站超过三十二万个" },
  },
  {
    id: "cloud-enterprises",
    question: "累计推动上云企业超过多少家？",
    clause: "累计推动上云企业超48万家",
    answer: "累计推动上云企业超过48万家",
    paraphrase: "上云企业累计超过48万家",
    chineseNumerals: "累计推动上云企业超过四十八万家",
    english: {
      question: "How many enterprises have moved to the cloud?",
      answer: "More than 0.48 million enterprises have been moved to the cloud",
      wrong: "More than 0.84 million enterprises have been moved to the cloud",
    },
    wrong: { sibling: "累计推动上云企业超过23万家", chineseNumeral: "累计推动上云企业超过八十四万家" },
  },
  {
    id: "drone-products",
    question: "全省无人机产品有多少种？",
    clause: "全省无人机产品超60种",
    answer: "全省无人机产品超过60种",
    paraphrase: "四川无人机产品已超过60种",
    chineseNumerals: "全省无人机产品超过六十种",
    english: {
      question: "How many kinds of drone products does the province make?",
      answer: "The province has more than 60 kinds of drone products",
      wrong: "The province has more than 50 kinds of drone products",
    },
    wrong: { chineseNumeral: "全省无人机产品超过五十种" },
  },
  {
    id: "research-share",
    question: "2023年企业研发投入占全社会RD比重是多少？",
    clause: "2023年企业研发投入占全社会RD比重超过60%",
    answer: "2023年企业研发投入占全社会RD比重超过60%",
    paraphrase: "2023年企业研发投入在全社会RD中的占比超过60%",
    chineseNumerals: "2023年企业研发投入占全社会RD比重超过百分之六十",
    wrong: { chineseNumeral: "2023年企业研发投入占全社会RD比重超过百分之七十" },
  },
];
