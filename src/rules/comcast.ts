import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Comcast (comcast.net, xfinity). BLnnnnnn codes are its block reasons, documented at postmaster.comcast.net. */
export const comcastRules: RuleSet = {
  provider: {
    id: "comcast",
    name: "Comcast / Xfinity",
    fingerprints: ["comcast", "postmaster.comcast.net", "xfinity"],
    domains: ["comcast.net", "xfinity.com"],
    documentation: "http://postmaster.comcast.net/smtp-error-codes.php",
  },
  rules: [
    {
      id: "comcast.block",
      provider: "comcast",
      match: { any: ["comcast block for spam", "smtp-error-codes.php#bl", "#bl0"] },
      reason: "blocked",
      priority: PRIORITY.blocklist + 1,
      meaning: "Comcast blocked the sending IP (a BL code: its own list or a DNSBL it uses).",
      senderAction:
        "Look up the BL code on Comcast's postmaster site and request removal after fixing the cause.",
      examples: [
        "554 resimta-ch2-01v.sys.comcast.net comcast 192.0.2.9 Comcast block for spam. Please see http://postmaster.comcast.net/smtp-error-codes.php#BL000000",
      ],
    },
  ],
};
