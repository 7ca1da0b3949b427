/**
 * Every rule set, in one list. Adding a provider is adding its file and one line here.
 *
 * Order matters for recognising the provider: when fingerprints of several sets occur in
 * one reply, the set listed first wins, so mail providers come before the MTA software
 * they may run (a Proofpoint reply uses Postfix's wording but is Proofpoint's).
 */

import { amazonsesRules } from "./amazonses.js";
import { appleRules } from "./apple.js";
import { attRules } from "./att.js";
import { barracudaRules } from "./barracuda.js";
import { ciscoRules } from "./cisco.js";
import { comcastRules } from "./comcast.js";
import { courierRules } from "./courier.js";
import { coxRules } from "./cox.js";
import { dnsblRules } from "./dnsbl.js";
import { exchangeRules } from "./exchange.js";
import { eximRules } from "./exim.js";
import { facebookRules } from "./facebook.js";
import { freefrRules } from "./freefr.js";
import { contentRules } from "./generic/content.js";
import { recipientRules } from "./generic/recipient.js";
import { senderRules } from "./generic/sender.js";
import { systemRules } from "./generic/system.js";
import { trafficRules } from "./generic/traffic.js";
import { gmailRules } from "./gmail.js";
import { gmxRules } from "./gmx.js";
import { godaddyRules } from "./godaddy.js";
import { greylistingRules } from "./greylisting.js";
import { hostpointRules } from "./hostpoint.js";
import { improvmxRules } from "./improvmx.js";
import { infomaniakRules } from "./infomaniak.js";
import { kddiRules } from "./kddi.js";
import { laposteRules } from "./laposte.js";
import { mailruRules } from "./mailru.js";
import { messagelabsRules } from "./messagelabs.js";
import { microsoftRules } from "./microsoft.js";
import { mimecastRules } from "./mimecast.js";
import { mxrouteRules } from "./mxroute.js";
import { neteaseRules } from "./netease.js";
import { nttdocomoRules } from "./nttdocomo.js";
import { opensmtpdRules } from "./opensmtpd.js";
import { oracleRules } from "./oracle.js";
import { oracleMessagingRules } from "./oraclems.js";
import { orangeRules } from "./orange.js";
import { postfixRules } from "./postfix.js";
import { proofpointRules } from "./proofpoint.js";
import { protonRules } from "./proton.js";
import { qmailRules } from "./qmail.js";
import { qqRules } from "./qq.js";
import { rackspaceRules } from "./rackspace.js";
import { ramblerRules } from "./rambler.js";
import { sendmailRules } from "./sendmail.js";
import { symantecRules } from "./symantec.js";
import { titanRules } from "./titan.js";
import { tonlineRules } from "./tonline.js";
import { trendmicroRules } from "./trendmicro.js";
import type { RuleSet } from "./types.js";
import { webdeRules } from "./webde.js";
import { yahooRules } from "./yahoo.js";
import { yandexRules } from "./yandex.js";
import { zohoRules } from "./zoho.js";

export const RULE_SETS: readonly RuleSet[] = [
  gmailRules,
  microsoftRules,
  yahooRules,
  appleRules,
  amazonsesRules,
  attRules,
  barracudaRules,
  ciscoRules,
  comcastRules,
  coxRules,
  facebookRules,
  freefrRules,
  gmxRules,
  godaddyRules,
  hostpointRules,
  improvmxRules,
  infomaniakRules,
  kddiRules,
  laposteRules,
  mailruRules,
  messagelabsRules,
  mimecastRules,
  mxrouteRules,
  neteaseRules,
  nttdocomoRules,
  oracleRules,
  oracleMessagingRules,
  orangeRules,
  proofpointRules,
  protonRules,
  qqRules,
  rackspaceRules,
  ramblerRules,
  symantecRules,
  titanRules,
  tonlineRules,
  trendmicroRules,
  webdeRules,
  yandexRules,
  zohoRules,
  exchangeRules,
  postfixRules,
  eximRules,
  sendmailRules,
  qmailRules,
  courierRules,
  opensmtpdRules,
  recipientRules,
  senderRules,
  trafficRules,
  contentRules,
  systemRules,
  dnsblRules,
  greylistingRules,
];
