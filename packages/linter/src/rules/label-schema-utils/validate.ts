import { licenseIds } from "./spdx-ids.js";

/** The value types of hadolint's `label-schema`. */
export type LabelType = "text" | "url" | "semver" | "hash" | "rfc3339" | "spdx" | "email";

/** An absolute URI as RFC 3986 writes it: a scheme, a colon, then only URI characters and valid escapes. */
export function isUrl(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(value);
}

// semver.org's regular expression for a version, without a leading `v`.
const semver =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function isSemver(value: string): boolean {
  return semver.test(value);
}

/** A git commit id: lowercase hex, abbreviated (7 to 40 digits) or a full SHA-256 object id (64). */
export function isGitHash(value: string): boolean {
  return /^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$/.test(value);
}

/** An RFC 3339 date-time such as `2024-05-01T12:30:00Z` or `2024-05-01T12:30:00.5+02:00`, with valid fields. */
export function isRfc3339(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/.exec(
    value,
  );
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offsetOk = m[7] === undefined || (Number(m[7]) < 24 && Number(m[8]) < 60);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= days &&
    hour < 24 &&
    minute < 60 &&
    second <= 60 &&
    offsetOk
  );
}

// RFC 5322 addr-spec: a dot-atom or quoted local part, and a dot-atom or literal domain.
const atom = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const email = new RegExp(
  `^(?:${atom}(?:\\.${atom})*|"(?:[^"\\\\\\r\\n]|\\\\.)*")@(?:${atom}(?:\\.${atom})*|\\[[^[\\]\\\\\\s]*\\])$`,
);

export function isEmail(value: string): boolean {
  return value.length <= 254 && email.test(value);
}

let spdxIds: Set<string> | undefined;

function isLicense(token: string): boolean {
  spdxIds ??= new Set(licenseIds.split(" ").map((id) => id.toLowerCase()));
  if (/^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(token)) return true;
  return spdxIds.has((token.endsWith("+") ? token.slice(0, -1) : token).toLowerCase());
}

/**
 * An SPDX license id (`MIT`, `Apache-2.0`, `GPL-2.0+`, `LicenseRef-x`) or an SPDX expression of them with
 * AND, OR, WITH and parentheses; ids are compared in any case, as the SPDX specification says.
 */
export function isSpdx(value: string): boolean {
  const tokens = value.replace(/[()]/g, " $& ").trim().split(/\s+/);
  let depth = 0;
  // Expect a license (or an opening parenthesis) when true, an operator (or a closing parenthesis) when false.
  let operand = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (operand) {
      if (t === "(") depth++;
      else if (isLicense(t)) operand = false;
      else return false;
    } else if (t === ")") {
      if (--depth < 0) return false;
    } else if (t === "WITH") {
      // An exception id follows; any SPDX idstring is accepted.
      if (!/^[A-Za-z0-9.+-]+$/.test(tokens[++i] ?? "")) return false;
    } else if (t === "AND" || t === "OR") operand = true;
    else return false;
  }
  return !operand && depth === 0;
}

export const validators: Readonly<Record<Exclude<LabelType, "text">, (value: string) => boolean>> = {
  url: isUrl,
  semver: isSemver,
  hash: isGitHash,
  rfc3339: isRfc3339,
  spdx: isSpdx,
  email: isEmail,
};
