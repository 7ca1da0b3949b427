import type { BounceFormat } from "../types.js";

/** Barracuda. Not written yet: detects nothing. */
export const barracuda: BounceFormat = {
  id: "barracuda",
  name: "Barracuda",
  detect: () => false,
  parse: () => null,
};
