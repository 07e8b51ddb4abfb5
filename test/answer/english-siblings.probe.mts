import { verifyDraft } from "../../src/answer/verify/verify-draft.js";
import { asPassages, canonicalText, reportChunk } from "./report-passages.js";
const paragraphs = canonicalText.split("\n");
const passages = asPassages(paragraphs.map((text, index) => reportChunk(index + 1, text, index)));
const sentenceWith = (paragraph: number, clause: string) => paragraphs[paragraph - 1]!.split(/(?<=。)/u).find((sentence) => sentence.includes(clause))!;
const cases: Array<[string, string, number, string]> = [
  ["Where does Sichuan's smart healthcare rank nationally?", "Sichuan's smart healthcare ranks 第5位 in the country", 2, "智慧医疗"],
  ["How many provincial-level enterprise technology centres does Sichuan have?", "Sichuan has 36个 provincial-level enterprise technology centres", 4, "1387家"],
  ["How much did Sichuan's industrial value added above designated size grow in the first half of 2024?", "In the first half of 2024, Sichuan's industrial value added above designated size grew by 6.6%", 1, "6.2%"],
  ["How much did the value added of high-tech manufacturing above designated size grow?", "The value added of high-tech manufacturing above designated size grew by 11.0%", 1, "6.9%"],
  ["Where does Sichuan's smart finance rank nationally?", "Sichuan's smart finance ranks 4th nationally", 2, "智慧金融"],
  ["Where does Sichuan's smart healthcare rank nationally?", "Sichuan's smart healthcare ranks 4th in the country", 2, "智慧医疗"],
  ["How many provincial-level enterprise technology centres does Sichuan have?", "Sichuan has 1,387 provincial-level enterprise technology centres", 4, "1387家"],
  ["How much did Sichuan's industrial value added above designated size grow in the first half of 2024?", "In the first half of 2024, Sichuan's industrial value added above designated size grew by 6.2%", 1, "6.2%"],
];
for (const [question, text, paragraph, clause] of cases) {
  const r = verifyDraft({ question, draft: { text: `${text} [${paragraph}].`, citations: [{ n: paragraph, passage: paragraph, quote: sentenceWith(paragraph, clause) }], notFound: false }, passages });
  console.log(r.ok ? "OK  " : "FAIL", text, r.errors.join(" | ").slice(0, 200));
}
