import type { BounceFormat } from "../types.js";

/** Microsoft Exchange 2007 and later. Not written yet: detects nothing. */
export const exchange2007: BounceFormat = {
  id: "exchange2007",
  name: "Microsoft Exchange 2007 and later",
  detect: () => false,
  parse: () => null,
};
