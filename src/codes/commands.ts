/**
 * Which replies each SMTP command may draw: the command-reply sequences of RFC 5321 §4.3.2
 * (with RFC 7504's 521 and 556) and those of AUTH, STARTTLS, BDAT, BURL, ETRN and ATRN.
 * Codes are listed in the order the RFCs list them. Notes are our own words.
 */
import { SMTP_COMMANDS, type SmtpCommand } from "../types.js";
import { BASIC_CODES } from "./basic.js";
import type { CommandReplies } from "./types.js";

/**
 * Command-reply sequences, one entry per command. `*` holds the replies any command may
 * get; `DATA` is the first answer to the DATA command and `DATA-END` the answer after the
 * final dot; `* (auth required)` is the RFC 4954 rule for servers that demand AUTH first.
 *
 * @example
 * ```ts
 * COMMAND_REPLIES.find((entry) => entry.command === "RCPT")?.success; // [250, 251]
 * ```
 */
export const COMMAND_REPLIES: readonly CommandReplies[] = [
  {
    command: "*",
    success: [],
    intermediate: [],
    error: [500, 501, 421],
    references: ["RFC 5321 §4.3.2"],
    notes:
      "Replies that can come back to any command when something out of the ordinary happens: 500 for a command the server cannot parse or one that is too long, 501 for bad arguments (DATA, RSET or QUIT with an argument included), 421 when the service is going away.",
  },
  {
    command: "CONNECT",
    success: [220],
    intermediate: [],
    error: [521, 554],
    references: ["RFC 5321 §4.3.2", "RFC 7504 §5.1"],
    notes:
      "The greeting the server sends when a connection opens. RFC 7504 added 521 and lists it ahead of 554.",
  },
  {
    command: "EHLO",
    success: [250],
    intermediate: [],
    error: [504, 550, 502],
    references: ["RFC 5321 §4.3.2"],
    notes:
      "504 is unusual here. 502 only comes from old servers that lack EHLO, after which the client retries with HELO.",
  },
  {
    command: "HELO",
    success: [250],
    intermediate: [],
    error: [504, 550, 502],
    references: ["RFC 5321 §4.3.2"],
    notes: "RFC 5321 gives HELO the same replies as EHLO.",
  },
  {
    command: "MAIL",
    success: [250],
    intermediate: [],
    error: [552, 451, 452, 550, 553, 503, 455, 555],
    references: ["RFC 5321 §4.3.2", "RFC 1870 §6.1", "RFC 4954 §6"],
    notes:
      "Under SIZE (RFC 1870 §6.1) 452 means the declared size cannot be taken for now and 552 that it exceeds the fixed maximum. A server that demands authentication answers with 530 (RFC 4954 §6).",
  },
  {
    command: "RCPT",
    success: [250, 251],
    intermediate: [],
    error: [550, 551, 552, 553, 450, 451, 452, 503, 455, 555, 556],
    references: ["RFC 5321 §4.3.2", "RFC 7504 §5.1", "RFC 5321 §3.4", "RFC 5321 §4.5.3.1.10"],
    notes:
      "RFC 7504 added 556. For 251 and 551 see RFC 5321 §3.4. 452 doubles as the answer to one recipient too many in a transaction (RFC 5321 §4.5.3.1.10).",
  },
  {
    command: "DATA",
    success: [],
    intermediate: [354],
    error: [503, 554],
    references: ["RFC 5321 §4.3.2"],
    notes: "First answer to the DATA command itself; 354 asks the client to send the message text.",
  },
  {
    command: "DATA-END",
    success: [250],
    intermediate: [],
    error: [552, 554, 451, 452, 450, 550],
    references: ["RFC 5321 §4.3.2", "RFC 5321 §4.2.5"],
    notes:
      "The answer that follows the final line with a single dot. 450 and 550 appear here as refusals on policy grounds. RFC 5321 §4.2.5 explains who is responsible for the message after a 2yz, 4yz or 5yz answer.",
  },
  {
    command: "RSET",
    success: [250],
    intermediate: [],
    error: [],
    references: ["RFC 5321 §4.3.2"],
  },
  {
    command: "VRFY",
    success: [250, 251, 252],
    intermediate: [],
    error: [550, 551, 553, 502, 504],
    references: ["RFC 5321 §4.3.2"],
  },
  {
    command: "EXPN",
    success: [250, 252],
    intermediate: [],
    error: [550, 500, 502, 504],
    references: ["RFC 5321 §4.3.2"],
  },
  {
    command: "HELP",
    success: [211, 214],
    intermediate: [],
    error: [502, 504],
    references: ["RFC 5321 §4.3.2"],
  },
  {
    command: "NOOP",
    success: [250],
    intermediate: [],
    error: [],
    references: ["RFC 5321 §4.3.2"],
  },
  {
    command: "QUIT",
    success: [221],
    intermediate: [],
    error: [],
    references: ["RFC 5321 §4.3.2"],
  },
  {
    command: "AUTH",
    success: [235],
    intermediate: [334],
    error: [432, 454, 500, 501, 503, 504, 534, 535, 538],
    references: ["RFC 4954 §4", "RFC 4954 §6"],
    notes:
      "Challenges arrive as 334 with base64 data. 501 follows a client cancel ('*') or data that is not base64; 503 means the client is already authenticated or a mail transaction is open; 504 names an unsupported mechanism; 538 survives only for historical reasons.",
  },
  {
    command: "STARTTLS",
    success: [220],
    intermediate: [],
    error: [501, 454],
    references: ["RFC 3207 §4"],
    notes:
      "On 220 the client starts the TLS handshake at once. A server that insists on TLS refuses other commands, apart from NOOP, EHLO, STARTTLS and QUIT, with 530 and 5.7.0.",
  },
  {
    command: "BDAT",
    success: [250],
    intermediate: [],
    error: [503],
    references: ["RFC 3030 §2"],
    notes:
      "Each accepted chunk is answered with 250. 503 follows BDAT after the LAST chunk or a mix of DATA and BDAT in one transaction. Any 4yz or 5yz may answer a failed chunk; the client then stops sending chunks and issues RSET.",
  },
  {
    command: "BURL",
    success: [250],
    intermediate: [],
    error: [554, 503, 552, 451],
    references: ["RFC 4468 §6"],
    notes:
      "These are examples only: RFC 4468 does not claim the list is complete, and clients have to cope with any valid reply.",
  },
  {
    command: "ETRN",
    success: [250, 251, 252, 253],
    intermediate: [],
    error: [458, 459, 500, 501],
    references: ["RFC 1985 §5.1"],
    notes:
      "Under ETRN the codes mean: 250 the queue run started, 251 nothing is waiting, 252 waiting messages are being sent, 253 the reply counts the waiting messages; 458 the queue cannot be started, 459 the node is refused.",
  },
  {
    command: "ATRN",
    success: [250],
    intermediate: [],
    error: [450, 451, 453, 502, 530],
    references: ["RFC 2645 §7"],
    notes: "On-Demand Mail Relay: 453 says no mail is waiting, 530 that the client must authenticate first.",
  },
  {
    command: "* (auth required)",
    success: [],
    intermediate: [],
    error: [530],
    references: ["RFC 4954 §6"],
    notes:
      "When policy demands authentication first, the server may refuse with 530 any command outside the exempt set: QUIT, RSET, NOOP, HELO, EHLO and AUTH.",
  },
];

