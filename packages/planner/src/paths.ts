import { cleanPath } from "@hull/parser";

/** Resolves `p` against the working directory `wd`; absolute paths stay as they are (cleaned). */
export function joinPath(wd: string, p: string): string {
  const unix = p.replace(/\\/g, "/").replace(/^[A-Za-z]:/, "");
  return cleanPath(unix.startsWith("/") ? unix : `${wd}/${unix}`);
}

/** The destination of a COPY/ADD: absolute after WORKDIR, keeping a trailing slash (it means "into this directory"). */
export function destPath(wd: string, p: string): string {
  const unix = p.replace(/\\/g, "/");
  const trailing = unix.endsWith("/") || unix === "." || unix === "" || unix.endsWith("/.");
  const abs = joinPath(wd, unix === "" ? "." : unix);
  return trailing && abs !== "/" ? `${abs}/` : abs;
}
