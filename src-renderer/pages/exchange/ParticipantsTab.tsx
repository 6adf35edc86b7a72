import { useCallback, useMemo, useState } from 'react';
import { Card } from '../../components/Card';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { Notice } from '../../components/Notice';
import { EMPTY_PARTICIPANT, ParticipantForm, participantFormValues, type ParticipantFormValues } from '../../components/ParticipantForm';
import { ParticipantsTable } from '../../components/ParticipantsTable';
import { PersonalLink } from '../../components/PersonalLink';
import { copyText, csvFileName, downloadText } from '../../lib/download';
import { plural } from '../../lib/format';
import { NO_ERRORS, type FormErrors } from '../../lib/issues';
import type { ExchangeView } from '../../stores/exchanges';
import { invitedText } from '../../lib/invite-text';
import { newRequestId, useParticipants, type Participant, type PersonalLink as Link } from '../../stores/participants';
import { useRules } from '../../stores/rules';
import { useEveryone } from '../../stores/everyone';
import { ImportPanel } from './ImportPanel';

/** "Invite these people" (everyone not invited yet) or one person; one request id per question asked. */
type Inviting = { who: 'all'; count: number; requestId: string } | { who: Participant; requestId: string } | null;

type Panel = { kind: 'add' } | { kind: 'import' } | { kind: 'edit'; participant: Participant } | { kind: 'link'; participant: Participant; link: Link } | null;

