// A modal question with two answers, on the native <dialog>: focus moves in and stays there,
// Escape cancels, and focus returns where it was. The answer that follows what the learner was
// doing has the focus first (the cancel answer unless the caller says otherwise).
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
  /** Which answer has the focus first: the one that follows the learner's intent. */
  readonly focus?: 'confirm' | 'cancel';
}

export function ConfirmDialog({
  open,
  title,
  body,
  confirm,
  cancel,
  onConfirm,
  onCancel,
  focus = 'cancel',
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const before = document.activeElement as HTMLElement | null;
      dialog.showModal();
      // showModal focuses the first button; the answer that follows the learner's intent wins.
      if (focus === 'confirm') confirmRef.current?.focus();
      return () => {
        if (dialog.open) dialog.close();
        if (before?.isConnected) before.focus();
      };
    }
    return undefined;
  }, [open, focus]);
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
            {/* oxlint-disable-next-line jsx-a11y/no-autofocus -- the answer that follows the learner's intent takes the focus */}
            <button
              type="button"
              data-testid={TID.confirmCancel}
              autoFocus={focus === 'cancel'}
              onClick={onCancel}
            >
              {cancel}
            </button>
            <button
              ref={confirmRef}
              type="button"
              className="primary"
              data-testid={TID.confirmOk}
              onClick={onConfirm}
            >
              {confirm}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
