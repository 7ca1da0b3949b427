import type { BounceFormat } from "../types.js";

/** Plain-text bounce (no known format). Not written yet: detects nothing. */
export const textfallback: BounceFormat = {
  id: "textfallback",
  name: "Plain-text bounce (no known format)",
  detect: () => false,
  parse: () => null,
};
