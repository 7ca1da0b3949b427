import type { BounceFormat } from "../types.js";

/** Courier MTA. Not written yet: detects nothing. */
export const courier: BounceFormat = {
  id: "courier",
  name: "Courier MTA",
  detect: () => false,
  parse: () => null,
};
