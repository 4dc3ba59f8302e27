import { compile } from 'html-to-text';

/**
 * Turns an outside ad's HTML into plain text with html-to-text (a real HTML parser): every
 * named and numeric entity decoded (`S&auml;hk&ouml;asentaja`), comments and attributes
 * holding `>` parsed as HTML parses them, scripts and styles dropped, links as their text only
 * (an ad's href is not ours to show), blocks as single line breaks, list items as "• ".
 */
const convert = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'ul', options: { itemPrefix: '• ' } },
    { selector: 'ol', format: 'unorderedList', options: { itemPrefix: '• ' } },
    // Headings stay as written (html-to-text would upper-case them).
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
      selector,
      format: 'block',
    })),
    { selector: 'table', format: 'dataTable' },
  ],
});

export function htmlToText(html: string): string {
  return convert(html)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
