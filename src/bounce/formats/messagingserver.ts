import type { BounceFormat } from "../types.js";

/** Oracle/Sun Messaging Server. Not written yet: detects nothing. */
export const messagingserver: BounceFormat = {
  id: "messagingserver",
  name: "Oracle/Sun Messaging Server",
  detect: () => false,
  parse: () => null,
};
