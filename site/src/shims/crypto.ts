// `node:crypto` for the browser bundle: the planner hashes cache keys with sha256 (createHash, and `hash` on one text),
// which WebCrypto cannot do; @noble/hashes computes the same digest. Only what hull calls is provided.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

export function createHash(algorithm: string) {
  if (algorithm !== "sha256") throw new Error(`createHash("${algorithm}") is not available in the browser`);
  const hash = sha256.create();
  const api = {
    update(data: string) {
      hash.update(utf8ToBytes(data));
      return api;
    },
    digest(encoding: string) {
      if (encoding !== "hex") throw new Error(`digest("${encoding}") is not available in the browser`);
      return bytesToHex(hash.digest());
    },
  };
  return api;
}

/** `crypto.hash` (one text at once), as the planner calls it: hex, or bytes whose hex it reads in part. */
export function hash(algorithm: string, data: string, encoding = "hex") {
  if (algorithm !== "sha256") throw new Error(`hash("${algorithm}") is not available in the browser`);
  const hex = bytesToHex(sha256(utf8ToBytes(data)));
  if (encoding === "hex") return hex;
  if (encoding !== "buffer") throw new Error(`hash(…, "${encoding}") is not available in the browser`);
  return {
    toString(to: string, start = 0, end = hex.length / 2) {
      if (to !== "hex") throw new Error(`toString("${to}") is not available in the browser`);
      return hex.slice(2 * start, 2 * end);
    },
  };
}
