import './ui.css';

export interface TabsProps<T extends string> {
  label: string;
  current: T;
  tabs: ReadonlyArray<{ id: T; label: string; href: string }>;
}

/** Sub-pages of a screen as links (each has its own address, so back/forward work). */
export function Tabs<T extends string>(props: TabsProps<T>) {
  return (
    <nav className="tabs" aria-label={props.label}>
      {props.tabs.map((tab) => (
        <a key={tab.id} className="tabs__tab" href={tab.href} aria-current={tab.id === props.current ? 'page' : undefined}>
          {tab.label}
        </a>
      ))}
    </nav>
  );
}
