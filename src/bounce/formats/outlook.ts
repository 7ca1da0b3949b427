import type { BounceFormat } from "../types.js";

/** Outlook.com / Hotmail. Not written yet: detects nothing. */
export const outlook: BounceFormat = {
  id: "outlook",
  name: "Outlook.com / Hotmail",
  detect: () => false,
  parse: () => null,
};
