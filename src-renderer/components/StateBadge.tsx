import { useT } from '../lib/i18n';
import { stateLabel, stateTone, type ExchangeState } from '../lib/format';
import './ui.css';

export function StateBadge(props: { state: ExchangeState }) {
  return <span className={`badge badge--${stateTone(props.state)}`}>{stateLabel(props.state, useT())}</span>;
}
