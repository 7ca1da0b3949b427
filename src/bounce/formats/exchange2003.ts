import type { BounceFormat } from "../types.js";

/** Microsoft Exchange 2003. Not written yet: detects nothing. */
export const exchange2003: BounceFormat = {
  id: "exchange2003",
  name: "Microsoft Exchange 2003",
  detect: () => false,
  parse: () => null,
};
