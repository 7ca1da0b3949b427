import type { BounceFormat } from "../types.js";

/** PowerMTA. Not written yet: detects nothing. */
export const powermta: BounceFormat = {
  id: "powermta",
  name: "PowerMTA",
  detect: () => false,
  parse: () => null,
};
