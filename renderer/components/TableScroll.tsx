import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen: it scrolls sideways inside its own box (reachable by
 * keyboard, named for screen readers) so the page itself never does.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
