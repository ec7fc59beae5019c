// `node:crypto` for the browser bundle: the planner hashes cache keys with createHash("sha256"), synchronously,
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

/**
 * `crypto.hash(algorithm, data, outputEncoding)`: one text's digest at once, as the planner hashes cache keys; as
 * a hex string, or (`"buffer"`) as bytes whose `toString("hex", start, end)` gives part of that hex.
 */
export function hash(algorithm: string, data: string, outputEncoding = "hex") {
  if (algorithm !== "sha256") throw new Error(`hash("${algorithm}") is not available in the browser`);
  const bytes = sha256(utf8ToBytes(data));
  if (outputEncoding === "hex") return bytesToHex(bytes);
  if (outputEncoding !== "buffer")
    throw new Error(`hash(…, "${outputEncoding}") is not available in the browser`);
  return {
    toString(encoding: string, start = 0, end = bytes.length) {
      if (encoding !== "hex") throw new Error(`toString("${encoding}") is not available in the browser`);
      return bytesToHex(bytes.subarray(start, end));
    },
  };
}
