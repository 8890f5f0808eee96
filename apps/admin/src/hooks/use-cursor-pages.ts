import { useLocation, useNavigate, useSearchParams } from 'react-router';

interface PagesState {
  /** The cursors of the pages before this one, oldest first ('' is the first page). */
  back?: string[];
}

/**
 * Keyset paging kept in the URL: `cursor` says where this page starts (so a link opens the same page), and the
 * history entry remembers the pages before it, so "Previous" works without offsets.
 */
export function useCursorPages() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const cursor = params.get('cursor') ?? undefined;
  const back = (location.state as PagesState | null)?.back ?? [];

  const go = (target: string | undefined, nextBack: string[]) => {
    const next = new URLSearchParams(params);
    if (target) next.set('cursor', target);
    else next.delete('cursor');
    const search = next.toString();
    navigate({ search: search ? `?${search}` : '' }, { state: { back: nextBack } satisfies PagesState });
  };

  return {
    cursor,
    /** 1 for the first page; undefined when a link opened a later page directly. */
    pageNumber: !cursor ? 1 : back.length ? back.length + 1 : undefined,
    hasPrevious: Boolean(cursor),
    next: (nextCursor: string) => go(nextCursor, [...back, cursor ?? '']),
    previous: () => go(back.at(-1) || undefined, back.slice(0, -1)),
    first: () => go(undefined, []),
  };
}
