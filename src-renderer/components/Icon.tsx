/** A few line icons (no emoji: not every computer has an emoji font). Decorative: hidden from screen readers. */
export type IconName = 'gift' | 'mail' | 'calendar' | 'people' | 'secret';

const PATHS: Record<IconName, string[]> = {
  gift: ['M3 8h18v4H3z', 'M5 12h14v9H5z', 'M12 8v13', 'M12 8C10 4 6 4 6 6.5S10 8 12 8z', 'M12 8c2-4 6-4 6-1.5S14 8 12 8z'],
  mail: ['M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z', 'M3 7l9 6 9-6'],
  calendar: ['M4 5h16a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z', 'M3 10h18', 'M8 3v4', 'M16 3v4'],
  people: ['M9 4.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7z', 'M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6', 'M17 6.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z', 'M16.5 14c2.9 0 5 1.9 5 5'],
  secret: ['M3 3l18 18', 'M10.6 6.1A9.9 9.9 0 0 1 12 6c5 0 9 6 9 6a16 16 0 0 1-2.7 3.3', 'M6.1 7.9C4 9.5 3 12 3 12s4 6 9 6a9 9 0 0 0 4-.9', 'M9.9 9.9a3 3 0 0 0 4.2 4.2'],
};

export function Icon(props: { name: IconName; className?: string }) {
  return (
    <svg
      className={props.className ?? 'icon'}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[props.name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
