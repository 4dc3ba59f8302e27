import { Component, ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { Alert } from 'suomifi-ui-components';
import { useMessages } from '../i18n/i18n';
import { layoutMessages } from './messages';

/**
 * A view that throws shows a clear message instead of a blank page, and the frame stays usable.
 * Keyed by the path: the next view starts afresh. The technical message goes to the console
 * for developers, not to the person (it is English and says nothing they could act on).
 */
export function ErrorBoundary({ children }: { children: ReactNode }) {
  const t = useMessages(layoutMessages);
  const { pathname } = useLocation();
  return (
    <Boundary key={pathname} title={t('errorTitle')} detail={t('errorDetail')} close={t('close')}>
      {children}
    </Boundary>
  );
}

interface BoundaryProps {
  title: string;
  detail: string;
  close: string;
  children: ReactNode;
}

class Boundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error) {
    console.error(error);
  }

  override render() {
    if (this.state.failed)
      return (
        <Alert
          status="error"
          closeText={this.props.close}
          onCloseButtonClick={() => this.setState({ failed: false })}
        >
          <strong>{this.props.title}.</strong> {this.props.detail}
        </Alert>
      );
    return this.props.children;
  }
}
