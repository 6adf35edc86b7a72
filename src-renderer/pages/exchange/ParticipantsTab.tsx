import { useCallback, useMemo, useState } from 'react';
import { Card } from '../../components/Card';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { Notice } from '../../components/Notice';
import { EMPTY_PARTICIPANT, ParticipantForm, participantFormValues, type ParticipantFormValues } from '../../components/ParticipantForm';
import { ParticipantsTable } from '../../components/ParticipantsTable';
import { PersonalLink } from '../../components/PersonalLink';
import { copyText, csvFileName, downloadText } from '../../lib/download';
import { useT } from '../../lib/i18n';
import { NO_ERRORS, type FormErrors } from '../../lib/issues';
import type { ExchangeView } from '../../stores/exchanges';
import { invitedText } from '../../lib/invite-text';
import { newRequestId, useParticipants, type Participant, type PersonalLink as Link } from '../../stores/participants';
import { shownCheck, useRules } from '../../stores/rules';
import { useEveryone } from '../../stores/everyone';
import { ImportPanel } from './ImportPanel';

/** "Invite these people" (everyone not invited yet) or one person; one request id per question asked. */
type Inviting = { who: 'all'; count: number; requestId: string } | { who: Participant; requestId: string } | null;

type Panel = { kind: 'add' } | { kind: 'import' } | { kind: 'edit'; participant: Participant } | { kind: 'link'; participant: Participant; link: Link } | null;

/** The people in the exchange: add, import, export, edit, remove, and their personal links. */
export function ParticipantsTab({ exchange }: { exchange: ExchangeView }) {
  const { t, list: names } = useT();
  const list = useParticipants((s) => (s.exchangeId === exchange.id ? s.list : null));
  const loadError = useParticipants((s) => s.error);
  const cards = useEveryone((s) => (s.exchangeId === exchange.id ? s.cards : null));
  const toReprint = cards?.toReprint ?? [];
  const rules = useRules((s) => s.rules);
  const check = useRules(shownCheck);
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
    setMessage({
      tone: 'success',
      text: panel?.kind === 'edit' ? t('admin.participants.saved', { name: result.value.name }) : t('admin.participants.added', { name: result.value.name }),
    });
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
    const changed = result.ok ? result.value.changedCount : 0;
    setMessage(
      result.ok
        ? {
            tone: 'success',
            text: changed > 0 ? t('admin.participants.removedRematched', { name: removing.name, count: changed }) : t('admin.participants.removed', { name: removing.name }),
          }
        : { tone: 'error', text: result.error.message },
    );
    setRemoving(null);
  };
  const cancelRemove = useCallback(() => setRemoving(null), []);

  const toolbar = (
    <>
      {editable && (
        <button type="button" className="btn btn--primary" onClick={() => open({ kind: 'add' })}>
          {t('admin.participants.add')}
        </button>
      )}
      {editable && (
        <button type="button" className="btn" onClick={() => open({ kind: 'import' })}>
          {t('admin.participants.import')}
        </button>
      )}
      {invitable && notInvited > 0 && (
        <button type="button" className="btn" onClick={() => (setMessage(null), setInviting({ who: 'all', count: notInvited, requestId: newRequestId() }))}>
          {t('admin.participants.inviteAll')}
        </button>
      )}
      <button type="button" className="btn" onClick={() => void exportCsv()} disabled={!list || list.length === 0}>
        {t('admin.participants.export')}
      </button>
    </>
  );

  return (
    <div className="stack">
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {loadError && <Notice tone="error">{loadError}</Notice>}
      {toReprint.length > 0 && <Notice tone="error">{t('admin.participants.reprint', { count: toReprint.length, names: names(toReprint) })}</Notice>}
      {(panel?.kind === 'add' || panel?.kind === 'edit') && (
        <Card title={panel.kind === 'add' ? t('admin.participants.addTitle') : t('admin.participants.editTitle', { name: panel.participant.name })}>
          <ParticipantForm
            key={panel.kind === 'edit' ? panel.participant.id : `add-${list?.length ?? 0}`}
            initial={panel.kind === 'edit' ? participantFormValues(panel.participant) : EMPTY_PARTICIPANT}
            errors={errors}
            submitLabel={panel.kind === 'add' ? t('admin.common.add') : t('admin.common.save')}
            deliverers={(list ?? []).filter((p) => !p.withdrawn && p.email !== '' && (panel.kind !== 'edit' || p.id !== panel.participant.id))}
            busy={busy}
            onSubmit={(v) => void submit(v)}
            onCancel={() => setPanel(null)}
          />
        </Card>
      )}
      {panel?.kind === 'import' && <ImportPanel onClose={() => setPanel(null)} onDone={(text) => (setPanel(null), setMessage({ tone: 'success', text }))} />}
      <Card title={t('admin.participants.title')} intro={editable ? t('admin.participants.intro') : t('admin.participants.fixed')} actions={toolbar}>
        {list && list.length === 0 && <EmptyState icon="people" title={t('admin.participants.emptyTitle')} text={t('admin.participants.emptyText')} />}
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
                            {t('admin.participants.closeLink')}
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
          title={t('admin.participants.linkTitle', { name: linkFor.name })}
          confirmLabel={t('admin.participants.linkConfirm')}
          cancelLabel={t('admin.common.goBack')}
          busy={busy}
          onConfirm={() => void showLink(linkFor)}
          onCancel={cancelLink}
        >
          {t(drawn ? 'admin.participants.linkTextDrawn' : 'admin.participants.linkText', { name: linkFor.name })}
        </ConfirmDialog>
      )}
      {inviting && (
        <ConfirmDialog
          title={
            inviting.who === 'all'
              ? t('admin.participants.inviteAllTitle', { count: inviting.count })
              : t(inviting.who.invitation === 'none' ? 'admin.participants.inviteTitle' : 'admin.participants.inviteAgainTitle', { name: inviting.who.name })
          }
          confirmLabel={inviting.who === 'all' ? t('admin.participants.sendAll') : t('admin.participants.sendOne')}
          cancelLabel={t('admin.participants.notNow')}
          busy={busy}
          onConfirm={() => void invite()}
          onCancel={cancelInvite}
        >
          {inviting.who === 'all'
            ? t('admin.participants.inviteAllText')
            : t(inviting.who.invitation === 'none' ? 'admin.participants.inviteText' : 'admin.participants.inviteAgainText', { name: inviting.who.name })}
        </ConfirmDialog>
      )}
      {removing && (
        <ConfirmDialog
          title={t('admin.participants.removeTitle', { name: removing.name })}
          confirmLabel={t('admin.common.remove')}
          cancelLabel={t('admin.participants.keep', { name: removing.name })}
          danger
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={cancelRemove}
        >
          {drawn ? t('admin.participants.removeDrawn') : t('admin.participants.removeText')}
        </ConfirmDialog>
      )}
    </div>
  );
}
