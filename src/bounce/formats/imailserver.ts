import type { BounceFormat } from "../types.js";

/** IMail Server. Not written yet: detects nothing. */
export const imailserver: BounceFormat = {
  id: "imailserver",
  name: "IMail Server",
  detect: () => false,
  parse: () => null,
};
