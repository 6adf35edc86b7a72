import { UpcomingList } from '../../../src-renderer/components/JobLists';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActionBar } from '../../../src-renderer/components/ActionBar';
import { ExchangeCard } from '../../../src-renderer/components/ExchangeCard';
import { FeasibilityNotice } from '../../../src-renderer/components/FeasibilityNotice';
import { ImportPreview } from '../../../src-renderer/components/ImportPreview';
import { MessageView } from '../../../src-renderer/components/MessageView';
import { ParticipantsTable } from '../../../src-renderer/components/ParticipantsTable';
import { QrImage } from '../../../src-renderer/components/QrImage';
import { TextField } from '../../../src-renderer/components/Fields';
import { SantaRevealCard } from '../../../src-renderer/components/SantaRevealCard';
import { exchangeView, participant } from './builders';

const noop = () => undefined;
const copy = async () => true;

function text(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('components (static markup)', () => {
  it('labels every input and shows its error next to it', () => {
    const html = renderToStaticMarkup(<TextField label="Email" value="x" onChange={noop} error="That is not an email address." />);
    const id = /<input id="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<label class="field__label" for="${id}">Email</label>`);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('That is not an email address.');
  });

  it('shows participants with confirmed / opened columns and highlights the people blocking the draw', () => {
    const people = [participant(1, 'Ann', { emailConfirmed: true, householdId: 5 }), participant(2, 'Bob', { assignmentViewed: true })];
    const html = renderToStaticMarkup(
      <ParticipantsTable participants={people} householdOf={new Map([[1, 'Millers']])} flaggedIds={[2]} drawn editable onEdit={noop} onLink={noop} onRemove={noop} />,
    );
    expect(text(html)).toContain('Match opened');
    expect(text(html)).toContain('Millers');
    expect(html.match(/is-flagged/g)).toHaveLength(1);
  });

  it('offers "Reveal to everyone" only in manual mode before the press, and says when pages name the Santas', () => {
    const card = (overrides: Parameters<typeof exchangeView>[0]) =>
      text(renderToStaticMarkup(<SantaRevealCard exchange={exchangeView({ state: 'matched', ...overrides })} now={1_900_000_000_000} busy={false} error={null} onReveal={noop} />));
    expect(card({ santaReveal: 'manual' })).toContain('Reveal to everyone');
    expect(card({ santaReveal: 'manual', santasRevealedAt: 1_800_000_000_000 })).not.toContain('Reveal to everyone');
    expect(card({ santaReveal: 'manual', santasRevealedAt: 1_800_000_000_000 })).toContain('Revealed to everyone on');
    expect(card({ santaReveal: 'never' })).toContain('never learn');
    expect(card({ santaReveal: 'never' })).not.toContain('Reveal to everyone');
    expect(card({ santaReveal: 'after_party', santasRevealedAt: 1_924_966_800_000, santaRevealEmail: true })).toMatch(
      /After the party \(.+\), each participant’s page will say who their Santa was\. Each also gets an email\./,
    );
  });

  it('says only whether each person gave a postal address, never the address', () => {
    const people = [participant(1, 'Ann', { addressGiven: true }), participant(2, 'Bob')];
    const html = renderToStaticMarkup(
      <ParticipantsTable participants={people} householdOf={new Map()} flaggedIds={[]} drawn editable onEdit={noop} onLink={noop} onRemove={noop} />,
    );
    expect(text(html)).toContain('Address given');
    const rows = html.split('<tr').slice(2).map(text);
    expect(rows[0]).toMatch(/Ann .* Yes/);
    expect(rows[1]).toMatch(/Bob .* No /);
  });

  it('before the draw, says who was invited and offers to invite (again) from each row', () => {
    const people = [
      participant(1, 'Ann', { invitation: 'none' }),
      participant(2, 'Bob', { invitation: 'invited' }),
      participant(3, 'Cy', { invitation: 'registered' }),
      participant(4, 'Dee', { invitation: 'invited', emailConfirmed: true }),
      participant(5, 'Eve', { invitation: 'none', withdrawn: true }),
    ];
    const html = renderToStaticMarkup(
      <ParticipantsTable
        participants={people}
        householdOf={new Map()}
        flaggedIds={[]}
        drawn={false}
        editable
        invitable
        onEdit={noop}
        onLink={noop}
        onRemove={noop}
        onInvite={noop}
      />,
    );
    const rows = html.split('<tr').slice(2).map(text);
    expect(rows[0]).toMatch(/Ann .*Not invited .*Invite Edit/);
    expect(rows[1]).toMatch(/Bob .*Invited .*Invite again Edit/);
    expect(rows[2]).toMatch(/Cy .*Not yet .*Invite again Edit/);
    expect(rows[3]).toMatch(/Dee .*Yes .*Invite again Edit/);
    expect(rows[4]).not.toMatch(/Invite/);
    expect(html).toContain('aria-label="Invite again: Bob"');
    // After the draw the match email carries the link: no invitations.
    const drawn = renderToStaticMarkup(
      <ParticipantsTable participants={people} householdOf={new Map()} flaggedIds={[]} drawn editable onEdit={noop} onLink={noop} onRemove={noop} onInvite={noop} />,
    );
    expect(drawn).not.toMatch(/aria-label="Invite/);
  });

  it('names the people who make the draw impossible, and the modes that would work', () => {
    const html = renderToStaticMarkup(
      <FeasibilityNotice
        check={{ feasible: false, mode: 'single-loop', feasibleModes: ['any'], reason: 'Ann, Bob and Cy can only give to Dee.', participantIds: [1, 2], participantCount: 4 }}
        names={
          new Map([
            [1, 'Ann'],
            [2, 'Bob'],
          ])
        }
      />,
    );
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain('Ann, Bob and Cy can only give to Dee.');
    expect(html).toContain('chip--flagged">Ann<');
    expect(text(html)).toContain('Anything goes');
  });

  it('keeps a match email’s text hidden until asked, but offers its links', () => {
    const message = {
      id: 1,
      kind: 'match',
      to: 'ann@x.test',
      subject: 'Family: your Secret Santa match',
      exchangeId: 1,
      status: 'preview' as const,
      attempts: 0,
      nextAttemptAt: null,
      retryAt: null,
      withdrawnReason: null,
      wouldWithdraw: null,
      lastError: null,
      createdAt: 0,
      sentAt: null,
      text: 'You give a present to Bob',
      html: '<p>Bob</p>',
      messageId: '<m@x>',
      attachments: [],
      links: ['http://lan/auth/t'],
      hidden: false,
    };
    const hidden = renderToStaticMarkup(<MessageView message={message} bodyRevealed={false} onRevealBody={noop} onCopy={copy} onResend={noop} onRetryNow={noop} />);
    expect(hidden).not.toContain('Bob');
    expect(hidden).toContain('http://lan/auth/t');
    const shown = renderToStaticMarkup(<MessageView message={message} bodyRevealed onRevealBody={noop} onCopy={copy} onResend={noop} onRetryNow={noop} />);
    expect(shown).toContain('sandbox=""');
    expect(shown).toContain('srcDoc="&lt;p&gt;Bob&lt;/p&gt;"');
  });

  it('names bad CSV rows by line', () => {
    const html = renderToStaticMarkup(
      <ImportPreview
        preview={{
          added: 0,
          rows: [
            { line: 2, name: 'Ann', email: 'ann@x.test', giftIdeas: '', error: null },
            { line: 3, name: 'Bob', email: 'bob', giftIdeas: '', error: 'That is not an email address.' },
          ],
        }}
      />,
    );
    expect(text(html)).toContain('1 row needs fixing before anyone is added: line 3.');
  });

  it('offers only the actions the core allows, and cards show state and the next job', () => {
    const bar = renderToStaticMarkup(<ActionBar allowed={['close', 'cancel', 'complete']} onChoose={noop} />);
    expect(text(bar)).toMatch(/Close registration.*Cancel exchange/);
    expect(text(bar)).not.toContain('completed');
    const card = renderToStaticMarkup(
      <ExchangeCard
        exchange={{ id: 3, name: 'Office', state: 'registration_open', exchangeAt: '2030-12-18T17:00', exchangeAtUtc: 0, timezone: 'UTC', participantCount: 1 }}
        nextJob={{ job: 'registration-close', group: 'exchange', exchangeId: 3, exchangeName: 'Office', dueAt: 2 * 86_400_000, detail: '' }}
        now={0}
      />,
    );
    expect(text(card)).toContain('Registration open');
    expect(text(card)).toContain('1 participant');
    expect(text(card)).toContain('Close registration · in 2 days');
    expect(card).toContain('href="#/exchanges/3"');
  });

  it('offers "Send reminder now" once per exchange, on its next reminder, and no "Run now" for a planned deletion', () => {
    const reminder = (dueAt: number, exchangeId: number) => ({
      job: 'reminders' as const,
      group: 'exchange' as const,
      exchangeId,
      exchangeName: `X${exchangeId}`,
      dueAt,
      detail: '',
    });
    const jobs = [
      reminder(1, 1),
      reminder(2, 2),
      reminder(3, 1),
      { job: 'data-purge' as const, group: 'exchange' as const, exchangeId: 3, exchangeName: 'Old', dueAt: 4, detail: '' },
    ];
    const html = renderToStaticMarkup(<UpcomingList label="Coming up" jobs={jobs} now={0} onRunNow={noop} onSendReminder={noop} />);
    expect(html.match(/Send reminder now/g)).toHaveLength(2);
    expect(html).not.toContain('Run now');
    expect(text(html)).toContain('Data deleted');
  });

  it('shows QR codes as images, never as injected markup', () => {
    const html = renderToStaticMarkup(<QrImage svg={'<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>'} alt="QR" />);
    expect(html).toMatch(/^<img class="qr" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR"\/>$/);
  });
});
