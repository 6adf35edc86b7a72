import { useMemo, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Card } from '../../components/Card';
import { FeasibilityNotice } from '../../components/FeasibilityNotice';
import { TextField } from '../../components/Fields';
import { HouseholdForm } from '../../components/HouseholdForm';
import { Notice } from '../../components/Notice';
import { PairForm } from '../../components/PairForm';
import '../../components/rules.css';
import { avoidedExchangesText } from '../../lib/draw-text';
import type { MessageKey } from '@i18n';
import { useT } from '../../lib/i18n';
import { NO_ERRORS, type FormErrors } from '../../lib/issues';
import type { ExchangeView } from '../../stores/exchanges';
import { useParticipants } from '../../stores/participants';
import { shownCheck, useRules } from '../../stores/rules';

/** The card a change was made in: its result and the new check are shown there, in view. */
type Where = 'households' | 'pairs' | 'must' | 'earlier';

/** Who must not (or must) draw whom, with a live check after every change. */
export function RulesTab({ exchange }: { exchange: ExchangeView }) {
  const { t } = useT();
  const pairKinds = [
    { value: 'pair', label: t('admin.rules.kindPair') },
    { value: 'one-way', label: t('admin.rules.kindOneWay') },
  ];
  const rules = useRules((s) => (s.exchangeId === exchange.id ? s.rules : null));
  const check = useRules(shownCheck);
  const people = useParticipants((s) => s.list) ?? [];
  const names = useMemo(() => new Map(people.map((p) => [p.id, p.name])), [people]);
  const [householdErrors, setHouseholdErrors] = useState<FormErrors>(NO_ERRORS);
  const [householdKey, setHouseholdKey] = useState(0);
  const [earlier, setEarlier] = useState(String(exchange.avoidPastExchanges));
  const [earlierError, setEarlierError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [where, setWhere] = useState<Where | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = exchange.editable.includes('matching');
  const active = people.filter((p) => !p.withdrawn);
  const name = (id: number) => names.get(id) ?? `#${id}`;
  const store = useRules.getState;

  const run = async (at: Where, work: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    setWhere(at);
    setBusy(true);
    setMessage(null);
    const result = await work();
    setBusy(false);
    if (!result.ok) setMessage(result.error?.message ?? t('admin.common.failed'));
    return result.ok;
  };

  const createHousehold = async (household: { name: string; memberIds: number[] }) => {
    setWhere('households');
    setMessage(null);
    setBusy(true);
    const result = await store().change('rules.createHousehold', { exchangeId: exchange.id, ...household });
    setBusy(false);
    setHouseholdErrors(result.ok ? NO_ERRORS : result.errors);
    if (result.ok) setHouseholdKey((k) => k + 1);
  };

  const saveEarlier = async () => {
    const value = Number(earlier);
    if (!Number.isInteger(value) || value < 0) return setEarlierError(t('admin.rules.earlierError'));
    setWhere('earlier');
    setMessage(null);
    setBusy(true);
    const result = await store().setAvoidPastExchanges(value);
    setBusy(false);
    setEarlierError(result.ok ? undefined : (result.errors.fields.avoidPastExchanges ?? result.error.message));
  };

  const here = (at: Where) =>
    where === at && (
      <div className="stack stack--tight">
        {message && <Notice tone="error">{message}</Notice>}
        <FeasibilityNotice check={check} names={names} />
      </div>
    );

  return (
    <div className="stack">
      <FeasibilityNotice check={check} names={names} announce={where === null} />
      {!editable && <Notice tone="info">{t('admin.rules.fixed')}</Notice>}
      <div className="grid-2 grid-2--wide">
        <Card title={t('admin.rules.households')} intro={t('admin.rules.householdsIntro')}>
          <div className="stack">
            {rules && rules.households.length > 0 && (
              <ul className="list" aria-label={t('admin.rules.households')}>
                {rules.households.map((h) => (
                  <li key={h.id}>
                    <div>
                      <strong>{h.name}</strong>
                      <ul className="chips">
                        {h.memberIds.map((id) => (
                          <li key={id} className="chip">
                            {name(id)}
                          </li>
                        ))}
                      </ul>
                    </div>
                    {editable && (
                      <button
                        type="button"
                        className="btn btn--small btn--danger"
                        aria-label={t('admin.rules.dissolveLabel', { name: h.name })}
                        onClick={() => void run('households', () => store().change('rules.deleteHousehold', { householdId: h.id }))}
                      >
                        {t('admin.rules.dissolve')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {active.length < 2 ? (
              <p className="muted">{t('admin.rules.householdTooFew')}</p>
            ) : (
              <HouseholdForm key={householdKey} people={active} errors={householdErrors} busy={busy} disabled={!editable} onSubmit={(h) => void createHousehold(h)} />
            )}
            {here('households')}
          </div>
        </Card>
        <Card title={t('admin.rules.never')} intro={t('admin.rules.neverIntro')}>
          <div className="stack">
            {rules && rules.pairs.length + rules.oneWay.length > 0 && (
              <ul className="list" aria-label={t('admin.rules.exclusions')}>
                {rules.pairs.map((r) => (
                  <li key={`p${r.id}`}>
                    <span className="rule-text">
                      <FormattedMessage
                        id="admin.rules.pair"
                        values={{ a: name(r.aId), b: name(r.bId), kind: (chunks: React.ReactNode[]) => <span className="rule-kind">{chunks}</span> }}
                      />
                    </span>
                    {editable && (
                      <button type="button" className="btn btn--small btn--danger" onClick={() => void run('pairs', () => store().change('rules.removeExclusion', { id: r.id }))}>
                        {t('admin.common.remove')}
                      </button>
                    )}
                  </li>
                ))}
                {directedRules(rules.oneWay, name, editable, (id) => void run('pairs', () => store().change('rules.removeExclusion', { id })), 'admin.rules.neverDraws')}
              </ul>
            )}
            <PairForm
              people={active}
              firstLabel={t('admin.rules.person')}
              secondLabel={t('admin.rules.otherPerson')}
              submitLabel={t('admin.common.add')}
              kinds={pairKinds}
              busy={busy}
              disabled={!editable}
              onSubmit={(p) =>
                void run('pairs', () =>
                  store().change('rules.addExclusion', { exchangeId: exchange.id, kind: p.kind === 'one-way' ? 'one-way' : 'pair', giverId: p.firstId, receiverId: p.secondId }),
                )
              }
            />
            {here('pairs')}
          </div>
        </Card>
        <Card title={t('admin.rules.always')} intro={t('admin.rules.alwaysIntro')}>
          <div className="stack">
            {rules && rules.mustDraw.length > 0 && (
              <ul className="list" aria-label={t('admin.rules.fixedPairs')}>
                {directedRules(rules.mustDraw, name, editable, (id) => void run('must', () => store().change('rules.removeMustDraw', { id })), 'admin.rules.alwaysDraws')}
              </ul>
            )}
            <PairForm
              people={active}
              firstLabel={t('admin.rules.person')}
              secondLabel={t('admin.rules.alwaysDrawsLabel')}
              submitLabel={t('admin.common.add')}
              busy={busy}
              disabled={!editable}
              onSubmit={(p) => void run('must', () => store().change('rules.addMustDraw', { exchangeId: exchange.id, giverId: p.firstId, receiverId: p.secondId }))}
            />
            {here('must')}
          </div>
        </Card>
        <Card title={t('admin.rules.earlier')} intro={t('admin.rules.earlierIntro')}>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void saveEarlier();
            }}
          >
            <TextField
              label={t('admin.rules.earlierLabel')}
              type="number"
              min={0}
              max={10}
              value={earlier}
              onChange={setEarlier}
              error={earlierError}
              disabled={!editable}
              hint={t('admin.rules.earlierHint')}
            />
            <button type="submit" className="btn" disabled={busy || !editable}>
              {t('admin.common.save')}
            </button>
          </form>
          {rules && <p className="muted">{avoidedExchangesText(rules.avoidPastExchanges, rules.avoidedExchanges)}</p>}
          {here('earlier')}
        </Card>
      </div>
    </div>
  );
}

function directedRules(
  rows: ReadonlyArray<{ id: number; giverId: number; receiverId: number }>,
  name: (id: number) => string,
  editable: boolean,
  onRemove: (id: number) => void,
  sentence: MessageKey,
) {
  const kind = (chunks: React.ReactNode[]) => <span className="rule-kind">{chunks}</span>;
  return rows.map((r) => (
    <li key={`o${r.id}`}>
      <span className="rule-text">
        <FormattedMessage id={sentence} values={{ giver: name(r.giverId), receiver: name(r.receiverId), kind }} />
      </span>
      {editable && (
        <button type="button" className="btn btn--small btn--danger" onClick={() => onRemove(r.id)}>
          <FormattedMessage id="admin.common.remove" />
        </button>
      )}
    </li>
  ));
}
