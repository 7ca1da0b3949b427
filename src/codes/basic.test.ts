import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { needsShared, readCsv } from "../../test/shared.js";
import { SMTP_COMMANDS, type SmtpCommand } from "../types.js";
import { BASIC_CODES, basicCodeInfo } from "./basic.js";
import { COMMAND_REPLIES, commandsForCode, isExpectedReply } from "./commands.js";
import { DIGIT_RULES, DIGITS, describeBasicDigits, describeEnhancedDigits } from "./digits.js";

const REPLY_CODES = "reference/reply-codes.csv";
const SEQUENCES = "reference/command-sequences.csv";
const DIGIT_CSV = "reference/digit-semantics.csv";

const COMMANDS: readonly SmtpCommand[] = SMTP_COMMANDS;

/** CSV command names are already our SmtpCommand spellings; check and narrow them. */
function toCommand(name: string): SmtpCommand {
  const found = COMMANDS.find((command) => command === name);
  assert.ok(found, `CSV command ${name} has no SmtpCommand counterpart`);
  return found;
}

function splitList(cell: string | undefined): string[] {
  return (cell ?? "").split(";").filter((part) => part !== "");
}

function codes(cell: string | undefined): number[] {
  return splitList(cell).map(Number);
}

function rfcNumbers(text: string): Set<string> {
  return new Set([...text.matchAll(/RFC ?(\d{3,4})/g)].map((match) => match[1] ?? ""));
}

function sorted<T>(values: Iterable<T>): T[] {
  return [...values].sort();
}

describe("BASIC_CODES", () => {
  test("codes are unique, three digits and in numeric order", () => {
    const seen = new Set<number>();
    let previous = 0;
    for (const info of BASIC_CODES) {
      assert.ok(Number.isInteger(info.code) && info.code >= 100 && info.code <= 599, `${info.code}`);
      assert.ok(!seen.has(info.code), `duplicate ${info.code}`);
      assert.ok(info.code > previous, `${info.code} out of order`);
      seen.add(info.code);
      previous = info.code;
    }
  });

  test("every entry has a title, a meaning and references", () => {
    for (const info of BASIC_CODES) {
      assert.ok(info.title.length > 0, `${info.code} title`);
      assert.ok(info.meaning.length > 20, `${info.code} meaning`);
      assert.ok(info.references.length > 0, `${info.code} references`);
      for (const command of info.commands) assert.ok(COMMANDS.includes(command), `${info.code} ${command}`);
    }
  });

  test("enhanced codes are well formed and agree with the reply class", () => {
    for (const info of BASIC_CODES) {
      for (const enhanced of info.enhanced ?? []) {
        assert.match(enhanced, /^[245]\.[1-9]?\d{1,2}\.[1-9]?\d{1,2}$/, `${info.code} ${enhanced}`);
        assert.equal(enhanced.charAt(0), String(info.code).charAt(0), `${info.code} ${enhanced}`);
      }
    }
  });

  test("non-standard and non-SMTP codes say that no RFC defines them", () => {
    const undefinedCodes = BASIC_CODES.filter(
      (info) => info.status === "non-standard" || info.status === "not-smtp",
    );
    assert.ok(undefinedCodes.length >= 20);
    for (const info of undefinedCodes) {
      assert.match(info.meaning, /^No (SMTP )?RFC defines \d{3}\b/, `${info.code}`);
      if (info.likelyMeant) {
        assert.match(info.likelyMeant, /^[245]\.\d\.\d$/, `${info.code}`);
        assert.equal(
          info.likelyMeant.replaceAll(".", ""),
          String(info.code),
          `${info.code} is not ${info.likelyMeant}`,
        );
      }
    }
  });

  test("dot-dropped codes from web lists and wild replies are covered", () => {
    for (const code of [510, 511, 512, 513, 515, 517, 522, 531, 540, 541, 542, 543, 546, 547, 571]) {
      const info = basicCodeInfo(code);
      assert.ok(info, `${code} missing`);
      assert.equal(info.status, "non-standard");
      assert.equal(
        info.likelyMeant,
        `${String(code).charAt(0)}.${String(code).charAt(1)}.${String(code).charAt(2)}`,
      );
    }
    for (const code of [100, 101, 111, 200]) assert.equal(basicCodeInfo(code)?.status, "not-smtp", `${code}`);
    assert.match(basicCodeInfo(515)?.notes?.join(" ") ?? "", /backwards/);
  });

  test("355 is the experimental RFC 1845 checkpoint reply", () => {
    const info = basicCodeInfo(355);
    assert.equal(info?.status, "experimental");
    assert.equal(info?.extension, "CHECKPOINT");
    assert.ok(info?.references.some((reference) => reference.startsWith("RFC 1845")));
  });

  test("typical enhanced codes and key notes are present", () => {
    const expected: Record<number, string[]> = {
      235: ["2.7.0"],
      432: ["4.7.12"],
      454: ["4.7.0"],
      521: ["5.3.2"],
      530: ["5.7.0"],
      534: ["5.7.9"],
      535: ["5.7.8"],
      538: ["5.7.11"],
      550: ["5.1.1", "5.7.1", "5.7.26"],
      556: ["5.1.10"],
    };
    for (const [code, enhanced] of Object.entries(expected)) {
      const info = basicCodeInfo(Number(code));
      for (const value of enhanced) assert.ok(info?.enhanced?.includes(value), `${code} lacks ${value}`);
    }
    const notes = (code: number) => basicCodeInfo(code)?.notes?.join(" ") ?? "";
    assert.match(notes(251), /ETRN/);
    assert.match(notes(252), /ETRN/);
    assert.match(notes(452), /4\.5\.3\.1\.10/);
    assert.match(notes(552), /4\.5\.3\.1\.10/);
    assert.match(notes(250), /inbox/);
    assert.match(notes(421), /rate limiting/);
    assert.match(notes(450), /[Gg]reylisting/);
    assert.match(notes(554), /greeting/);
    assert.match(notes(550), /RFC 3865/);
    assert.match(notes(550), /RFC 8689/);
  });

  test("basicCodeInfo finds entries and rejects unknown codes", () => {
    assert.equal(basicCodeInfo(550)?.code, 550);
    assert.equal(basicCodeInfo(999), undefined);
  });
});

