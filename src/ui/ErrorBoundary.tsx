/**
 * The last line against a blank page: any error thrown while the app starts or renders
 * replaces it with the error panel, whose button loads the page again.
 */
import { Component, type ComponentChildren } from 'preact';
import { translate } from '../i18n/messages';
import { langFromUrl } from './App';
import { ErrorPanel } from './ErrorPanel';

interface ErrorBoundaryState {
  error: string | null;
}

export class ErrorBoundary extends Component<{ children: ComponentChildren }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static override getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error.message || error.name : String(error) };
  }

  override componentDidCatch(error: unknown): void {
    // Kept in the console for whoever debugs it; the reader sees the panel.
    console.error(error);
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const lang = langFromUrl();
    return (
      <ErrorPanel
        title={translate(lang, 'errors.appTitle')}
        message={translate(lang, 'errors.appBody', { reason: error })}
        retryLabel={translate(lang, 'errors.retry')}
        onRetry={() => location.reload()}
      />
    );
  }
}
