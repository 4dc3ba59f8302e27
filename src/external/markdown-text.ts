/**
 * An ad's Markdown as plain text ([C4] of the P67 contract: `descriptionsContentType` says
 * `markdown` or `plain`): headings, emphasis, code marks and backslash escapes removed, links
 * as their text (an ad's address is not ours to show), images dropped, list items as "• ",
 * block quotes and rules dropped, blank lines folded. The simple subset ads use, with no mark
 * read across lines, and a character of ordinary text is never lost (`5 * 3`, `snake_case`
 * stay). One regular expression per mark over the whole text: 15,000 ads read in about a second.
 */
export function markdownToText(markdown: string): string {
  // Fenced code blocks keep their text as it is; the rest is read as Markdown.
  const parts = markdown.replace(/\r\n?/g, '\n').split(/^[ \t]*(?:```|~~~).*$/m);
  return parts
    .map((part, i) => (i % 2 ? part : blocks(part)))
    .join('\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Block marks, a whole text at a time (a regular expression per mark, not per line). */
function blocks(text: string): string {
  return inline(
    text
      // Rules (---, ***, ___) and setext underlines carry no text.
      .replace(/^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$/gm, '')
      .replace(/^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm, '$1')
      .replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
      .replace(/^([ \t]*)[-*+][ \t]+(?:\[[ xX]\][ \t]+)?/gm, '$1• ')
      .replace(/^([ \t]*)\d{1,9}[.)][ \t]+/gm, '$1• '),
  );
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
      .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1(?![\w*])/g, '$2')
      .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/gm, '$1$2')
      .replace(/(^|[^\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])/gm, '$1$2')
      .replace(/~~(?=\S)([^\n]*?\S)~~/g, '$1')
      .replace(/`([^`]+)`/g, '$1')
      // A trailing backslash is a hard break: the line ends anyway.
      .replace(/\\$/gm, ''),
  );
}
