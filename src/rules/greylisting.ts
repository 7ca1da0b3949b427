import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * Greylisting: the receiver defers the first attempt from an unknown sender/IP/recipient
 * triple and accepts a retry after a few minutes. It is a deliberate temporary refusal
 * (usually 450/451 4.7.1 or 4.2.0) and nothing needs fixing: a standard MTA retries.
 */
export const greylistingRules: RuleSet = {
  provider: { id: "greylisting", name: "Greylisting", fingerprints: [] },
  rules: [
    {
      id: "greylisting.deferred",
      provider: "generic",
      match: {
        any: [
          "greylist",
          "graylist",
          "grey-list",
          "gray-list",
          "grey listed",
          "gray listed",
          "greylisted",
          "postgrey",
          "try again in",
          "please retry in",
          "delayed by policy",
          "temporarily delayed for",
        ],
      },
      reason: "ratelimited",
      permanent: false,
      retry: "minutes",
      // Above the blocklist words: "Greylisted by greyfix" is not a listing.
      priority: PRIORITY.blocklist + 3,
      meaning:
        "Greylisting: the receiver deliberately deferred the first delivery attempt from this sender and will accept a retry after a short wait.",
      senderAction:
        "Nothing to fix: a standard mail server retries by itself and the retry is accepted. Make sure retries come from the same IP address (or the same pool).",
      adminAction:
        "Nothing to do unless legitimate senders retry from changing IP addresses; whitelist those pools.",
      references: ["RFC 5321 §4.5.4.1", "RFC 6647"],
      examples: [
        "450 4.2.0 <jo@example.org>: Recipient address rejected: Greylisted, see http://postgrey.example/",
        "451 4.7.1 Please try again in 5 minutes",
      ],
    },
  ],
};
