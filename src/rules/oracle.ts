import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Oracle Cloud Infrastructure Email Delivery. */
export const oracleRules: RuleSet = {
  provider: {
    id: "oracle-cloud-email",
    name: "Oracle Cloud Infrastructure Email Delivery",
    fingerprints: ["oraclecloud", "email.us-ashburn", "oci email"],
    domains: ["oraclecloud.com"],
    documentation: "https://docs.oracle.com/en-us/iaas/Content/Email/Reference/smtp_errors.htm",
  },
  rules: [
    {
      id: "oracle-cloud-email.auth-failures",
      provider: "oracle-cloud-email",
      match: { any: ["too many auth failures"] },
      reason: "securityerror",
      permanent: false,
      priority: PRIORITY.security + 1,
      meaning:
        "The submission service saw too many failed logins from this client and pauses it; check the SMTP credentials.",
      examples: ["421 Too many auth failures, try again later"],
    },
  ],
};
