import { startTransition, useEffect, useState } from 'react';

/**
 * False in the render that first shows a view, true right after, in a transition: React draws
 * the view's main content first and renders what waits on this in slices it can interrupt. For
 * a secondary section (a ranked list below a profile) that should not hold back the rest.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => startTransition(() => setPainted(true)), []);
  return painted;
}
