import type { BounceFormat } from "../types.js";

/** SurfControl. Not written yet: detects nothing. */
export const surfcontrol: BounceFormat = {
  id: "surfcontrol",
  name: "SurfControl",
  detect: () => false,
  parse: () => null,
};
