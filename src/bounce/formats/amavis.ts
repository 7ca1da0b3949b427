import type { BounceFormat } from "../types.js";

/** amavisd-new. Not written yet: detects nothing. */
export const amavis: BounceFormat = {
  id: "amavis",
  name: "amavisd-new",
  detect: () => false,
  parse: () => null,
};
