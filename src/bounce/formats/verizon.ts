import type { BounceFormat } from "../types.js";

/** Verizon. Not written yet: detects nothing. */
export const verizon: BounceFormat = {
  id: "verizon",
  name: "Verizon",
  detect: () => false,
  parse: () => null,
};
