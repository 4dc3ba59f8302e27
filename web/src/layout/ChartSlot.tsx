import { Component, ReactNode, Suspense } from 'react';

/**
 * Where a chart goes. Charts are imported lazily (`lazy(() => import('./XChart'))`): their
 * library is the console's largest, and a view's figures are on screen in its table before the
 * chart's code has loaded and drawn. The space the chart will take is kept, so nothing moves.
 * A chart that fails to load is left out: the table beside it carries the same figures.
 */
export function ChartSlot({ height, children }: { height: number; children: ReactNode }) {
  return (
    <WithoutChartOnError>
      <Suspense fallback={<div style={{ height }} />}>{children}</Suspense>
    </WithoutChartOnError>
  );
}

class WithoutChartOnError extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? null : this.props.children;
  }
}
