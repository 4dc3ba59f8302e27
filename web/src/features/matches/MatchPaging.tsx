import { Button } from 'suomifi-ui-components';
import { useMessages } from '../../i18n/i18n';
import { vacancyMatchesMessages } from './vacancy-matches.messages';

/**
 * Forward paging by cursor, as the API pages. "Previous" goes back through the cursors this tab
 * came by; a list opened at a later page (a shared address) offers the first page instead.
 */
export function MatchPaging({
  after,
  pageInfo,
  earlierCursors,
  goTo,
}: {
  after: string | null;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  earlierCursors: (string | null)[];
  goTo(cursor: string | null): void;
}) {
  const t = useMessages(vacancyMatchesMessages);
  if (!after && !pageInfo.hasNextPage) return null;
  return (
    <nav className="vacancy-matches-paging" aria-label={t('paging')}>
      {after && (
        <Button variant="secondary" onClick={() => goTo(earlierCursors.pop() ?? null)}>
          {earlierCursors.length > 0 ? t('previousPage') : t('firstPage')}
        </Button>
      )}
      {pageInfo.hasNextPage && (
        <Button
          variant="secondary"
          onClick={() => {
            earlierCursors.push(after);
            goTo(pageInfo.endCursor ?? null);
          }}
        >
          {t('nextPage')}
        </Button>
      )}
    </nav>
  );
}
