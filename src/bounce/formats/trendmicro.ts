import type { BounceFormat } from "../types.js";

/** Trend Micro InterScan MSS. Not written yet: detects nothing. */
export const trendmicro: BounceFormat = {
  id: "trendmicro",
  name: "Trend Micro InterScan MSS",
  detect: () => false,
  parse: () => null,
};
