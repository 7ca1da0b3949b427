import type { BounceFormat } from "../types.js";

/** fml mailing list. Not written yet: detects nothing. */
export const fml: BounceFormat = {
  id: "fml",
  name: "fml mailing list",
  detect: () => false,
  parse: () => null,
};
