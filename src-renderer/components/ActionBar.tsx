import { useT } from '../lib/i18n';
import { actionCopy, isKnownAction, type ExchangeAction } from '../lib/exchange-copy';
import './ui.css';

export interface ActionBarProps {
  allowed: readonly string[];
  /** Actions handled elsewhere on the page (e.g. draw has its own tab). */
  hidden?: readonly ExchangeAction[];
  busy?: boolean;
  onChoose(action: ExchangeAction): void;
}

const ORDER: ExchangeAction[] = ['open', 'close', 'draw', 'reopen', 'unpublish', 'undo-draw', 'cancel'];

/** The state changes the core allows right now, as buttons, most likely first. */
export function ActionBar(props: ActionBarProps) {
  const t = useT();
  const actions = ORDER.filter((a) => props.allowed.includes(a) && isKnownAction(a) && !props.hidden?.includes(a));
  if (actions.length === 0) return null;
  return (
    <div className="row" role="group" aria-label={t.t('parts.action.group')}>
      {actions.map((action) => {
        const copy = actionCopy(action, t);
        const tone = copy.tone === 'primary' ? 'btn--primary' : copy.tone === 'danger' ? 'btn--danger' : '';
        return (
          <button key={action} type="button" className={`btn ${tone}`} disabled={props.busy} onClick={() => props.onChoose(action)}>
            {copy.label}
          </button>
        );
      })}
    </div>
  );
}
