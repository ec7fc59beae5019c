// The whole page state in the URL hash: JSON, deflated (raw DEFLATE, as zlib's deflateRawSync writes it at build
// time for the rule pages' links) and base64url-encoded. The browser's CompressionStream does the work, so no
// compression library is shipped.

/** What a shared link restores. */
export interface PageState {
  text: string;
  config: string;
  tab: string;
  target?: string;
  buildArgs?: string;
  runArgs?: string;
  changedPath?: string;
}

const prefix = "#s=";

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeState(state: PageState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return prefix + toBase64Url(await pipe(json, new CompressionStream("deflate-raw")));
}

/** The state in a hash, or null when there is none or it is damaged (a truncated link, say). */
export async function decodeState(hash: string): Promise<PageState | null> {
  if (!hash.startsWith(prefix)) return null;
  try {
    const bytes = await pipe(
      fromBase64Url(hash.slice(prefix.length)),
      new DecompressionStream("deflate-raw"),
    );
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Partial<PageState>;
    if (typeof value.text !== "string") return null;
    return {
      text: value.text,
      config: typeof value.config === "string" ? value.config : "",
      tab: typeof value.tab === "string" ? value.tab : "problems",
      target: value.target ?? "",
      buildArgs: value.buildArgs ?? "",
      runArgs: value.runArgs ?? "",
      changedPath: value.changedPath ?? "",
    };
  } catch {
    return null;
  }
}
