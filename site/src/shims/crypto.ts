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
