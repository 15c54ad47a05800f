import type { ReactNode } from 'react';

/**
 * A table wider than the screen scrolls sideways inside a named region that a keyboard can reach and scroll (WCAG
 * 2.1.1: antd's own scroll container cannot take the focus). The table is never narrower than `minWidth` (by default
 * its natural width, so Chinese names are not broken a character a line) nor than the region.
 */
export function ScrollRegion({ label, minWidth = 'max-content', children }: { label: string; minWidth?: number | 'max-content'; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <div style={minWidth === 'max-content' ? { width: 'max-content', minWidth: '100%' } : { minWidth }}>{children}</div>
    </div>
  );
}
