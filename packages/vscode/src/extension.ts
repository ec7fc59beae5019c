import * as vscode from "vscode";
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

/** The settings the server reads (`initializationOptions`, then `workspace/didChangeConfiguration`). */
function settings() {
  const config = vscode.workspace.getConfiguration("hull");
  return {
    run: config.get<string>("run", "onType"),
    configPath: config.get<string>("configPath", ""),
    preset: config.get<string>("preset", ""),
    imageConfigs: config.get<boolean>("imageConfigs", false),
    shellcheck: config.get<boolean | string>("shellcheck", true),
  };
}

/** Starts the language server bundled in the extension (dist/server.cjs) over stdio, in VS Code's own Node. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath("dist/server.cjs");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ["--inspect=6019"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "dockerfile" },
      { scheme: "untitled", language: "dockerfile" },
    ],
    initializationOptions: settings(),
    // Sends `{ hull: {…} }` on every change of the hull settings; the server re-lints open files.
    synchronize: { configurationSection: "hull" },
  };
  client = new LanguageClient("hull", "hull", serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
