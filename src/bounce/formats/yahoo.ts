import type { BounceFormat } from "../types.js";

/** Yahoo! Mail. Not written yet: detects nothing. */
export const yahoo: BounceFormat = {
  id: "yahoo",
  name: "Yahoo! Mail",
  detect: () => false,
  parse: () => null,
};
