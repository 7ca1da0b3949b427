import type { BounceFormat } from "../types.js";

/** Google Workspace. Not written yet: detects nothing. */
export const googleworkspace: BounceFormat = {
  id: "googleworkspace",
  name: "Google Workspace",
  detect: () => false,
  parse: () => null,
};
