/**
 * Every bounce format module, in the order they are tried: feedback reports and
 * auto-replies first, then providers and MTAs with their own wording, the plain RFC 3464
 * reader after them, and the loose text reader last. Adding a format is adding its file
 * and one line here.
 */
import type { BounceFormat } from "../types.js";
import { activehunter } from "./activehunter.js";
import { amavis } from "./amavis.js";
import { amazonses } from "./amazonses.js";
import { amazonworkmail } from "./amazonworkmail.js";
import { apachejames } from "./apachejames.js";
import { arf } from "./arf.js";
import { barracuda } from "./barracuda.js";
import { bigfoot } from "./bigfoot.js";
import { biglobe } from "./biglobe.js";
import { courier } from "./courier.js";
import { dragonfly } from "./dragonfly.js";
import { einsundeins } from "./einsundeins.js";
import { exchange2003 } from "./exchange2003.js";
import { exchange2007 } from "./exchange2007.js";
import { exim } from "./exim.js";
import { ezweb } from "./ezweb.js";
import { fml } from "./fml.js";
import { gmail } from "./gmail.js";
import { gmx } from "./gmx.js";
import { googlegroups } from "./googlegroups.js";
import { googleworkspace } from "./googleworkspace.js";
import { imailserver } from "./imailserver.js";
import { kddi } from "./kddi.js";
import { mailfoundry } from "./mailfoundry.js";
import { mailmarshal } from "./mailmarshal.js";
import { mailru } from "./mailru.js";
import { mcafee } from "./mcafee.js";
import { messagingserver } from "./messagingserver.js";
import { mfilter } from "./mfilter.js";
import { mxlogic } from "./mxlogic.js";
import { notes } from "./notes.js";
import { office365 } from "./office365.js";
import { opensmtpd } from "./opensmtpd.js";
import { outlook } from "./outlook.js";
import { postfix } from "./postfix.js";
import { powermta } from "./powermta.js";
import { qmail } from "./qmail.js";
import { receivingses } from "./receivingses.js";
import { rfc3464 } from "./rfc3464.js";
import { rfc3834 } from "./rfc3834.js";
import { sendgrid } from "./sendgrid.js";
import { sendmail } from "./sendmail.js";
import { surfcontrol } from "./surfcontrol.js";
import { textfallback } from "./textfallback.js";
import { trendmicro } from "./trendmicro.js";
import { v5sendmail } from "./v5sendmail.js";
import { verizon } from "./verizon.js";
import { x1 } from "./x1.js";
import { x2 } from "./x2.js";
import { x3 } from "./x3.js";
import { x4 } from "./x4.js";
import { x5 } from "./x5.js";
import { x6 } from "./x6.js";
import { yahoo } from "./yahoo.js";
import { yandex } from "./yandex.js";
import { zoho } from "./zoho.js";

export const FORMATS: readonly BounceFormat[] = [
  arf,
  rfc3834,
  gmail,
  googlegroups,
  googleworkspace,
  exchange2003,
  exchange2007,
  office365,
  outlook,
  yahoo,
  amazonses,
  amazonworkmail,
  receivingses,
  sendgrid,
  mailru,
  yandex,
  activehunter,
  apachejames,
  bigfoot,
  biglobe,
  fml,
  mailfoundry,
  mailmarshal,
  mcafee,
  mfilter,
  mxlogic,
  surfcontrol,
  verizon,
  powermta,
  amavis,
  trendmicro,
  barracuda,
  einsundeins,
  gmx,
  zoho,
  kddi,
  ezweb,
  dragonfly,
  sendmail,
  v5sendmail,
  notes,
  imailserver,
  messagingserver,
  x1,
  x2,
  x3,
  x4,
  x5,
  x6,
  postfix,
  opensmtpd,
  qmail,
  courier,
  exim,
  rfc3464,
  textfallback,
];
