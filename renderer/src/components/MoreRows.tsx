import { Button } from 'react-aria-components';

/**
 * Says how many of how many a list shows, and offers the next page. The button keeps focus as
 * rows are added above it, so a keyboard user can press it again.
 */
export function MoreRows({ shown, total, noun, hasMore, loading, onMore }: { shown: number; total: number; noun: string; hasMore: boolean; loading: boolean; onMore: () => void }) {
  if (total <= shown && !hasMore) return null;
  return (
    <div className="more-rows">
      <p className="muted" role="status">
        Showing the newest {shown.toLocaleString('en-GB')} of {total.toLocaleString('en-GB')} {noun}.
      </p>
      {hasMore ? (
        // Not disabled while loading: a disabled button would drop the keyboard focus.
        <Button className="button button-secondary" onPress={onMore}>
          {loading ? 'Loading…' : `Show more ${noun}`}
        </Button>
      ) : null}
    </div>
  );
}
