import type { BounceFormat } from "../types.js";

/** Yandex. Not written yet: detects nothing. */
export const yandex: BounceFormat = {
  id: "yandex",
  name: "Yandex",
  detect: () => false,
  parse: () => null,
};
