import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import './ui.css';

export interface EmptyStateProps {
  icon?: IconName;
  title: string;
  text: ReactNode;
  action?: ReactNode;
}

/** What a new user sees instead of an empty table: what this is and what to do first. */
export function EmptyState(props: EmptyStateProps) {
  return (
    <div className="empty">
      {props.icon && <Icon name={props.icon} className="empty__art" />}
      <h2>{props.title}</h2>
      <p className="empty__text">{props.text}</p>
      {props.action}
    </div>
  );
}
