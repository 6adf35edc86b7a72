import { useMemo, useState } from 'react';
import { Card } from '../../components/Card';
import { FeasibilityNotice } from '../../components/FeasibilityNotice';
import { TextField } from '../../components/Fields';
import { HouseholdForm } from '../../components/HouseholdForm';
import { Notice } from '../../components/Notice';
import { PairForm } from '../../components/PairForm';
import '../../components/rules.css';
import { avoidedExchangesText } from '../../lib/draw-text';
import { NO_ERRORS, type FormErrors } from '../../lib/issues';
import type { ExchangeView } from '../../stores/exchanges';
import { useParticipants } from '../../stores/participants';
import { useRules } from '../../stores/rules';

/** The card a change was made in: its result and the new check are shown there, in view. */
type Where = 'households' | 'pairs' | 'must' | 'earlier';

const PAIR_KINDS = [
  { value: 'pair', label: 'Both ways: neither draws the other' },
  { value: 'one-way', label: 'One way: only the first never draws the second' },
];

/** Who must not (or must) draw whom, with a live check after every change. */
export function RulesTab({ exchange }: { exchange: ExchangeView }) {
  const rules = useRules((s) => (s.exchangeId === exchange.id ? s.rules : null));
  const check = useRules((s) => s.check);
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
    if (!result.ok) setMessage(result.error?.message ?? 'That did not work.');
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
    if (!Number.isInteger(value) || value < 0) return setEarlierError('Write a whole number of exchanges, 0 to switch this off.');
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
      {!editable && <Notice tone="info">Names are drawn, so the rules are fixed. Undo the draw to change them.</Notice>}
      <div className="grid-2 grid-2--wide">
        <Card title="Households" intro="People in one household never draw each other: partners, parents and their children.">
          <div className="stack">
            {rules && rules.households.length > 0 && (
              <ul className="list" aria-label="Households">
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
                        aria-label={`Dissolve household ${h.name}`}
                        onClick={() => void run('households', () => store().change('rules.deleteHousehold', { householdId: h.id }))}
                      >
                        Dissolve
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {active.length < 2 ? (
              <p className="muted">Add at least two participants to make a household.</p>
            ) : (
              <HouseholdForm key={householdKey} people={active} errors={householdErrors} busy={busy} disabled={!editable} onSubmit={(h) => void createHousehold(h)} />
            )}
            {here('households')}
          </div>
        </Card>
        <Card title="Never draw each other" intro="For pairs that should not be matched, like last year's pairs or people who do not get along.">
          <div className="stack">
            {rules && rules.pairs.length + rules.oneWay.length > 0 && (
              <ul className="list" aria-label="Exclusions">
                {rules.pairs.map((r) => (
                  <li key={`p${r.id}`}>
                    <span className="rule-text">
                      {name(r.aId)} and {name(r.bId)} <span className="rule-kind">both ways</span>
                    </span>
                    {editable && (
                      <button type="button" className="btn btn--small btn--danger" onClick={() => void run('pairs', () => store().change('rules.removeExclusion', { id: r.id }))}>
                        Remove
                      </button>
                    )}
                  </li>
                ))}
                {directedRules(rules.oneWay, name, editable, (id) => void run('pairs', () => store().change('rules.removeExclusion', { id })), 'never draws')}
              </ul>
            )}
            <PairForm
              people={active}
              firstLabel="Person"
              secondLabel="Other person"
              submitLabel="Add"
              kinds={PAIR_KINDS}
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
        <Card title="Always draw" intro="Rarely needed: fix one person's giftee, like Grandma always buying for the baby.">
          <div className="stack">
            {rules && rules.mustDraw.length > 0 && (
              <ul className="list" aria-label="Fixed pairs">
                {directedRules(rules.mustDraw, name, editable, (id) => void run('must', () => store().change('rules.removeMustDraw', { id })), 'always draws')}
              </ul>
            )}
            <PairForm
              people={active}
              firstLabel="Person"
              secondLabel="Always draws"
              submitLabel="Add"
              busy={busy}
              disabled={!editable}
              onSubmit={(p) => void run('must', () => store().change('rules.addMustDraw', { exchangeId: exchange.id, giverId: p.firstId, receiverId: p.secondId }))}
            />
            {here('must')}
          </div>
        </Card>
        <Card
          title="Earlier exchanges"
          intro="Avoid pairs drawn in your earlier exchanges with these people, by date: one earlier the same year counts too, and so do exchanges whose data was deleted. An “Always draw” pair is kept even if it was drawn before."
        >
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void saveEarlier();
            }}
          >
            <TextField
              label="Avoid the pairs of the last N exchanges"
              type="number"
              min={0}
              max={10}
              value={earlier}
              onChange={setEarlier}
              error={earlierError}
              disabled={!editable}
              hint="0 switches this off."
            />
            <button type="submit" className="btn" disabled={busy || !editable}>
              Save
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
  verb: string,
) {
  return rows.map((r) => (
    <li key={`o${r.id}`}>
      <span className="rule-text">
        {name(r.giverId)} <span className="rule-kind">{verb}</span> {name(r.receiverId)}
      </span>
      {editable && (
        <button type="button" className="btn btn--small btn--danger" onClick={() => onRemove(r.id)}>
          Remove
        </button>
      )}
    </li>
  ));
}
