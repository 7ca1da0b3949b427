import type { BounceFormat } from "../types.js";

/** 1&1. Not written yet: detects nothing. */
export const einsundeins: BounceFormat = {
  id: "einsundeins",
  name: "1&1",
  detect: () => false,
  parse: () => null,
};
