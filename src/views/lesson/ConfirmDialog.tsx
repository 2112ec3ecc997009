// A modal question with two answers, on the native <dialog>: focus moves in and stays there,
// Escape cancels, and focus returns where it was. The safe answer has the focus first.
import { useEffect, useId, useRef } from 'react';
import { TID } from '../testIds';

export interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly body: string;
  readonly confirm: string;
  readonly cancel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function ConfirmDialog({
  open,
  title,
  body,
  confirm,
  cancel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const before = document.activeElement as HTMLElement | null;
      dialog.showModal();
      return () => {
        if (dialog.open) dialog.close();
        if (before?.isConnected) before.focus();
      };
    }
    return undefined;
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      data-testid={TID.confirmDialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open && (
        <>
          <h2 id={`${id}-title`}>{title}</h2>
          <p id={`${id}-body`}>{body}</p>
          <div className="confirm-buttons">
            {/* oxlint-disable-next-line jsx-a11y/no-autofocus -- the dialog's safe answer takes the focus */}
            <button type="button" data-testid={TID.confirmCancel} autoFocus onClick={onCancel}>
              {cancel}
            </button>
            <button type="button" className="primary" data-testid={TID.confirmOk} onClick={onConfirm}>
              {confirm}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