describe("commands", () => {
  test("commandsForCode combines the code table and the sequences", () => {
    assert.ok(commandsForCode(535).includes("AUTH"));
    assert.deepEqual(commandsForCode(556), ["RCPT"]);
    assert.deepEqual(commandsForCode(354), ["DATA"]);
    assert.ok(commandsForCode(220).includes("CONNECT"));
    assert.ok(commandsForCode(220).includes("STARTTLS"));
    assert.ok(commandsForCode(530).includes("*"));
    assert.deepEqual(commandsForCode(999), []);
    const many = commandsForCode(250);
    assert.equal(new Set(many).size, many.length, "no duplicates");
    assert.deepEqual(commandsForCode(250), many, "stable order");
  });

  test("isExpectedReply", () => {
    assert.equal(isExpectedReply("RCPT", 556), true);
    assert.equal(isExpectedReply("RCPT", 250), true);
    assert.equal(isExpectedReply("CONNECT", 220), true);
    assert.equal(isExpectedReply("CONNECT", 521), true);
    assert.equal(isExpectedReply("DATA", 354), true);
    assert.equal(isExpectedReply("DATA", 250), false);
    assert.equal(isExpectedReply("DATA-END", 250), true);
    assert.equal(isExpectedReply("HELO", 421), true);
    assert.equal(isExpectedReply("QUIT", 500), true);
    assert.equal(isExpectedReply("MAIL", 530), true);
    assert.equal(isExpectedReply("EHLO", 530), false);
    assert.equal(isExpectedReply("AUTH", 535), true);
    assert.equal(isExpectedReply("AUTH", 422), false, "association-only codes are not expected");
    assert.equal(isExpectedReply("ETRN", 253), true);
    assert.equal(isExpectedReply("EHLO", 354), false);
    assert.equal(isExpectedReply("RCPT", 511), false);
    assert.equal(isExpectedReply("FETCH", 250), null);
  });
});

describe("digits", () => {
  test("describeBasicDigits", () => {
    const digits = describeBasicDigits(550);
    assert.equal(digits.first?.value, "5");
    assert.equal(digits.second?.value, "5");
    assert.equal(digits.third?.value, "*");
    assert.equal(describeBasicDigits(214).second?.label, "Information");
    assert.equal(describeBasicDigits(680).first, undefined);
    assert.equal(describeBasicDigits(570).second, undefined);
    assert.deepEqual(describeBasicDigits(55), {});
    assert.deepEqual(describeBasicDigits(5.5), {});
  });

  test("describeEnhancedDigits", () => {
    assert.equal(describeEnhancedDigits(5, 7).class?.value, "5");
    assert.equal(describeEnhancedDigits(5, 7).subject?.value, "7");
    assert.equal(describeEnhancedDigits(4, 2).subject?.label, "Mailbox");
    assert.deepEqual(describeEnhancedDigits(3, 9), {});
  });

  test("positions are complete", () => {
    const values = (position: string) =>
      DIGITS.filter((entry) => entry.position === position)
        .map((entry) => entry.value)
        .sort();
    assert.deepEqual(values("reply-digit-1"), ["*", "1", "2", "3", "4", "5"]);
    assert.deepEqual(values("reply-digit-2"), ["0", "1", "2", "3", "4", "5"]);
    assert.deepEqual(values("enhanced-class"), ["*", "2", "4", "5"]);
    assert.deepEqual(values("enhanced-subject"), ["0", "1", "2", "3", "4", "5", "6", "7"]);
  });
});

