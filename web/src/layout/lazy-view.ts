import { ComponentType, createElement, lazy } from 'react';

/**
 * A view whose code loads when first needed. Unlike `React.lazy` alone, once its module has
 * loaded (started at navigation, or before the first render at start-up) the view renders at
 * once in the same pass as the frame, instead of suspending for a turn behind a spinner.
 */
export interface LazyView<Props> {
  View: ComponentType<Props>;
  /** Starts loading the view's code; resolves when it can render at once. */
  load(): Promise<unknown>;
}

export function lazyView<Props extends object>(
  importer: () => Promise<{ default: ComponentType<Props> }>,
): LazyView<Props> {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<{ default: ComponentType<Props> }> | undefined;
  const load = () =>
    (loading ??= importer().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        // React.lazy keeps a failure: the next render (after the error boundary resets, at the
        // next navigation) gets a new one, which loads again.
        loading = undefined;
        suspending = lazy(load);
        throw error;
      },
    ));
  let suspending = lazy(load);
  function View(props: Props) {
    return createElement((loaded ?? suspending) as ComponentType<Props>, props);
  }
  return { View, load };
}
