import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  DocumentHighlightKind,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type FoldingRange,
  type InitializeResult,
} from "vscode-languageserver/node";
import { shellcheckArgs, type ConfigReader } from "@hull/linter";
import { resolveConfig, type FeatureConfig } from "./config.js";
import { DocumentStore, type Document } from "./documents.js";
import { computeCodeActions, fixAllKind } from "./features/code-actions.js";
import { computeCompletions, type CompletionData } from "./features/completion.js";
import { computeDiagnostics } from "./features/diagnostics.js";
import { computeFoldingRanges } from "./features/folding.js";
import { computeFormatting } from "./features/formatting.js";
import { computeHover } from "./features/hover.js";
import {
  computeDefinition,
  computeHighlights,
  computeReferences,
  computeRename,
  prepareRename,
} from "./features/navigation.js";
import { computeSymbols, type SymbolData } from "./features/symbols.js";
import { defaultSettings, parseSettings, type ServerSettings } from "./settings.js";
import { runShellcheck, shellcheckEachScript } from "@hull/linter/shellcheck-process";
import { ShellcheckResults } from "./shellcheck.js";

/** The real file system, for config lookup (ShellCheck runs write their temporary files on their own). */
const fileReader: ConfigReader = {
  exists: (path) => existsSync(path),
  readFile: (path) => readFileSync(path, "utf8"),
};

const completionKinds: Record<CompletionData["kind"], CompletionItem["kind"]> = {
  keyword: 14,
  flag: 10,
  value: 12,
  stage: 18,
  rule: 21,
  variable: 6,
};

const symbolKinds: Record<SymbolData["kind"], DocumentSymbol["kind"]> = {
  stage: 2,
  variable: 13,
  instruction: 12,
};

/** The most scripts of one document the server asks ShellCheck about at once; a document with more is not checked. */
const maxScriptsToCheck = 2000;

/** Config files and ignore files whose changes change diagnostics. */
const watchedGlobs = [
  "**/.hullrc.{yaml,yml,json}",
  "**/.hadolint.{yaml,yml}",
  "**/package.json",
  "**/.dockerignore",
  "**/*.dockerignore",
];

