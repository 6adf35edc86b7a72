import type { ReactNode } from 'react';
import './ui.css';

export interface NoticeProps {
  tone: 'error' | 'success' | 'info' | 'warn';
  title?: string;
  children?: ReactNode;
  /** False for a copy of news already announced elsewhere on the page. */
  announce?: boolean;
}

/** A message block; errors are announced at once, the others politely. */
export function Notice(props: NoticeProps) {
  return (
    <div className={`notice notice--${props.tone}`} role={props.announce === false ? undefined : props.tone === 'error' ? 'alert' : 'status'}>
      {props.title && <p className="notice__title">{props.title}</p>}
      {props.children && <div>{props.children}</div>}
    </div>
  );
}
