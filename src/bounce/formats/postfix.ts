import type { BounceFormat } from "../types.js";

/** Postfix. Not written yet: detects nothing. */
export const postfix: BounceFormat = {
  id: "postfix",
  name: "Postfix",
  detect: () => false,
  parse: () => null,
};
