// `node:url` for the browser bundle: the language server maps file: URIs to paths; the page's document is
// `untitled:`, which never reaches this, but the import must resolve.
export function fileURLToPath(url: string | URL): string {
  const parsed = new URL(String(url));
  if (parsed.protocol !== "file:") throw new TypeError("The URL must be of scheme file");
  return decodeURIComponent(parsed.pathname);
}
