import { Fragment, ReactNode } from 'react';
import { Block, ExternalLink, Heading, Paragraph } from 'suomifi-ui-components';
import statement from '../../../ACCESSIBILITY.md?raw';
import { Language, useLanguage } from '../../i18n/i18n';

/**
 * The accessibility statement the act requires, from web/ACCESSIBILITY.md (one file for the
 * repository and the console): the section of the reader's language. The file uses only
 * headings, paragraphs, bullet lists and links, which is all this renders.
 */
export default function AccessibilityStatement() {
  const { language } = useLanguage();
  return (
    <Block data-view="accessibility" data-ready="true">
      {renderMarkdown(sectionOf(statement, language), NEW_TAB[language])}
    </Block>
  );
}

export function sectionOf(text: string, language: Language): string {
  const start = text.indexOf(`<!-- lang:${language} -->`);
  const end = text.indexOf('<!--', start + 1);
  return text.slice(start, end).replace(/<!--.*?-->/g, '');
}

const NEW_TAB: Record<Language, string> = {
  fi: 'avautuu uuteen välilehteen',
  sv: 'öppnas i en ny flik',
  en: 'opens in a new tab',
};

function renderMarkdown(text: string, newTab: string): ReactNode[] {
  return text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block, index) => {
      const heading = /^(#{1,3}) (.*)$/.exec(block);
      if (heading) {
        const level = `h${heading[1]!.length}` as 'h1' | 'h2' | 'h3';
        return (
          <Heading key={index} variant={level} mt={level === 'h1' ? undefined : 'l'} mb="s">
            {heading[2]}
          </Heading>
        );
      }
      if (block.startsWith('- '))
        return (
          <ul key={index}>
            {block.split(/\n- /).map((item, itemIndex) => (
              <li key={itemIndex}>{inline(item.replace(/^- /, ''), newTab)}</li>
            ))}
          </ul>
        );
      return (
        <Paragraph key={index} mb="s">
          {inline(block, newTab)}
        </Paragraph>
      );
    });
}

function inline(text: string, newTab: string): ReactNode[] {
  return text.split(/(\[[^\]]+\]\([^)]+\))/).map((part, index) => {
    const link = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(part);
    return link ? (
      <ExternalLink key={index} href={link[2]!} labelNewWindow={newTab}>
        {link[1]}
      </ExternalLink>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    );
  });
}
