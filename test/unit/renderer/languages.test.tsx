import { CATALOGUES, translator, type Locale } from '@i18n';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { ExchangeCard } from '../../../src-renderer/components/ExchangeCard';
import { ExchangeForm } from '../../../src-renderer/components/ExchangeForm';
import { ImportPreview } from '../../../src-renderer/components/ImportPreview';
import { EMPTY_PARTICIPANT, ParticipantForm } from '../../../src-renderer/components/ParticipantForm';
import { ParticipantsTable } from '../../../src-renderer/components/ParticipantsTable';
import { PrintSheet } from '../../../src-renderer/components/PrintSheet';
import { RunTable } from '../../../src-renderer/components/JobLists';
import { ALL_FIELDS, convertExchangeForm, emptyExchangeForm, exchangeFormValues } from '../../../src-renderer/lib/exchange-form';
import { I18nProvider } from '../../../src-renderer/lib/i18n';
import { runSummary } from '../../../src-renderer/lib/job-report';
import { useSettings, type Settings } from '../../../src-renderer/stores/settings';
import { exchangeView, participant } from './builders';

const noop = () => undefined;

/** What a reader meets: the text, and the words in labels a screen reader or a placeholder shows. */
function visible(html: string): string {
  const attributes = [...html.matchAll(/\s(?:aria-label|placeholder|title|alt)="([^"]*)"/g)].map((m) => m[1]);
  const text = html.replace(/<[^>]+>/g, ' ');
  return `${text} ${attributes.join(' ')}`
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

/**
 * Server rendering reads a zustand store's initial state, `currentT()` its current one: the
 * organizer's language is put into both for one test and taken out again.
 */
const settingsInitial = useSettings.getInitialState();
function organizerSpeaks(locale: Locale | null) {
  const settings = locale === null ? null : ({ locale } as Settings);
  Object.assign(settingsInitial, { settings });
  useSettings.setState({ settings });
}
afterEach(() => organizerSpeaks(null));

function render(locale: Locale, node: ReactElement): string {
  organizerSpeaks(locale);
  return visible(renderToStaticMarkup(<I18nProvider>{node}</I18nProvider>));
}

const words = (text: string) => text.toLowerCase().match(/[a-z]{3,}/g) ?? [];

function partsTexts(locale: Locale): string[] {
  return Object.entries(CATALOGUES[locale])
    .filter(([key]) => key.startsWith('parts.'))
    .map(([, text]) => text.replace(/\{\w+\}/g, ' '));
}

/**
 * The English words that come up at least three times in the `parts` texts and never in the other
 * language's own `parts` texts (so "Budget", "Status" or ICU's "plural" are not counted against German).
 */
function englishWords(locale: Locale): Set<string> {
  const counts = new Map<string, number>();
  for (const text of partsTexts('en')) for (const word of words(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const theirs = new Set(partsTexts(locale).flatMap(words));
  return new Set([...counts].filter(([word, n]) => n >= 3 && !theirs.has(word)).map(([word]) => word));
}

function englishLeft(locale: Locale, shown: string): string[] {
  const english = englishWords(locale);
  return [...new Set(words(shown).filter((word) => english.has(word)))];
}

const people = [
  participant(1, 'Ann', { email: 'ann@x.de', giftIdeas: 'Lego', isOrganizer: true }),
  participant(2, 'Bob', { email: 'bob@x.de', locale: 'es', emailConfirmed: true, invitation: 'invited' }),
  participant(3, 'Cy', { email: '', delivery: 'card', withdrawn: true }),
  participant(4, 'Dee', { email: 'dee@x.de', delivery: 'delivered', deliveredBy: 1, sharesAddressWith: ['Ann'], remindersEnabled: false }),
];

const screens: Record<string, () => ReactElement> = {
  'the exchange form': () => (
    <ExchangeForm
      initial={exchangeFormValues(exchangeView({ name: 'X', location: 'Y', description: 'Z' }))}
      errors={{ general: null, fields: {} }}
      editableFields={ALL_FIELDS}
      submitLabel="—"
      saved
      onSubmit={noop}
      onCancel={noop}
    />
  ),
  'the participant form': () => (
    <ParticipantForm
      initial={{ ...EMPTY_PARTICIPANT, delivery: 'delivered', deliveredBy: 1 }}
      errors={{ general: null, fields: {} }}
      submitLabel="—"
      deliverers={[{ id: 1, name: 'Ann' }]}
      exchangeLocale="de"
      onSubmit={noop}
      onCancel={noop}
    />
  ),
  'the participants table': () => (
    <ParticipantsTable
      participants={people}
      householdOf={new Map([[1, 'Ann & Bob']])}
      flaggedIds={[2]}
      drawn
      editable
      invitable
      exchangeLocale="de"
      onEdit={noop}
      onLink={noop}
      onRemove={noop}
      onInvite={noop}
    />
  ),
  'the import preview': () => (
    <ImportPreview
      preview={{
        added: 0,
        rows: [
          { line: 2, name: 'Ann', email: 'ann@x.de', giftIdeas: 'Lego', error: null, locale: 'fr' } as never,
          { line: 3, name: 'Bob', email: 'bob@x.de', giftIdeas: '', error: null },
        ],
      }}
    />
  ),
};

describe('the organizer’s screens in German and Spanish', () => {
  it('the list of English words to look for is long enough to catch a forgotten text', () => {
    for (const locale of ['de', 'es'] as const) {
      const english = englishWords(locale);
      expect(english.size).toBeGreaterThan(40);
      for (const word of ['the', 'and', 'email', 'gift', 'reminders', 'exchange', 'people']) expect(english).toContain(word);
    }
    // And it finds them: the same screens in English are full of them.
    expect(englishLeft('de', render('en', screens['the participant form']!())).length).toBeGreaterThan(5);
  });

  for (const [name, screen] of Object.entries(screens)) {
    for (const locale of ['de', 'es'] as const) {
      it(`${name} has no English word in ${locale}`, () => {
        const shown = render(locale, screen());
        expect(englishLeft(locale, shown)).toEqual([]);
      });
    }
  }
});

describe('language fields', () => {
  it('a new exchange starts in the organizer’s language, and the form offers the four languages named in themselves', () => {
    organizerSpeaks('fr');
    const values = emptyExchangeForm({ timezone: 'Europe/Paris', currency: 'EUR', reminderDays: [7] });
    expect(values.locale).toBe('fr');
    expect(emptyExchangeForm({ timezone: 'UTC', currency: 'EUR', reminderDays: [], locale: 'es' }).locale).toBe('es');
    const converted = convertExchangeForm({ ...values, name: 'Noël', exchangeAt: '2099-12-24T18:00' }, 0);
    expect(converted.ok && converted.fields.locale).toBe('fr');

    const html = render('de', screens['the exchange form']!());
    expect(html).toContain('Sprache der E-Mails und Seiten');
    expect(html).toMatch(/English Deutsch Français Español/);
  });

  it('a participant’s language is the exchange’s unless chosen, named in the exchange’s language', () => {
    const html = render('es', screens['the participant form']!());
    expect(html).toContain('Idioma');
    expect(html).toContain('El del intercambio (Deutsch) English Deutsch Français Español');
    const form = renderToStaticMarkup(
      <I18nProvider>
        <ParticipantForm initial={{ ...EMPTY_PARTICIPANT, locale: 'fr' }} errors={{ general: null, fields: {} }} submitLabel="OK" deliverers={[]} onSubmit={noop} onCancel={noop} />
      </I18nProvider>,
    );
    expect(form).toMatch(/<option value="fr" selected="">Français<\/option>/);
  });

  it('the participants table names a person’s language only when it differs from the exchange’s', () => {
    const differs = render('en', screens['the participants table']!());
    expect(differs).toContain('Español');
    expect(differs).toContain('Gets emails and their page in Español');
    const same = render(
      'en',
      <ParticipantsTable
        participants={[participant(2, 'Bob', { locale: 'es' })]}
        householdOf={new Map()}
        flaggedIds={[]}
        drawn={false}
        editable
        exchangeLocale="es"
        onEdit={noop}
        onLink={noop}
        onRemove={noop}
      />,
    );
    expect(same).not.toContain('Español');
  });

  it('the CSV preview shows a language column only when the file has one', () => {
    const withLanguage = render('en', screens['the import preview']!());
    expect(withLanguage).toContain('Language');
    expect(withLanguage).toContain('Français');
    expect(withLanguage).toContain('The exchange’s');
    const without = render('en', <ImportPreview preview={{ added: 0, rows: [{ line: 2, name: 'Ann', email: 'ann@x.de', giftIdeas: '', error: null }] }} />);
    expect(without).not.toContain('Language');
  });
});

describe('printed cards speak their person’s language', () => {
  it('words each card in its person’s language, else the exchange’s, around a sheet in the organizer’s', () => {
    const card = (participantId: number, name: string) => ({ participantId, name, url: 'http://x', qrSvg: '<svg/>', giftees: [{ name: 'Zoe', giftIdeas: '' }] });
    const html = renderToStaticMarkup(
      <I18nProvider>
        <PrintSheet
          printed={{ style: 'full', cards: [card(1, 'Ann'), card(2, 'Bob')] }}
          exchange={{ name: 'X', exchangeAt: '2030-12-24T18:00', location: 'Y', budget: { amount: '25', currency: 'EUR' }, locale: 'de' }}
          localeOf={(id) => (id === 2 ? 'es' : null)}
        />
      </I18nProvider>,
    );
    const [ann, bob] = html.split('<article').slice(1) as [string, string];
    expect(ann).toContain('lang="de"');
    expect(visible(ann)).toContain('Du beschenkst');
    expect(visible(ann)).toContain('Dienstag, 24. Dezember 2030, 18:00');
    expect(visible(ann)).toContain('25 €');
    expect(bob).toContain('lang="es"');
    expect(visible(bob)).toContain('Le haces un regalo a');
    expect(visible(bob)).toContain('Presupuesto');
    // The organizer reads the sheet's own labels in their language (English here).
    expect(html).toContain('aria-label="Card for Bob"');
  });
});

describe('counts in every language', () => {
  const cases: Record<Locale, Record<number, string>> = {
    en: { 0: '0 participants', 1: '1 participant', 2: '2 participants', 5: '5 participants' },
    de: { 0: '0 Personen', 1: '1 Person', 2: '2 Personen', 5: '5 Personen' },
    fr: { 0: '0 personne', 1: '1 personne', 2: '2 personnes', 5: '5 personnes' },
    es: { 0: '0 participantes', 1: '1 participante', 2: '2 participantes', 5: '5 participantes' },
  };
  for (const [locale, expected] of Object.entries(cases) as Array<[Locale, Record<number, string>]>) {
    it(`counts people on an exchange card and reminders in a job report, 0, 1, 2 and 5 (${locale})`, () => {
      for (const n of [0, 1, 2, 5]) {
        const html = render(
          locale,
          <ExchangeCard
            exchange={{ id: 1, name: 'X', state: 'draft', exchangeAt: '2030-12-18T17:00', exchangeAtUtc: 0, timezone: 'UTC', participantCount: n }}
            nextJob={undefined}
            now={0}
          />,
        );
        expect(html).toContain(expected[n]);
      }
    });
  }

  it('words reminders sent and late runs with the right plural', () => {
    const de = translator('de');
    const es = translator('es');
    expect([1, 2, 5].map((n) => runSummary('reminders', { queued: n }, de))).toEqual(['1 Erinnerung verschickt.', '2 Erinnerungen verschickt.', '5 Erinnerungen verschickt.']);
    expect([1, 2, 5].map((n) => runSummary('reminders', { queued: n }, es))).toEqual(['Se envió 1 recordatorio.', 'Se enviaron 2 recordatorios.', 'Se enviaron 5 recordatorios.']);
    expect(runSummary('reminders', { queued: 0 }, de)).toBe('Es waren keine Erinnerungen fällig.');
    const due = Date.UTC(2026, 11, 1);
    const html = render(
      'fr',
      <RunTable
        runs={[{ id: 1, job: 'reminders', outcome: 'ok', error: null, counts: { queued: 2 }, startedAt: due + 3_600_000, scheduledFor: due, finishedAt: null } as never]}
      />,
    );
    expect(html).toContain('E-mails de rappel');
    expect(html).toContain('avec 1 heure de retard');
    expect(html).toContain('2 rappels envoyés.');
  });
});
