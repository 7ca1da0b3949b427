import { isExpectedReply } from "../codes/commands.js";
import { basicEntry, enhancedEntry } from "../codes/index-core.js";
import type { Finding, Reply } from "../types.js";

/**
 * What the digits of a reply say about its own consistency: RFC 3463 and RFC 2034 tie the
 * enhanced code's class to the reply's first digit; the registry says which classes a
 * detail code is meant for; RFC 5321 lists which replies a command may draw.
 */
export function codeFindings(reply: Reply): Finding[] {
  const findings: Finding[] = [];
  const code = reply.code;
  const enhanced = reply.enhanced;
  const basicClass = code === null ? null : Math.floor(code / 100);

  if (code !== null) {
    const entry = basicEntry(code);
    if (basicClass !== null && (basicClass < 2 || basicClass > 5)) {
      findings.push({
        id: "invalid-first-digit",
        severity: "warning",
        message: `${code} is not a valid SMTP reply: the first digit must be 2 to 5 (RFC 5321 §4.2.1). Clients act on the first digit only.`,
        references: ["RFC 5321 §4.2.1"],
      });
    } else if (!entry || entry.status === "non-standard" || entry.status === "not-smtp") {
      const meant = entry?.likelyMeant
        ? ` It most likely stands for enhanced code ${entry.likelyMeant}.`
        : "";
      findings.push({
        id: "non-standard-code",
        severity: "info",
        message: `No RFC defines the reply code ${code}; clients treat it by its first digit (${basicClass === 5 ? "permanent failure" : basicClass === 4 ? "temporary failure" : "success or intermediate"}), per RFC 5321 §4.2.1.${meant}`,
        references: ["RFC 5321 §4.2.1"],
      });
    }
  }

  if (enhanced) {
    if (basicClass !== null && basicClass >= 2 && basicClass <= 5 && basicClass !== enhanced.class) {
      const detail =
        basicClass === 2 || basicClass === 3
          ? `a ${code} reply reports success or asks for more input, yet ${enhanced.code} reports a failure`
          : enhanced.class === 2
            ? `a failure reply carries the success code ${enhanced.code}`
            : `${code} says ${basicClass === 5 ? "permanent" : "temporary"} while ${enhanced.code} says ${enhanced.class === 5 ? "permanent" : "temporary"}`;
      findings.push({
        id: "class-mismatch",
        severity: "warning",
        message: `The reply code and the enhanced code disagree: ${detail}. RFC 3463 §2 and RFC 2034 §4 require the same class; the text decides which is meant.`,
        references: ["RFC 3463 §2", "RFC 2034 §4"],
      });
    }
    if (basicClass === 3) {
      findings.push({
        id: "enhanced-on-intermediate",
        severity: "info",
        message: "Enhanced status codes are not sent with 3yz replies (RFC 2034 §4).",
        references: ["RFC 2034 §4"],
      });
    }
    const entry = enhancedEntry(enhanced.code);
    if (!entry) {
      findings.push({
        id: "unregistered-enhanced",
        severity: "info",
        message:
          enhanced.subject > 7
            ? `${enhanced.code} uses subject ${enhanced.subject}, which RFC 3463 does not define (subjects are 0 to 7); it is the server's private code.`
            : `${enhanced.code} is not in the IANA enhanced status code registry; only its class and subject carry a standard meaning.`,
        references: ["RFC 3463 §2"],
      });
    } else if (entry.status === "non-standard") {
      findings.push({
        id: "non-standard-enhanced",
        severity: "info",
        message: `${enhanced.code} is not in the IANA registry; it is a code of ${entry.seenAt?.join(", ") ?? "some servers"}: ${entry.title}.`,
      });
    } else if (entry.usage === "transient" && enhanced.class === 5) {
      findings.push({
        id: "registry-expects-transient",
        severity: "info",
        message: `The registry describes ${entry.code} (${entry.title}) as useful only as a temporary failure, but the server sent it as permanent (${enhanced.code}).`,
        references: entry.references.slice(0, 1),
      });
    } else if (entry.usage === "permanent" && enhanced.class === 4) {
      findings.push({
        id: "registry-expects-permanent",
        severity: "info",
        message: `The registry describes ${entry.code} (${entry.title}) as useful only as a permanent failure, but the server sent it as temporary (${enhanced.code}).`,
        references: entry.references.slice(0, 1),
      });
    } else if (entry.usage === "success" && enhanced.class !== 2) {
      findings.push({
        id: "success-detail-on-failure",
        severity: "warning",
        message: `${entry.code} (${entry.title}) is a success detail, yet it came with class ${enhanced.class}.`,
        references: entry.references.slice(0, 1),
      });
    }
  }

  if (code !== null && reply.command !== null) {
    const expected = isExpectedReply(reply.command, code);
    if (expected === false) {
      findings.push({
        id: "unexpected-for-command",
        severity: "info",
        message: `RFC 5321 §4.3.2 and the extension RFCs do not list ${code} as a reply to ${reply.command}.`,
        references: ["RFC 5321 §4.3.2"],
      });
    }
  }
  return findings;
}
