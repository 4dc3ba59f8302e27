/**
 * An ad's Markdown as plain text ([C4] of the P67 contract: `descriptionsContentType` says
 * `markdown` or `plain`): headings, emphasis, code marks and backslash escapes removed, links
 * as their text (an ad's address is not ours to show), images dropped, list items as "• ",
 * block quotes and rules dropped, blank lines folded. Line-based on purpose: ads use the simple
 * subset, and a character of ordinary text is never lost (`5 * 3`, `snake_case` stay).
 */
export function markdownToText(markdown: string): string {
  const lines: string[] = [];
  let fence = false;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fence = !fence;
      continue;
    }
    if (fence) {
      lines.push(raw.trimEnd());
      continue;
    }
    // Rules (---, ***, ___) and setext underlines carry no text.
    if (/^\s{0,3}([-*_=])(\s*\1){2,}\s*$/.test(raw)) continue;
    let line = raw
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/\s+#+\s*$/, '')
      .replace(/^\s*(>\s?)+/, '')
      .replace(/^(\s*)[-*+]\s+(\[[ xX]\]\s+)?/, '$1• ')
      .replace(/^(\s*)\d{1,9}[.)]\s+/, '$1• ');
    line = inline(line);
    lines.push(line.replace(/[ \t]+/g, ' ').trim());
  }
  return lines
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

// Escaped marks are set aside as private-use characters while the marks are read.
const hide = (text: string) =>
  text.replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, (_, c: string) =>
    String.fromCharCode(0xe000 + c.charCodeAt(0)),
  );
const unhide = (text: string) =>
  text.replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));

function inline(text: string): string {
  return unhide(
    hide(text)
      // Images go, links keep their text; autolinks keep the address, the only text they have.
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      // Emphasis: only marks that open after a boundary and close before one.
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1(?![\w*])/g, '$2')
      .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1$2')
      .replace(/(^|[^\w_])_(?=\S)([^_]*?\S)_(?![\w_])/g, '$1$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      .replace(/`([^`]+)`/g, '$1')
      // A trailing double space or backslash is a hard break: the line ends anyway.
      .replace(/\\$/, ''),
  );
}
