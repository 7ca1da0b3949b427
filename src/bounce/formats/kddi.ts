import type { BounceFormat } from "../types.js";

/** KDDI. Not written yet: detects nothing. */
export const kddi: BounceFormat = {
  id: "kddi",
  name: "KDDI",
  detect: () => false,
  parse: () => null,
};
