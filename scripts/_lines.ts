import { readFileSync } from "node:fs";
import { getDocumentProxy } from "unpdf";
import { readPageItems } from "../src/ingest/pdf/text-items.js";
import { linesFromItems } from "../src/ingest/pdf/lines.js";
const [file, from, to] = process.argv.slice(2);
const doc = await getDocumentProxy(new Uint8Array(readFileSync(file!)), { verbosity: 0 });
for (let n = Number(from); n <= Number(to ?? from); n++) {
  const page = await doc.getPage(n);
  const lines = linesFromItems(await readPageItems(page), n, { isBold: () => false });
  console.log(`=== page ${n}`);
  for (const l of lines) console.log(`${l.y.toFixed(1)}\t${l.x.toFixed(1)}-${l.right.toFixed(1)}\tfs${l.fontSize}\t${l.segments.map(s=>`[${s.x.toFixed(0)}-${s.right.toFixed(0)}]${s.text}`).join(" | ")}`);
}