/** Canonical order of commands, used to sort results. */

const RANK: ReadonlyMap<string, number> = new Map(SMTP_COMMANDS.map((command, index) => [command, index]));

const BY_COMMAND: ReadonlyMap<string, CommandReplies> = new Map(
  COMMAND_REPLIES.map((entry) => [entry.command, entry]),
);

/**
 * Codes with no reply text of their own (registry associations) or no standing at all
 * (non-standard) are not "expected" from any command.
 */
const EXPECTABLE = new Set(["standard", "extension", "experimental", "historic"]);

/**
 * A command that neither the AUTH rule (RFC 4954 §6) nor the STARTTLS rule (RFC 3207 §4)
 * lets a server refuse with 530, plus the two pseudo-commands that are not commands.
 */
const NEVER_530 = new Set<string>(["CONNECT", "DATA-END", "EHLO", "NOOP", "QUIT"]);

const NOT_COMMANDS = new Set<string>(["CONNECT", "DATA-END", "QUIT"]);

function lists(entry: CommandReplies, code: number): boolean {
  return entry.success.includes(code) || entry.intermediate.includes(code) || entry.error.includes(code);
}

/**
 * The commands that may draw a reply code, from both the code table and the command
 * sequences; deduplicated and in a fixed order (session order, `*` last). Empty for an
 * unknown code.
 *
 * @example
 * ```ts
 * commandsForCode(535); // ["AUTH"]
 * commandsForCode(556); // ["RCPT"]
 * commandsForCode(421); // ["*"]
 * ```
 */
export function commandsForCode(code: number): SmtpCommand[] {
  const found = new Set<SmtpCommand>();
  for (const info of BASIC_CODES) {
    if (info.code === code) for (const command of info.commands) found.add(command);
  }
  for (const entry of COMMAND_REPLIES) {
    if (lists(entry, code)) found.add(entry.command === "* (auth required)" ? "*" : entry.command);
  }
  return [...found].sort((a, b) => (RANK.get(a) ?? 99) - (RANK.get(b) ?? 99));
}

/**
 * Whether an RFC lists `code` as a possible answer to `command`: in that command's sequence,
 * in the replies any command may get (`*`), under the AUTH/STARTTLS 530 rule, or in the
 * command list of a code an RFC defines. Returns null for a command we do not know.
 * A false answer means "not foreseen by the RFCs", not "impossible": servers send
 * unexpected codes all the time (554 to RCPT, for instance).
 *
 * @example
 * ```ts
 * isExpectedReply("RCPT", 556); // true
 * isExpectedReply("DATA", 250); // false: 250 answers the end of the data, not DATA itself
 * isExpectedReply("HELO", 421); // true: any command may get 421
 * isExpectedReply("FETCH", 250); // null
 * ```
 */
export function isExpectedReply(command: SmtpCommand | (string & {}), code: number): boolean | null {
  const own = BY_COMMAND.get(command);
  if (!own) return null;
  if (lists(own, code)) return true;
  const any = BY_COMMAND.get("*");
  if (any && lists(any, code)) return true;
  if (code === 530) return !NEVER_530.has(command);
  for (const info of BASIC_CODES) {
    if (info.code !== code || !EXPECTABLE.has(info.status)) continue;
    if (info.commands.includes(command as SmtpCommand)) return true;
    // A code open to "any command" (502, 521) still does not answer the greeting, the end
    // of the data, or QUIT, which every server implements and RFC 7504 §3 exempts.
    if (info.commands.includes("*") && !NOT_COMMANDS.has(command)) return true;
  }
  return false;
}
