/** A modal built on <dialog>: the browser traps focus and closes it on Escape. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface DialogProps {
  title: string;
  closeLabel: string;
  onClose(): void;
  children: ComponentChildren;
  class?: string;
}

export function Dialog({ title, closeLabel, onClose, children, class: className }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    dialog.current?.showModal();
    return () => {
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    };
  }, []);
  return (
    <dialog ref={dialog} class={`dialog ${className ?? ''}`} aria-labelledby="dialog-title" onClose={onClose}>
      <header class="dialog-header">
        <h2 id="dialog-title">{title}</h2>
        <button type="button" class="popup-close" aria-label={closeLabel} onClick={() => dialog.current?.close()}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div class="dialog-body">{children}</div>
    </dialog>
  );
}
