import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** NetEase (163.com, 126.com). */
export const neteaseRules: RuleSet = {
  provider: {
    id: "netease",
    name: "NetEase (163.com, 126.com)",
    fingerprints: ["mail.163.com", "126.com", "netease", "dt:spm"],
    domains: ["163.com", "126.com", "yeah.net"],
    documentation: "https://help.mail.163.com/",
  },
  rules: [
    {
      id: "netease.spam",
      provider: "netease",
      match: { any: ["dt:spm"] },
      reason: "spamdetected",
      priority: PRIORITY.contentStrong,
      meaning: "NetEase's filter scored the message as spam (DT:SPM).",
      examples: [
        "554 DT:SPM 163 smtp9,abc123 1564000000,please see http://mail.163.com/help/help_spam_16.htm",
      ],
    },
  ],
};
