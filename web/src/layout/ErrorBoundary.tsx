import { Component, ReactNode } from 'react';
import { Alert } from 'suomifi-ui-components';

/** A view that throws shows what failed instead of a blank page; the frame stays usable. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error)
      return (
        <Alert
          status="error"
          closeText="×"
          onCloseButtonClick={() => this.setState({ error: null })}
        >
          {this.state.error.message}
        </Alert>
      );
    return this.props.children;
  }
}
