import { cleanPath } from "@hull/parser";

/**
 * Resolves `p` against the working directory `wd`; absolute paths stay as they are (cleaned). For a Windows stage a
 * backslash separates and a drive letter is dropped (BuildKit's `CheckSystemDriveAndRemoveDriveLetter` and
 * `ToSlash`); on Linux both are part of a name (`COPY a.txt C:/x/` writes `/C:/x/a.txt`).
 */
export function joinPath(wd: string, p: string, windows: boolean): string {
  const unix = windows ? p.replace(/\\/g, "/").replace(/^[A-Za-z]:/, "") : p;
  return cleanPath(unix.startsWith("/") ? unix : `${wd}/${unix}`);
}

/** The destination of a COPY/ADD: absolute after WORKDIR, keeping a trailing slash (it means "into this directory"). */
export function destPath(wd: string, p: string, windows: boolean): string {
  const unix = windows ? p.replace(/\\/g, "/") : p;
  const trailing = unix.endsWith("/") || unix === "." || unix === "" || unix.endsWith("/.");
  const abs = joinPath(wd, unix === "" ? "." : unix, windows);
  return trailing && abs !== "/" ? `${abs}/` : abs;
}
