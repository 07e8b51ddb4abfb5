import { IngestError } from "../../errors.js";
import type { LoadedText } from "./types.js";

/** Returns the rows of a .xlsx file as table-row blocks. Throws IngestError. */
export async function loadXlsx(_bytes: Uint8Array, path: string): Promise<LoadedText> {
  // Placeholder until the xlsx loader lands (issue 14); the extension is not mapped yet.
  throw new IngestError(`${path}: .xlsx files are not supported yet.`, "unsupported", path);
}
