/** One recipient's fields in a test DSN. */
export interface TestRecipient {
  recipient: string;
  action: string;
  status: string;
  /** The SMTP reply, written after "smtp; " in Diagnostic-Code. */
  reply?: string;
}

/**
 * A minimal RFC 3464 delivery status notification for tests: a multipart/report with only
 * its message/delivery-status part, from MAILER-DAEMON@mx.example.net; `headers` come
 * after From and Subject.
 */
export function deliveryStatusNotification(
  recipients: readonly TestRecipient[],
  headers: string[] = [],
): string {
  const blocks = recipients.flatMap(({ recipient, action, status, reply }) => [
    "",
    `Final-Recipient: rfc822; ${recipient}`,
    `Action: ${action}`,
    `Status: ${status}`,
    ...(reply === undefined ? [] : [`Diagnostic-Code: smtp; ${reply}`]),
  ]);
  return [
    "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)",
    "Subject: Undelivered Mail Returned to Sender",
    ...headers,
    "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
    "",
    "--b",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.net",
    ...blocks,
    "--b--",
    "",
  ].join("\n");
}
