/**
 * The OpenAPI 3.1 document served at /openapi.json. It describes every route of the app,
 * the web page's too, with every status each can answer; a test checks the app against it
 * route by route and validates response bodies against these schemas.
 */
import { REASONS, SMTP_COMMANDS } from "../types.js";
import type { Limits } from "./app.js";

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string): Schema => ({ type: [type, "null"] });
const strings: Schema = { type: "array", items: { type: "string" } };

const CODE_STATUSES = [
  "standard",
  "extension",
  "association-only",
  "experimental",
  "historic",
  "non-standard",
  "not-smtp",
];
const BOUNCE_KINDS = ["failed", "delayed", "delivered", "feedback", "auto-reply", "not-a-bounce"];
const RETRY = ["never", "fix-then-retry", "minutes", "hours", "days"];

function object(properties: Record<string, Schema>, description?: string): Schema {
  return {
    type: "object",
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

const schemas: Record<string, Schema> = {
  Error: object(
    {
      error: {
        type: "string",
        enum: [
          "bad-request",
          "not-found",
          "method-not-allowed",
          "payload-too-large",
          "unsupported-media-type",
          "internal-error",
        ],
      },
      message: { type: "string", description: "What went wrong, for people." },
      status: { type: "integer", description: "The HTTP status, repeated." },
    },
    "Every API error, of any route (405 for a known path with another method, with an Allow header; 404 for an unknown /v1 path).",
  ),
  Health: object({
    status: { const: "ok" },
    name: { const: "smtpcodes" },
    version: { type: "string" },
    codes: object({ basic: { type: "integer" }, enhanced: { type: "integer" } }),
  }),
  Finding: object({
    id: { type: "string" },
    severity: { enum: ["info", "warning"] },
    message: { type: "string" },
  }),
  Hints: {
    type: "object",
    properties: {
      provider: {
        type: ["string", "null"],
        maxLength: 1000,
        description: 'Provider id ("gmail", "microsoft") or the receiving domain or host.',
      },
      recipient: {
        type: ["string", "null"],
        maxLength: 1000,
        description: "The recipient address; its domain hints at the provider.",
      },
      remoteMta: {
        type: ["string", "null"],
        maxLength: 1000,
        description: "Host name of the server that replied.",
      },
      status: {
        type: ["string", "null"],
        maxLength: 1000,
        description: "Enhanced status from a DSN, used when the reply carries none.",
      },
    },
  },
  ExplainRequest: {
    description: "One reply. Hints are optional.",
    allOf: [ref("Hints")],
    type: "object",
    properties: { reply: { type: "string", description: "The reply, multi-line allowed." } },
    required: ["reply"],
  },
  ExplainBatchRequest: {
    description:
      "Up to the batch limit of replies. Top-level hints apply to every item; an item's own hints win.",
    allOf: [ref("Hints")],
    type: "object",
    properties: {
      replies: {
        type: "array",
        items: {
          anyOf: [
            { type: "string" },
            {
              allOf: [ref("Hints")],
              type: "object",
              properties: { reply: { type: "string" } },
              required: ["reply"],
            },
          ],
        },
      },
    },
    required: ["replies"],
  },
  Diagnosis: object(
    {
      input: { type: "integer", minimum: 1, description: "1-based position in the request." },
      reply: { type: "string", description: "The reply as read (cut at 16,384 characters)." },
      reason: { enum: [...REASONS], description: "Sisimai reason name." },
      permanent: {
        type: "boolean",
        description: "True when retrying the same message unchanged will not succeed.",
      },
      suppressRecipient: {
        type: "boolean",
        description: "True only when the recipient address itself is dead.",
      },
      retry: { enum: RETRY },
      recognised: { type: "boolean", description: "False when nothing in the reply was recognised." },
      code: nullable("integer"),
      enhanced: nullable("string"),
      codeMeaning: nullable("string"),
      provider: nullable("string"),
      ruleId: { type: "string", description: "The rule that decided." },
      confidence: { type: "number", minimum: 0, maximum: 1 },
      meaning: { type: "string" },
      senderAction: { type: "string" },
      recipientAdminAction: { type: "string" },
      references: strings,
      categories: object({
        ses: { type: "string" },
        sendgrid: { type: "string" },
        mailgun: { type: "string" },
        postmark: { type: "string" },
      }),
      tags: strings,
      command: { enum: [...SMTP_COMMANDS, null] },
      findings: { type: "array", items: ref("Finding") },
    },
    "One explained reply: the same object as `smtpcodes explain --json` writes per line.",
  ),
  ExplainBatch: object({
    count: { type: "integer", minimum: 0 },
    results: { type: "array", items: ref("Diagnosis") },
  }),
  BasicCode: object({
    kind: { const: "basic" },
    code: { type: "string" },
    title: { type: "string" },
    status: { enum: CODE_STATUSES },
    meaning: { type: "string" },
    references: strings,
    commands: { type: "array", items: { enum: [...SMTP_COMMANDS] } },
    likelyMeant: nullable("string"),
  }),
  EnhancedCode: object({
    kind: { const: "enhanced" },
    code: { type: "string" },
    title: { type: "string" },
    status: { enum: CODE_STATUSES },
    meaning: { type: "string" },
    references: strings,
    basicCodes: { type: "array", items: { type: "integer" } },
    deprecated: { type: "boolean" },
  }),
  CodeList: object(
    {
      count: { type: "integer", minimum: 0 },
      codes: { type: "array", items: { oneOf: [ref("BasicCode"), ref("EnhancedCode")] } },
    },
    "The same objects as `smtpcodes list --json` writes per line.",
  ),
  Lookup: object(
    {
      query: { type: "string" },
      kind: { enum: ["basic", "enhanced", "combined", "digits", "unknown"] },
      found: { type: "boolean" },
      code: { type: "string", description: 'Normalised: "535", "5.7.26", "450 4.2.0", "4xx".' },
      title: { type: "string" },
      meaning: { type: "string" },
      status: { enum: [...CODE_STATUSES, "pattern", "unknown"] },
      permanence: { enum: ["permanent", "temporary", "either", "not-a-failure", "unknown"] },
      references: strings,
      commands: { type: "array", items: { enum: [...SMTP_COMMANDS] } },
      related: strings,
      likelyMeant: nullable("string"),
      notes: strings,
      myths: {
        type: "array",
        items: object({
          code: { type: "string" },
          claim: { type: "string" },
          verdict: { enum: ["partly", "wrong", "non-standard", "not-smtp"] },
          correction: { type: "string" },
          likelyFrom: nullable("string"),
          references: strings,
        }),
      },
      digits: {
        type: "array",
        items: object({
          position: {
            enum: [
              "reply-digit-1",
              "reply-digit-2",
              "reply-digit-3",
              "enhanced-class",
              "enhanced-subject",
              "enhanced-detail",
            ],
          },
          value: { type: "string" },
          label: { type: "string" },
          meaning: { type: "string" },
        }),
      },
      findings: { type: "array", items: ref("Finding") },
      registry: {
        oneOf: [{ type: "null" }, object({ code: { type: "string" }, title: { type: "string" } })],
      },
    },
    "The same object as `smtpcodes lookup --json` writes per line, without `input`.",
  ),
  BounceMessage: object({
    message: { type: "integer", minimum: 0, description: "0-based position of the message in the upload." },
    kind: { enum: BOUNCE_KINDS },
    format: nullable("string"),
    reportingMta: nullable("string"),
    arrivalDate: nullable("string"),
    date: nullable("string"),
    from: nullable("string"),
    subject: nullable("string"),
    original: {
      oneOf: [
        { type: "null" },
        object({
          messageId: nullable("string"),
          from: nullable("string"),
          to: nullable("string"),
          subject: nullable("string"),
          date: nullable("string"),
          listId: nullable("string"),
        }),
      ],
    },
    recipients: { type: "integer", minimum: 0, description: "How many recipients the message reports." },
    errors: { ...strings, description: "Problems met while reading; never fatal." },
  }),
  BounceRecipient: object(
    {
      message: { type: "integer", minimum: 0 },
      recipient: { type: "string" },
      action: { type: "string" },
      status: nullable("string"),
      reason: { enum: [...REASONS] },
      permanent: { type: "boolean" },
      suppressRecipient: { type: "boolean" },
      kind: { enum: BOUNCE_KINDS },
      format: { type: "string" },
      retry: { enum: RETRY },
      replyCode: nullable("integer"),
      command: { enum: [...SMTP_COMMANDS, null] },
      remoteMta: nullable("string"),
      diagnosticCode: nullable("string"),
      originalRecipient: nullable("string"),
      feedbackType: nullable("string"),
      provider: nullable("string"),
      ruleId: { type: "string" },
      meaning: { type: "string" },
      senderAction: { type: "string" },
      reportingMta: nullable("string"),
      date: nullable("string"),
      originalMessageId: nullable("string"),
      originalFrom: nullable("string"),
      originalSubject: nullable("string"),
      listId: nullable("string"),
    },
    "One recipient: the fields of a `smtpcodes bounce --json` line, with `message` in place of `file`.",
  ),
  Bounces: object({
    messages: { type: "array", items: ref("BounceMessage") },
    recipients: { type: "array", items: ref("BounceRecipient") },
  }),
};

const json = (schema: Schema) => ({ "application/json": { schema } });
const htmlContent = { "text/html": { schema: { type: "string" } } };

function apiErrors(...statuses: number[]): Record<string, unknown> {
  const text: Record<number, string> = {
    400: "Bad input: malformed JSON, a wrong field, an empty body.",
    404: "Not found.",
    413: "The body (or batch) is over the limit.",
    415: "Wrong content type.",
  };
  return Object.fromEntries(
    statuses.map((status) => [String(status), { description: text[status], content: json(ref("Error")) }]),
  );
}

function pageResponses(...statuses: number[]): Record<string, unknown> {
  const text: Record<number, string> = {
    200: "The page.",
    400: "The page with what is missing.",
    404: "A page saying nothing is known.",
    413: "The page saying the file is too large.",
    415: "The page saying to use the form.",
  };
  return Object.fromEntries(
    statuses.map((status) => [String(status), { description: text[status], content: htmlContent }]),
  );
}

const codeParameter = {
  name: "code",
  in: "path",
  required: true,
  description:
    'A basic code ("550"), an enhanced code ("5.7.26", "X.7.26"), a pair ("450 4.2.0", URL-encoded) or a digit pattern ("4xx").',
  schema: { type: "string" },
};

/** The document, for this app's version and limits. */
export function openApiDocument(options: { version: string; limits: Limits }): Record<string, unknown> {
  const { limits } = options;
  const MiB = 1024 * 1024;
  return {
    openapi: "3.1.0",
    info: {
      title: "smtpcodes",
      version: options.version,
      description:
        "What an SMTP failure really means and what to do about it. Explain replies, look up codes, read bounce emails. " +
        `Limits: explain bodies up to ${limits.explainBytes / MiB} MiB and ${limits.batchReplies} replies a batch; ` +
        `bounce uploads up to ${limits.bounceBytes / MiB} MiB and ${limits.bounceMessages} messages. ` +
        "Any /v1 path not listed answers 404, and a listed path with another method 405, with an Error body.",
      license: { name: "MIT", identifier: "MIT" },
    },
    paths: {
      "/v1/health": {
        get: {
          operationId: "health",
          summary: "Whether the server is up, and its version",
          responses: { "200": { description: "Up.", content: json(ref("Health")) } },
        },
      },
      "/v1/explain": {
        post: {
          operationId: "explain",
          summary: "Explain one reply, or a batch of replies",
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { oneOf: [ref("ExplainRequest"), ref("ExplainBatchRequest")] } },
              "application/x-www-form-urlencoded": {
                description:
                  "Form fields reply, provider, recipient, remoteMta, status; or a JSON body sent with this type (as `curl -d` does).",
                schema: ref("ExplainRequest"),
              },
            },
          },
          responses: {
            "200": {
              description: "A Diagnosis for one reply; {count, results} for a batch, in input order.",
              content: json({ oneOf: [ref("Diagnosis"), ref("ExplainBatch")] }),
            },
            ...apiErrors(400, 413, 415),
          },
        },
      },
      "/v1/codes": {
        get: {
          operationId: "listCodes",
          summary: "Every code smtpcodes knows, filtered",
          parameters: [
            { name: "kind", in: "query", schema: { enum: ["basic", "enhanced"] } },
            {
              name: "status",
              in: "query",
              description:
                "standard: defined by an RFC or the IANA registry (standard, extension, association-only, experimental, historic); non-standard: seen in the wild, or not SMTP.",
              schema: { enum: ["standard", "non-standard"] },
            },
            {
              name: "q",
              in: "query",
              description: "Words that must all appear in the code, title or meaning (any case).",
              schema: { type: "string", maxLength: 200 },
            },
          ],
          responses: {
            "200": { description: "The codes, basic first.", content: json(ref("CodeList")) },
            ...apiErrors(400),
          },
        },
      },
      "/v1/codes/{code}": {
        get: {
          operationId: "lookupCode",
          summary: "Everything known about a code, with the myths about it",
          parameters: [codeParameter],
          responses: {
            "200": { description: "Found.", content: json(ref("Lookup")) },
            ...apiErrors(404),
          },
        },
      },
      "/v1/bounces": {
        post: {
          operationId: "parseBounces",
          summary: "Read a bounce email (or an mbox of several) into per-recipient results",
          requestBody: {
            required: true,
            content: Object.fromEntries(
              [
                "message/rfc822",
                "message/global",
                "application/mbox",
                "application/octet-stream",
                "text/plain",
              ].map((type) => [type, { schema: { type: "string", format: "binary" } }]),
            ),
          },
          responses: {
            "200": {
              description: "One entry per message and one per recipient.",
              content: json(ref("Bounces")),
            },
            ...apiErrors(400, 413, 415),
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "openApi",
          summary: "This document",
          responses: { "200": { description: "OpenAPI 3.1.", content: json({ type: "object" }) } },
        },
      },
      "/": {
        get: {
          operationId: "homePage",
          summary: "Web page: explain a reply, read a bounce, look up a code",
          tags: ["web page"],
          responses: pageResponses(200),
        },
      },
      "/explain": {
        get: {
          operationId: "explainPage",
          summary: "Web page: the diagnosis of a reply (the explain form without JavaScript)",
          tags: ["web page"],
          parameters: [
            { name: "reply", in: "query", schema: { type: "string" } },
            { name: "provider", in: "query", schema: { type: "string" } },
            { name: "recipient", in: "query", schema: { type: "string" } },
          ],
          responses: pageResponses(200, 400),
        },
      },
      "/bounce": {
        post: {
          operationId: "bouncePage",
          summary: "Web page: the results of a bounce file (the upload form without JavaScript)",
          tags: ["web page"],
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: { type: "object", properties: { file: { type: "string", format: "binary" } } },
              },
            },
          },
          responses: pageResponses(200, 400, 413, 415),
        },
      },
      "/codes": {
        get: {
          operationId: "codesPage",
          summary: "Web page: the table of every code",
          tags: ["web page"],
          parameters: [
            { name: "q", in: "query", schema: { type: "string" } },
            { name: "kind", in: "query", schema: { type: "string" } },
            { name: "status", in: "query", schema: { type: "string" } },
          ],
          responses: pageResponses(200),
        },
      },
      "/codes/{code}": {
        get: {
          operationId: "codePage",
          summary: "Web page: one code, with its myths and corrections",
          tags: ["web page"],
          parameters: [codeParameter],
          responses: pageResponses(200, 404),
        },
      },
      "/app.js": {
        get: {
          operationId: "script",
          summary: "The web page's script",
          tags: ["web page"],
          responses: {
            "200": {
              description: "The script.",
              content: { "text/javascript": { schema: { type: "string" } } },
            },
            "304": { description: "Not modified (If-None-Match)." },
          },
        },
      },
      "/app.css": {
        get: {
          operationId: "styleSheet",
          summary: "The web page's style sheet",
          tags: ["web page"],
          responses: {
            "200": {
              description: "The style sheet.",
              content: { "text/css": { schema: { type: "string" } } },
            },
            "304": { description: "Not modified (If-None-Match)." },
          },
        },
      },
    },
    components: { schemas },
  };
}
