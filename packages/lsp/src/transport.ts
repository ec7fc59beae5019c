/** The transports `vscode-languageserver` reads from the command line; without one it cannot start. */
const transports = ["--stdio", "--node-ipc", "--socket", "--pipe"];

/** True when the arguments name a transport (`--stdio`, `--node-ipc`, `--socket=PORT`, `--pipe=NAME`). */
export function hasTransport(argv: readonly string[]): boolean {
  return argv.some((arg) => transports.includes(arg.split("=")[0]!));
}

/** The usage line printed when a server is started without a transport. */
export function usage(command: string): string {
  return (
    `usage: ${command} --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n` +
    "Starts the hull language server; editors start it this way (see the editor set-up in the hull docs).\n"
  );
}
