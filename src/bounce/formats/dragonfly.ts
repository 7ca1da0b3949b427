import type { BounceFormat } from "../types.js";

/** DragonFly Mail Agent. Not written yet: detects nothing. */
export const dragonfly: BounceFormat = {
  id: "dragonfly",
  name: "DragonFly Mail Agent",
  detect: () => false,
  parse: () => null,
};
