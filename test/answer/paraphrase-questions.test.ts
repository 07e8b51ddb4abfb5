/**
 * Questions about the shipped report asked in other words than the report's, as the terminal
 * chat asks them (offline, lexical embeddings, the extractive answerer with its fitted decision):
 * a word the report says differently (公司 for 企业, 市场份额 for 市场占有率, 高新技术 for 高技术)
 * is found through word relatedness, and the answer carries the report's figure; a question
 * about what the report does not cover is still declined.
 */
import { describe, expect, it } from "vitest";
import { useShippedReportServices } from "../helpers/shipped-report-services.js";

const { ask, answered } = useShippedReportServices("paraphrase-questions-");

describe("questions worded differently from the shipped report", () => {
  it("finds 企业 for 公司: 有多少家汽车公司参加了成渝汽车产业链供需对接？ is answered with 5709家", async () => {
    const answer = await answered("有多少家汽车公司参加了成渝汽车产业链供需对接？");
    expect(answer.text).toContain("5709家");
  });

  it("finds 高技术 in 高新技术 (a contraction jieba knows) and answers 6.9%, not another industry's growth", async () => {
    const answer = await answered("高新技术制造业上半年增加值涨了多少？");
    expect(answer.text).toMatch(/^规模以上高技术制造业增加值同比增长6\.9%\[1\]/u);
  });

  it("finds 市场占有率 for 市场份额 and quotes the sentence with the rank", async () => {
    const answer = await answered("卫星网络领域的市场份额在全国排第几？");
    expect(answer.citations[0]!.quote).toContain("市场占有率位列全国前三");
  });

  it("declines a question about a province the report does not cover, however well the rest matches", async () => {
    expect((await ask("湖北省级企业技术中心有多少家？")).status).toBe("not_found");
  });

  it("declines a question about a product the report gives no figure for", async () => {
    expect((await ask("四川新能源汽车产量是多少？")).status).toBe("not_found");
  });
});
