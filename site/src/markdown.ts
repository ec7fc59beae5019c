// The hover texts are short markdown written by hull itself (bold, code, links, paragraphs, rules), so a few lines
// render them; a full markdown library would triple the page's own code for these four constructs.

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(
      /\[([^\]]+)\]\((https?:\/\/[^)\s]+|[\w./-]+\.html)\)/g,
      '<a href="$2" target="_blank" rel="noopener">$1</a>',
    );
}

/** Renders hull's hover markdown to HTML; all text is escaped first, so no markup comes through from the input. */
export function renderMarkdown(markdown: string): string {
  return markdown
    .split(/\n{2,}/)
    .map((block) => (block.trim() === "---" ? "<hr>" : `<p>${inline(block.trim())}</p>`))
    .join("");
}