/** The people in the exchange: add, import, export, edit, remove, and their personal links. */
export function ParticipantsTab({ exchange }: { exchange: ExchangeView }) {
  const list = useParticipants((s) => (s.exchangeId === exchange.id ? s.list : null));
  const loadError = useParticipants((s) => s.error);
  const cards = useEveryone((s) => (s.exchangeId === exchange.id ? s.cards : null));
  const toReprint = cards?.toReprint ?? [];
  const rules = useRules((s) => s.rules);
  const check = useRules((s) => s.check);
  const [panel, setPanel] = useState<Panel>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<Participant | null>(null);
  const [linkFor, setLinkFor] = useState<Participant | null>(null);
  const [inviting, setInviting] = useState<Inviting>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const editable = exchange.editable.includes('participants');
  const households = useMemo(() => new Map((rules?.households ?? []).flatMap((h) => h.memberIds.map((id) => [id, h.name] as const))), [rules]);
  const drawn = exchange.state === 'matched' || exchange.state === 'completed';
  // Before the draw, people the organizer added can be emailed their link to add gift ideas.
  const invitable = editable && !drawn && exchange.state !== 'cancelled';
  const notInvited = (list ?? []).filter((p) => !p.withdrawn && p.email !== '' && p.invitation === 'none').length;

  const open = (next: Panel) => {
    setErrors(NO_ERRORS);
    setMessage(null);
    setPanel(next);
  };
  const submit = async (values: ParticipantFormValues) => {
    setBusy(true);
    const store = useParticipants.getState();
    const result = panel?.kind === 'edit' ? await store.update(panel.participant.id, values) : await store.add(values);
    setBusy(false);
    if (!result.ok) return setErrors(result.errors);
    setPanel(panel?.kind === 'add' ? { kind: 'add' } : null);
    setErrors(NO_ERRORS);
    setMessage({ tone: 'success', text: panel?.kind === 'edit' ? `Saved ${result.value.name}.` : `Added ${result.value.name}.` });
  };
  const showLink = async (participant: Participant) => {
    setBusy(true);
    const result = await useParticipants.getState().personalLink(participant.id);
    setBusy(false);
    setLinkFor(null);
    if (result.ok) open({ kind: 'link', participant, link: result.value });
    else setMessage({ tone: 'error', text: result.error.message });
  };
  const cancelLink = useCallback(() => setLinkFor(null), []);
  const invite = async () => {
    if (!inviting) return;
    setBusy(true);
    const result = await useParticipants.getState().invite(inviting.requestId, inviting.who === 'all' ? undefined : inviting.who.id);
    setBusy(false);
    setInviting(null);
    setMessage(result.ok ? { tone: 'success', text: invitedText(result.value) } : { tone: 'error', text: result.error.message });
  };
  const cancelInvite = useCallback(() => setInviting(null), []);
  const exportCsv = async () => {
    const result = await useParticipants.getState().exportCsv();
    if (result.ok) downloadText(result.value.filename || csvFileName(exchange.name), result.value.csv);
    else setMessage({ tone: 'error', text: result.error.message });
  };
  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    const result = await useParticipants.getState().remove(removing.id);
    setBusy(false);
    const changed = result.ok ? result.value.changedParticipantIds.length : 0;
    setMessage(
      result.ok
        ? { tone: 'success', text: `Removed ${removing.name}.${changed > 0 ? ` ${changed} people got a new match by email.` : ''}` }
        : { tone: 'error', text: result.error.message },
    );
    setRemoving(null);
  };
  const cancelRemove = useCallback(() => setRemoving(null), []);

  const toolbar = (
    <>
      {editable && (
        <button type="button" className="btn btn--primary" onClick={() => open({ kind: 'add' })}>
          Add participant
        </button>
      )}
      {editable && (
        <button type="button" className="btn" onClick={() => open({ kind: 'import' })}>
          Import CSV
        </button>
      )}
      {invitable && notInvited > 0 && (
        <button type="button" className="btn" onClick={() => (setMessage(null), setInviting({ who: 'all', count: notInvited, requestId: newRequestId() }))}>
          Invite these people
        </button>
      )}
      <button type="button" className="btn" onClick={() => void exportCsv()} disabled={!list || list.length === 0}>
        Export CSV
      </button>
    </>
  );

  return (
    <div className="stack">
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {loadError && <Notice tone="error">{loadError}</Notice>}
      {toReprint.length > 0 && (
        <Notice tone="error">
          The printed {toReprint.length === 1 ? 'card' : 'cards'} of {toReprint.join(', ')} now {toReprint.length === 1 ? 'shows' : 'show'} the wrong person: print again on the
          Cards &amp; table tab.
        </Notice>
      )}
      {(panel?.kind === 'add' || panel?.kind === 'edit') && (
        <Card title={panel.kind === 'add' ? 'Add a participant' : `Edit ${panel.participant.name}`}>
          <ParticipantForm
            key={panel.kind === 'edit' ? panel.participant.id : `add-${list?.length ?? 0}`}
            initial={panel.kind === 'edit' ? participantFormValues(panel.participant) : EMPTY_PARTICIPANT}
            errors={errors}
            submitLabel={panel.kind === 'add' ? 'Add' : 'Save'}
            deliverers={(list ?? []).filter((p) => !p.withdrawn && p.email !== '' && (panel.kind !== 'edit' || p.id !== panel.participant.id))}
            busy={busy}
            onSubmit={(v) => void submit(v)}
            onCancel={() => setPanel(null)}
          />
        </Card>
      )}
      {panel?.kind === 'import' && <ImportPanel onClose={() => setPanel(null)} onDone={(text) => (setPanel(null), setMessage({ tone: 'success', text }))} />}
      <Card
        title="Participants"
        intro={editable ? 'People who sign up with the invite link appear here by themselves.' : 'The participants can no longer change.'}
        actions={toolbar}
      >
        {list && list.length === 0 && (
          <EmptyState icon="people" title="No participants yet" text="Add people one by one, import a CSV file, or open registration and share the invite link." />
        )}
        {list && list.length > 0 && (
          <ParticipantsTable
            participants={list}
            householdOf={households}
            flaggedIds={check && !check.feasible ? check.participantIds : []}
            drawn={drawn}
            editable={editable}
            invitable={invitable}
            onInvite={(participant) => (setMessage(null), setInviting({ who: participant, requestId: newRequestId() }))}
            detail={
              panel?.kind === 'link'
                ? {
                    participantId: panel.participant.id,
                    content: (
                      <div className="stack stack--tight">
                        <PersonalLink name={panel.participant.name} url={panel.link.url} qrSvg={panel.link.qrSvg} expiresAt={panel.link.expiresAt} onCopy={copyText} />
                        <div className="row row--end">
                          <button type="button" className="btn btn--small" onClick={() => setPanel(null)}>
                            Close the link
                          </button>
                        </div>
                      </div>
                    ),
                  }
                : null
            }
            onEdit={(participant) => open({ kind: 'edit', participant })}
            onLink={(participant) => (panel?.kind === 'link' && panel.participant.id === participant.id ? setPanel(null) : setLinkFor(participant))}
            onRemove={setRemoving}
          />
        )}
      </Card>
      {linkFor && (
        <ConfirmDialog
          title={`Make a personal link for ${linkFor.name}?`}
          confirmLabel="Make the link"
          cancelLabel="Go back"
          busy={busy}
          onConfirm={() => void showLink(linkFor)}
          onCancel={cancelLink}
        >
          The link opens {linkFor.name}’s own page{drawn ? `, which shows whom ${linkFor.name} gives to` : ''}. Send it to {linkFor.name} by chat when email does not reach them.
          Making it is recorded, and {linkFor.name} is told by email and on their page that you did.
        </ConfirmDialog>
      )}
      {inviting && (
        <ConfirmDialog
          title={
            inviting.who === 'all'
              ? `Invite ${plural(inviting.count, 'person', 'people')} by email?`
              : `${inviting.who.invitation === 'none' ? 'Invite' : 'Invite again:'} ${inviting.who.name}?`
          }
          confirmLabel={inviting.who === 'all' ? 'Send the invitations' : 'Send the invitation'}
          cancelLabel="Not now"
          busy={busy}
          onConfirm={() => void invite()}
          onCancel={cancelInvite}
        >
          {inviting.who === 'all'
            ? 'Everyone you added who has not had an email yet gets a welcome email with their own link, so they can add gift ideas before the draw. People invited before, or who signed up themselves, are left out.'
            : `${inviting.who.name} gets a welcome email with their own link${inviting.who.invitation === 'none' ? '' : ' (a new one: an older link stops working)'}, so they can add gift ideas before the draw.`}
        </ConfirmDialog>
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove"
          cancelLabel={`Keep ${removing.name}`}
          danger
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={cancelRemove}
        >
          {drawn
            ? 'Names are already drawn: the draw is mended around them and only the people whose match changes get an email.'
            : 'They are taken off the list and out of every exclusion.'}
        </ConfirmDialog>
      )}
    </div>
  );
}