describe("against ../shared/reference", () => {
  test(
    "every reply-codes.csv row is present with the same commands, status and extension",
    needsShared(REPLY_CODES),
    () => {
      const rows = readCsv(REPLY_CODES);
      assert.equal(rows.length, 44);
      for (const row of rows) {
        const code = Number(row.code);
        const info = basicCodeInfo(code);
        assert.ok(info, `${code} missing`);
        assert.deepEqual(
          sorted(info.commands),
          sorted(splitList(row.commands).map(toCommand)),
          `${code} commands`,
        );
        const definedIn = row.defined_in ?? "";
        const extension = splitList(row.extension);
        const expectedStatus = definedIn.includes("association only")
          ? "association-only"
          : extension.length > 0 && !definedIn.startsWith("RFC 5321")
            ? "extension"
            : "standard";
        assert.equal(info.status, expectedStatus, `${code} status`);
        assert.deepEqual(
          sorted(info.extension ? info.extension.split(", ") : []),
          sorted(extension),
          `${code} extension`,
        );
        const ours = rfcNumbers(info.references.join(" "));
        for (const rfc of rfcNumbers(definedIn)) assert.ok(ours.has(rfc), `${code} should cite RFC ${rfc}`);
        // Enhanced codes the reference pairs with this code ("Paired with 5.7.8", "X.1.10").
        const cls = String(code).charAt(0);
        for (const match of `${row.meaning} ${row.notes}`.matchAll(/\b([X245])\.(\d{1,3})\.(\d{1,3})\b/g)) {
          const enhanced = `${match[1] === "X" ? cls : match[1]}.${match[2]}.${match[3]}`;
          if (enhanced.charAt(0) !== cls) continue;
          assert.ok(info.enhanced?.includes(enhanced), `${code} should list ${enhanced}`);
        }
      }
      const defined = new Set(rows.map((row) => Number(row.code)));
      for (const info of BASIC_CODES) {
        if (["standard", "extension", "association-only"].includes(info.status)) {
          assert.ok(
            defined.has(info.code),
            `${info.code} is marked ${info.status} but is not in the reference`,
          );
        }
      }
    },
  );

  test("every command-sequences.csv row is present with the same lists", needsShared(SEQUENCES), () => {
    const rows = readCsv(SEQUENCES);
    assert.equal(rows.length, 21);
    assert.equal(COMMAND_REPLIES.length, rows.length);
    for (const row of rows) {
      const entry = COMMAND_REPLIES.find((candidate) => candidate.command === row.command);
      assert.ok(entry, `${row.command} missing`);
      assert.deepEqual(entry.success, codes(row.success), `${row.command} success`);
      assert.deepEqual(entry.intermediate, codes(row.intermediate), `${row.command} intermediate`);
      assert.deepEqual(entry.error, codes(row.error), `${row.command} error`);
      const ours = rfcNumbers(entry.references.join(" "));
      for (const rfc of rfcNumbers(row.source ?? ""))
        assert.ok(ours.has(rfc), `${row.command} should cite RFC ${rfc}`);
    }
  });

  test("every digit-semantics.csv row is covered", needsShared(DIGIT_CSV), () => {
    const rows = readCsv(DIGIT_CSV);
    assert.equal(rows.length, 27);
    for (const row of rows) {
      const position = row.position ?? "";
      const value = row.value === "0-9" ? "*" : (row.value ?? "");
      const asDigit = DIGITS.find((entry) => entry.position === position && entry.value === value);
      const asRule = DIGIT_RULES.find((entry) => entry.id === position);
      assert.ok(asDigit ?? asRule, `${position} ${row.value} missing`);
    }
  });

  test("no text copies the reference prose (no 40-character run in common)", needsShared(REPLY_CODES), () => {
    const run = 40;
    const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();
    const sources: [string, string[]][] = [
      [REPLY_CODES, ["meaning", "notes"]],
      [SEQUENCES, ["notes"]],
      [DIGIT_CSV, ["meaning"]],
      ["reference/enhanced-status-codes.csv", ["notes"]],
      ["reference/seed-claims.csv", ["claim", "correct_meaning", "note"]],
    ];
    const windows = new Set<string>();
    for (const [file, columns] of sources) {
      if (needsShared(file).skip) continue;
      for (const row of readCsv(file)) {
        for (const column of columns) {
          const text = normalise(row[column] ?? "");
          for (let i = 0; i + run <= text.length; i++) windows.add(text.slice(i, i + run));
        }
      }
    }
    const ours: [string, string][] = [];
    for (const info of BASIC_CODES) {
      ours.push([`${info.code} title`, info.title], [`${info.code} meaning`, info.meaning]);
      for (const note of info.notes ?? []) ours.push([`${info.code} note`, note]);
    }
    for (const entry of COMMAND_REPLIES) ours.push([`${entry.command} notes`, entry.notes ?? ""]);
    for (const entry of DIGITS)
      ours.push([`${entry.position} ${entry.value}`, `${entry.label} ${entry.meaning}`]);
    for (const entry of DIGIT_RULES) ours.push([entry.id, entry.meaning]);
    const copies: string[] = [];
    for (const [where, raw] of ours) {
      const text = normalise(raw);
      for (let i = 0; i + run <= text.length; i++) {
        const window = text.slice(i, i + run);
        if (windows.has(window)) {
          copies.push(`${where}: "${window}"`);
          break;
        }
      }
    }
    assert.deepEqual(copies, [], "texts that copy the reference prose");
  });
});
