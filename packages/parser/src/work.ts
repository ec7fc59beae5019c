/**
 * Work counter for tests that guard the parser's complexity: each piece the line scanner reads, each character
 * the range trimming steps over, each heredoc body line and each binary-search step of an offset lookup adds
 * one. Tests read it before and after a parse; nothing else should depend on it.
 */
export const parseWork = { steps: 0 };
