/** A readable failure with a way forward, never a blank page. */
import { useEffect, useRef } from 'preact/hooks';

interface ErrorPanelProps {
  title: string;
  message: string;
  retryLabel: string;
  onRetry(): void;
}

export function ErrorPanel({ title, message, retryLabel, onRetry }: ErrorPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main class="error-panel" data-testid="error-panel">
      <div role="alert">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <p>{message}</p>
      </div>
      <button type="button" class="button" onClick={onRetry}>
        {retryLabel}
      </button>
    </main>
  );
}
