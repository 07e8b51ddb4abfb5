import { IngestError } from "../../errors.js";
import type { LoadedText } from "./types.js";

/** Returns the rows of a .csv file as table-row blocks. Throws IngestError. */
export async function loadCsv(_bytes: Uint8Array, path: string): Promise<LoadedText> {
  // Placeholder until the csv loader lands (issue 14); the extension is not mapped yet.
  throw new IngestError(`${path}: .csv files are not supported yet.`, "unsupported", path);
}
