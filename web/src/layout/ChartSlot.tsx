import { ReactNode, Suspense } from 'react';

/**
 * Where a chart goes. Charts are imported lazily (`lazy(() => import('./XChart'))`): their
 * library is the console's largest, and a view's figures are on screen in its table before the
 * chart's code has loaded and drawn. The space the chart will take is kept, so nothing moves.
 */
export function ChartSlot({ height, children }: { height: number; children: ReactNode }) {
  return <Suspense fallback={<div style={{ height }} />}>{children}</Suspense>;
}
