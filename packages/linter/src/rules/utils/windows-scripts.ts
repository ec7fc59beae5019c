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
  if (
    shell.dialect === "posix" &&
    !shell.commands.some((c) => c.name !== null && mayStartWindowsShell.test(c.name))
  )
    return [];
  return [shell, ...embeddedScripts(shell)].filter((s) => s.dialect === "powershell" || s.dialect === "cmd");
}
