import { useEffect, useRef, type ReactNode } from 'react';
import './ui.css';

export interface PageHeadProps {
  title: string;
  sub?: ReactNode;
  actions?: ReactNode;
  before?: ReactNode;
}

/** The screen's one h1; it takes focus when the screen opens so screen readers announce it. */
export function PageHead(props: PageHeadProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="page-head">
      <div>
        {props.before}
        <h1 ref={ref} tabIndex={-1}>
          {props.title}
        </h1>
        {props.sub && <p className="page-head__sub">{props.sub}</p>}
      </div>
      {props.actions && <div className="row">{props.actions}</div>}
    </header>
  );
}
