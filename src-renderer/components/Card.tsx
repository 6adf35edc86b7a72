import type { ReactNode } from 'react';
import './ui.css';

export interface CardProps {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  /** Lets a heading be the target of in-page links. */
  id?: string;
  className?: string;
}

/** A titled section of a page. Titles are h2: each screen has exactly one h1. */
export function Card(props: CardProps) {
  const headingId = props.id ? `${props.id}-title` : undefined;
  return (
    <section className={`card ${props.className ?? ''}`} id={props.id} aria-labelledby={headingId}>
      <div className="card__head">
        <div>
          <h2 id={headingId}>{props.title}</h2>
          {props.intro && <p className="card__intro">{props.intro}</p>}
        </div>
        {props.actions && <div className="row">{props.actions}</div>}
      </div>
      {props.children}
    </section>
  );
}
