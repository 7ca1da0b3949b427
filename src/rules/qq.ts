import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * Tencent QQ Mail and Exmail. QQ documents each refusal on service.mail.qq.com help pages
 * (no=1000722 … 1001508). It sends 550 for its frequency limits, including
 * "Mailbox unavailable or access denied", which is a rate limit, not a dead mailbox.
 */
export const qqRules: RuleSet = {
  provider: {
    id: "qq",
    name: "QQ Mail / Tencent Exmail",
    fingerprints: ["service.mail.qq.com", "exmail.qq.com", "qq.com"],
    domains: ["qq.com", "foxmail.com", "exmail.qq.com"],
    documentation: "https://service.mail.qq.com/",
  },
  rules: [
    {
      id: "qq.access-frequency",
      provider: "qq",
      match: { any: ["mailbox unavailable or access denied"] },
      reason: "ratelimited",
      permanent: false,
      priority: PRIORITY.reputation + 1,
      meaning:
        "QQ answers this way when the sending IP or sender is over its frequency limits; it is not a statement about the mailbox.",
      senderAction: "Slow down and retry later; keep the address.",
      examples: ["550 Mailbox unavailable or access denied [MVdkeKTOWoNhHA1YzFWQ5S== IP: 192.0.2.9]"],
    },
    {
      id: "qq.frequency-limited",
      provider: "qq",
      match: { any: ["frequency limited"] },
      reason: "ratelimited",
      permanent: false,
      priority: PRIORITY.blocklist + 2,
      meaning:
        'QQ limits how often one IP, connection or sender may deliver; the "Blocked IP" in the text is the throttle, not a blocklist.',
      senderAction: "Slow down and retry later.",
      examples: [
        "550 Ip frequency limited [V2VkIEFwci Blocked IP 192.0.2.9]. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000725",
      ],
    },
  ],
};