/**
 * Starts the language server on the transport named in argv (`--stdio`, `--node-ipc`, `--socket=N`).
 * Handlers only convert between protocol types and the features' plain types.
 */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const documents = new DocumentStore();
  const configs = new Map<string, { version: number; config: FeatureConfig; unknown: Set<string> }>();
  let watchFiles = false;
  let settings: ServerSettings = defaultSettings;
  // A relative `configPath` setting is relative to the workspace folder.
  let workspaceDir = process.cwd();
  // Config warnings are logged once each, not on every keystroke's new version.
  const warned = new Set<string>();

  // Resolved once per document version: code actions and hovers of that version reuse it (and its lint cache).
  const configOf = (document: Document): FeatureConfig => {
    const cached = configs.get(document.uri);
    if (cached && cached.version === document.version) return cached.config;
    const configPath =
      settings.configPath === null
        ? null
        : isAbsolute(settings.configPath)
          ? settings.configPath
          : resolve(workspaceDir, settings.configPath);
    const resolved = resolveConfig(document.path, fileReader, undefined, {
      configPath,
      preset: settings.preset,
      imageConfigs: settings.imageConfigs,
    });
    for (const warning of resolved.loaded.warnings) {
      if (!warned.has(warning)) connection.console.warn(warning);
      warned.add(warning);
    }
    // Lint is answered with the ShellCheck findings known for the version's scripts, and notes the others.
    const unknown = new Set<string>();
    const config =
      shellcheckProgram(resolved) === null
        ? resolved
        : { ...resolved, shellcheck: shellcheckResults.runner(unknown) };
    configs.set(document.uri, { version: document.version, config, unknown });
    return config;
  };

  // ShellCheck runs in the background, one run per document at a time, on the scripts lint asked about that no run
  // has checked yet; the document is then linted and published again. Each script is checked once, by its text.
  const shellcheckResults = new ShellcheckResults();
  const checking = new Set<string>();
  // The program that failed to run, not tried again: `shellcheck` not on PATH, a wrong path, not ShellCheck.
  let shellcheckMissing: string | null = null;
  const shellcheckProgram = (config: FeatureConfig): string | null => {
    if (settings.shellcheck === false) return null;
    const program =
      typeof settings.shellcheck === "string"
        ? isAbsolute(settings.shellcheck) || !/[\\/]/.test(settings.shellcheck)
          ? settings.shellcheck
          : resolve(workspaceDir, settings.shellcheck)
        : (config.loaded.shellcheckPath ?? "shellcheck");
    return program === shellcheckMissing ? null : program;
  };
  // Documents with too many scripts to check, told once each.
  const tooMany = new Set<string>();
  const checkScripts = (uri: string) => {
    const document = documents.get(uri);
    const cached = configs.get(uri);
    if (!document || !cached || cached.unknown.size === 0 || checking.has(uri)) return;
    const program = shellcheckProgram(cached.config);
    if (program === null) return;
    // A generated file of thousands of RUNs would keep ShellCheck busy for minutes and be linted again after it.
    if (cached.unknown.size > maxScriptsToCheck) {
      if (!tooMany.has(uri))
        connection.console.info(
          `hull: ShellCheck skipped for ${uri}: ${cached.unknown.size} scripts to check, more than ${maxScriptsToCheck}`,
        );
      tooMany.add(uri);
      return;
    }
    const scripts = [...cached.unknown];
    cached.unknown.clear();
    checking.add(uri);
    void checkInRuns(program, scripts).then((failure) =>
      guard("shellcheck", undefined, () => {
        checking.delete(uri);
        if (failure !== null) {
          // Not tried again this session. No ShellCheck on PATH is no error, as for `hull lint`; any other failure is.
          shellcheckMissing = program;
          if ((failure as NodeJS.ErrnoException).code !== "ENOENT" || program !== "shellcheck")
            connection.console.error(`hull: ShellCheck (${program}) could not run: ${failure.message}`);
          return;
        }
        // The version last published is linted again (a new config, so not from the lint cache) and answered with
        // what the runs found. A newer version is published when its turn comes (on type, or on save).
        const current = documents.get(uri);
        if (current === undefined || published.get(uri) !== current.version) return;
        configs.delete(uri);
        publish(uri);
      }),
    );
  };
  // Checks and keeps the scripts' findings, a thousand scripts a run (file names beyond that may not fit a command
  // line); the error that stopped a run, or null.
  const checkInRuns = async (program: string, scripts: readonly string[]): Promise<Error | null> => {
    for (let start = 0; start < scripts.length; start += 1000) {
      const chunk = scripts.slice(start, start + 1000);
      // Side by side, one process per processor: the editor waits for these findings.
      const found = await shellcheckEachScript(
        (request) => runShellcheck(program, request),
        shellcheckArgs,
        chunk,
        availableParallelism(),
      );
      if (found instanceof Error) return found;
      shellcheckResults.store(chunk, found);
    }
    return null;
  };

  // A bug in a feature must cost one answer, not the session.
  const guard = <T>(what: string, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      connection.console.error(
        `hull: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return fallback;
    }
  };

  // Each version is published once: a change already linted by an earlier flush is not linted again.
  const published = new Map<string, number>();
  const publish = (uri: string) => {
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    const diagnostics = guard("diagnostics", [], () => computeDiagnostics(document, configOf(document)));
    published.set(uri, document.version);
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    guard("shellcheck", undefined, () => checkScripts(uri));
  };
  // No debounce: linting a few hundred lines takes milliseconds, so a change is linted as soon as the messages
  // already received are handled (setImmediate), and changes that arrived together are linted once.
  const pending = new Set<string>();
  let flush: NodeJS.Immediate | undefined;
  const schedule = (uri: string) => {
    if (settings.run === "onSave") return;
    pending.add(uri);
    flush ??= setImmediate(() => {
      flush = undefined;
      for (const u of [...pending]) {
        if (published.get(u) === documents.get(u)?.version) pending.delete(u);
        else publish(u);
      }
    });
  };

  connection.onInitialize((params): InitializeResult => {
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    settings = parseSettings(params.initializationOptions);
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (root?.startsWith("file:")) workspaceDir = fileURLToPath(root);
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ["-", "=", ",", "$", "{"] },
        codeActionProvider: { codeActionKinds: ["quickfix", fixAllKind] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
      },
      serverInfo: { name: "hull-lsp" },
    };
  });
  connection.onInitialized(() => {
    if (!watchFiles) return;
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: watchedGlobs.map((globPattern) => ({ globPattern })),
    });
  });
  connection.onDidChangeConfiguration(({ settings: changed }) => {
    // Clients that push settings send `{ hull: {…} }`; a `null` push means "ask", which this server does not.
    if (changed === null || changed === undefined) return;
    settings = parseSettings(changed);
    configs.clear();
    for (const document of documents.all()) publish(document.uri);
  });
  connection.onDidChangeWatchedFiles(() => {
    configs.clear();
    for (const document of documents.all()) publish(document.uri);
  });

  connection.onDidOpenTextDocument(({ textDocument: d }) => {
    documents.open(d.uri, d.version, d.text);
    publish(d.uri);
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    if (documents.change(textDocument.uri, textDocument.version, contentChanges)) schedule(textDocument.uri);
  });
  connection.onDidSaveTextDocument(({ textDocument }) => {
    // Saving may follow an edit of the config in another editor; read it again.
    configs.delete(textDocument.uri);
    publish(textDocument.uri);
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    pending.delete(textDocument.uri);
    tooMany.delete(textDocument.uri);
    published.delete(textDocument.uri);
    documents.close(textDocument.uri);
    configs.delete(textDocument.uri);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  connection.onHover(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const hover = guard("hover", null, () => computeHover(document, position, configOf(document)));
    return hover && { contents: { kind: "markdown", value: hover.contents }, range: hover.range };
  });

  connection.onCompletion(({ textDocument, position }): CompletionItem[] => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const items = guard("completion", [], () => computeCompletions(document, position, configOf(document)));
    return items.map((item) => ({
      label: item.label,
      kind: completionKinds[item.kind],
      ...(item.detail === undefined ? {} : { detail: item.detail }),
      ...(item.documentation === undefined
        ? {}
        : { documentation: { kind: "markdown", value: item.documentation } }),
      textEdit: { range: item.range, newText: item.insertText ?? item.label },
    }));
  });

  connection.onCodeAction(({ textDocument, range, context }): CodeAction[] => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const actions = guard("code actions", [], () =>
      computeCodeActions(document, range, configOf(document), context.only),
    );
    return actions.map((action) => ({
      title: action.title,
      kind: action.kind,
      ...(action.diagnostics ? { diagnostics: action.diagnostics } : {}),
      ...(action.isPreferred ? { isPreferred: true } : {}),
      edit: { changes: { [textDocument.uri]: action.edits } },
    }));
  });

  connection.onDocumentSymbol(({ textDocument }): DocumentSymbol[] => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const toProtocol = (s: SymbolData): DocumentSymbol => ({
      name: s.name,
      ...(s.detail === undefined ? {} : { detail: s.detail }),
      kind: symbolKinds[s.kind],
      range: s.range,
      selectionRange: s.selectionRange,
      ...(s.children ? { children: s.children.map(toProtocol) } : {}),
    });
    return guard("symbols", [], () => computeSymbols(document, configOf(document))).map(toProtocol);
  });

  connection.onFoldingRanges(({ textDocument }): FoldingRange[] => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    return guard("folding", [], () => computeFoldingRanges(document, configOf(document)));
  });

  connection.onDefinition(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const ranges = guard("definition", [], () => computeDefinition(document, position));
    return ranges.map((range) => ({ uri: textDocument.uri, range }));
  });

  connection.onReferences(({ textDocument, position, context }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const ranges = guard("references", [], () =>
      computeReferences(document, position, context.includeDeclaration),
    );
    return ranges.map((range) => ({ uri: textDocument.uri, range }));
  });

  connection.onDocumentHighlight(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    return guard("highlights", [], () => computeHighlights(document, position)).map((h) => ({
      range: h.range,
      kind: h.write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    return document ? guard("rename", null, () => prepareRename(document, position)) : null;
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const edits = guard("rename", { error: "The rename failed." }, () =>
      computeRename(document, position, newName),
    );
    if ("error" in edits) return new ResponseError(ErrorCodes.InvalidRequest, edits.error);
    return { changes: { [textDocument.uri]: edits } };
  });

  connection.onDocumentFormatting(({ textDocument, options }) => {
    const document = documents.get(textDocument.uri);
    return document ? guard("formatting", [], () => computeFormatting(document, options)) : [];
  });

  connection.listen();
  return connection;
}
