import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Courier MTA. */
export const courierRules: RuleSet = {
  provider: {
    id: "courier",
    name: "Courier MTA",
    fingerprints: ["courier"],
    documentation: "https://www.courier-mta.org/",
  },
  rules: [
    {
      id: "courier.pra",
      provider: "courier",
      match: { any: ["purported responsible address"] },
      reason: "notcompliantrfc",
      priority: PRIORITY.contentStrong + 1,
      meaning:
        "Courier could not find a Purported Responsible Address (RFC 4407) in the headers: no usable Resent-Sender, Sender or From.",
      references: ["RFC 4407"],
      examples: ["550 5.7.1 can't determine Purported Responsible Address"],
    },
  ],
};
