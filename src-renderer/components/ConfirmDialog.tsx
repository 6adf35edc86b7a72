import { useT } from '../lib/i18n';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './ui.css';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Says what staying means ("Keep exchange"); never just "Cancel" next to "Cancel exchange". */
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question (native <dialog>: focus moves in and stays, Escape cancels). Render it only
 * while it is asked, so its words are not in the page otherwise.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const t = useT();
  const { onCancel } = props;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      onCancel();
    };
    dialog?.addEventListener('cancel', cancel);
    return () => dialog?.removeEventListener('cancel', cancel);
  }, [onCancel]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title}</h2>
      <div className="dialog__body">{props.children}</div>
      <div className="row row--end">
        <button type="button" className="btn" onClick={props.onCancel} disabled={props.busy}>
          {props.cancelLabel ?? t.t('parts.dialog.goBack')}
        </button>
        <button type="button" className={`btn ${props.danger ? 'btn--danger-solid' : 'btn--primary'}`} onClick={props.onConfirm} disabled={props.busy}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
