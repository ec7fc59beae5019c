/** Where the generated rule pages are published; the one place that knows the repository's address. */
export const docsBaseUrl = "https://github.com/hull-dev/hull/blob/main/docs/rules/";

/** The URL of a rule's generated documentation page (`docs/rules/<id>.md`). */
export function ruleDocsUrl(id: string): string {
  return `${docsBaseUrl}${id}.md`;
}
