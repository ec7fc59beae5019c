import type { Formatter } from "./types.js";

/** ESLint's JSON result shape; `severity` is 2 for errors and 1 otherwise, `level` is hull's severity name. */
export const json: Formatter = (results) => {
  const files = results.map((file) => {
    const messages = file.diagnostics.map((d) => {
      const message: Record<string, unknown> = {
        ruleId: d.ruleId,
        severity: d.severity === "error" ? 2 : 1,
        level: d.severity,
        message: d.message,
        messageId: d.messageId,
        line: d.range.start.line,
        column: d.range.start.column,
        endLine: d.range.end.line,
        endColumn: d.range.end.column,
      };
      // ESLint's fix is a single edit; fixes with several edits are left to `hull lint --fix`-style consumers.
      const edit = d.fix?.edits.length === 1 ? d.fix.edits[0] : undefined;
      if (edit) message.fix = { range: [edit.range.start.offset, edit.range.end.offset], text: edit.text };
      return message;
    });
    const errors = file.diagnostics.filter((d) => d.severity === "error");
    return {
      filePath: file.filePath,
      messages,
      errorCount: errors.length,
      fatalErrorCount: errors.filter((d) => d.ruleId === "syntax-error").length,
      warningCount: file.diagnostics.length - errors.length,
      fixableErrorCount: errors.filter((d) => d.fix).length,
      fixableWarningCount: file.diagnostics.filter((d) => d.severity !== "error" && d.fix).length,
    };
  });
  return `${JSON.stringify(files, null, 2)}\n`;
};
