/**
 * The place and period a passage's document reports on: the index's document metadata when it
 * has them (ingest fills `passage.document`), else what the retrieved text itself says — the
 * period via detectReportingPeriod, the place as the province the passages name most (a report
 * writing 全省 is about one province).
 */
import type { RetrievedPassage } from "../../retrieve/types.js";
import { detectReportingPeriod } from "../../retrieve/reporting-period.js";
import { PROVINCES, shortPlaceName } from "../../lexicon/places.js";
import type { Period } from "../../question/constraints/types.js";

/** What a passage's document is about, for clauses that name no place or period of their own. */
export interface DocumentContext {
  place?: string;
  period?: Period;
  title?: string;
}

/** Returns the context of every document among `passages`, by document id. */
export function documentContexts(passages: readonly RetrievedPassage[]): Map<string, DocumentContext> {
  const texts = new Map<string, string[]>();
  const first = new Map<string, RetrievedPassage>();
  for (const passage of passages) {
    const id = passage.chunk.documentId;
    texts.set(id, [...(texts.get(id) ?? []), passage.chunk.text]);
    if (!first.has(id)) first.set(id, passage);
  }
  const contexts = new Map<string, DocumentContext>();
  for (const [id, passage] of first) {
    const text = texts.get(id)!.join("\n");
    const metadata = passage.document;
    const place = (metadata?.place ? shortPlaceName(metadata.place) : undefined) ?? placeFromText(`${passage.chunk.documentTitle}\n${text}`);
    const period = metadata?.period ?? passage.reportingPeriod ?? detectReportingPeriod(text);
    contexts.set(id, { ...(place ? { place } : {}), ...(period ? { period: { ...period } } : {}), title: metadata?.title ?? passage.chunk.documentTitle });
  }
  return contexts;
}

/** Returns the period of the part of a compilation `passage` belongs to, when the document has parts. */
export function partPeriod(passage: RetrievedPassage): Period | undefined {
  const part = passage.document?.parts?.find((item) => passage.chunk.paragraph >= item.fromParagraph && passage.chunk.paragraph <= item.toParagraph);
  return part?.period;
}

/** The province `text` names most often, when it names one (a text writing 全省 names its province too). */
function placeFromText(text: string): string | undefined {
  let best: { name: string; count: number } | undefined;
  for (const province of PROVINCES) {
    const count = text.split(province).length - 1;
    if (count > 0 && (!best || count > best.count)) best = { name: province, count };
  }
  return best?.name;
}

export { shortPlaceName };
