/**
 * Office 365 / Exchange Online (and the newer Outlook.com, which sends the same reports as
 * "Microsoft Outlook <postmaster@outlook.com>"). The report is Exchange's, so the reader
 * is the Exchange one; this module only tells the hosted service apart by the headers
 * Microsoft's cloud adds (X-MS-Exchange-CrossTenant-*, Message-IDs at *.prod.outlook.com).
 */
import type { BounceFormat } from "../types.js";
import { isExchangeNdr, isMicrosoftHosted, readExchangeNdr } from "./exchange2007.js";

export const office365: BounceFormat = {
  id: "office365",
  name: "Office 365",
  // The NDR test is cheap (subject and markers); the hosted test reads headers and text.
  detect: (message) => isExchangeNdr(message) && isMicrosoftHosted(message),
  parse: readExchangeNdr,
};
