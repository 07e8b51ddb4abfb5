import type { Config } from "../config.js";

/** True when questions are answered by a language model: ANSWERER=llm, or auto with an endpoint or key set. */
export function usesLanguageModel(config: Pick<Config, "llm">): boolean {
  return config.llm.answerer === "llm" || (config.llm.answerer === "auto" && Boolean(config.llm.apiKey || config.llm.baseUrl));
}
