import { embeddedScripts, type RunShell } from "../../shell/run.js";

/**
 * A command name that may start PowerShell or cmd: `programDialect` reads the name's last path part, lower-cased and
 * without `.exe`, so such a name contains one of these whatever its case. Most names contain none.
 */
const mayStartWindowsShell = /cmd|pwsh|powershell/i;

/**
 * The PowerShell and cmd scripts of a RUN: its own script when it is one, and those its commands hand to
 * `powershell -Command "…"` or `cmd /C …` (`embeddedScripts`). A POSIX script whose commands cannot start either is
 * answered without reading it further, which is what nearly every RUN is.
 */
export function windowsScripts(shell: RunShell): RunShell[] {
  if (shell.dialect === "posix" && !mayStartWindowsShellIn(shell)) return [];
  const scripts: RunShell[] = [];
  if (shell.dialect === "powershell" || shell.dialect === "cmd") scripts.push(shell);
  for (const inner of embeddedScripts(shell))
    if (inner.dialect === "powershell" || inner.dialect === "cmd") scripts.push(inner);
  return scripts;
}

/** True when a command of the script has a name that may start PowerShell or cmd. */
function mayStartWindowsShellIn(shell: RunShell): boolean {
  for (const c of shell.commands) if (c.name !== null && mayStartWindowsShell.test(c.name)) return true;
  return false;
}
