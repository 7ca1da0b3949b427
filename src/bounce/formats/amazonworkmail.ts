import type { BounceFormat } from "../types.js";

/** Amazon WorkMail. Not written yet: detects nothing. */
export const amazonworkmail: BounceFormat = {
  id: "amazonworkmail",
  name: "Amazon WorkMail",
  detect: () => false,
  parse: () => null,
};
