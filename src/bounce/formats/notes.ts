import type { BounceFormat } from "../types.js";

/** Lotus Notes / Domino. Not written yet: detects nothing. */
export const notes: BounceFormat = {
  id: "notes",
  name: "Lotus Notes / Domino",
  detect: () => false,
  parse: () => null,
};
