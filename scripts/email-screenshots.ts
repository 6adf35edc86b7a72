/**
 * Screenshots of the match email and the reminder in each language, as a phone shows them
 * (390 px wide), into docs/emails/. `npx tsx scripts/email-screenshots.ts`. Uses Debian's
 * Chromium (test/support/chromium.ts); the PNGs are re-encoded at the highest compression.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCALES, type Locale } from '../src-main/i18n';
import { matchEmail, reminderEmail, type ExchangeInfo, type RenderedEmail } from '../src-main/mail/templates';
import { launchChromium } from '../test/support/chromium';
import { cleanPng } from '../test/support/doc-images';

const NAMES: Record<Locale, { exchange: string; giver: string; receiver: string; ideas: string; place: string; note: string }> = {
  en: { exchange: 'Family Christmas 2026', giver: 'Ann', receiver: 'Bob', ideas: 'A good novel\nWarm socks', place: "Grandma's house", note: 'Bring cookies!' },
  de: { exchange: 'Familienwichteln 2026', giver: 'Anna', receiver: 'Bernd', ideas: 'Ein guter Roman\nWarme Socken', place: 'Bei Oma', note: 'Bringt Plätzchen mit!' },
  fr: { exchange: 'Noël en famille 2026', giver: 'Anne', receiver: 'Benoît', ideas: 'Un bon roman\nDes chaussettes chaudes', place: 'Chez mamie', note: 'Apportez des biscuits !' },
  es: {
    exchange: 'Navidad en familia 2026',
    giver: 'Ana',
    receiver: 'Bruno',
    ideas: 'Una buena novela\nCalcetines de lana',
    place: 'En casa de la abuela',
    note: '¡Traed galletas!',
  },
};

function emails(locale: Locale): Array<[string, RenderedEmail]> {
  const n = NAMES[locale];
  const exchange: ExchangeInfo = {
    name: n.exchange,
    description: n.note,
    exchangeAt: Date.UTC(2026, 11, 19, 17, 0),
    timezone: 'Europe/Berlin',
    location: n.place,
    budget: { amount: '25', currency: 'EUR' },
  };
  const link = 'http://192.168.1.20:4317/auth/example';
  return [
    ['match', matchEmail({ locale, exchange, giverName: n.giver, receiverName: n.receiver, receiverGiftIdeas: n.ideas, link, uid: 'example@sneaky-klaus' })],
    ['reminder', reminderEmail({ locale, exchange, participantName: n.giver, receiverName: n.receiver, receiverGiftIdeas: n.ideas, daysLeft: 5, link })],
  ];
}

async function main(): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'sk-email-shots-'));
  const context = await launchChromium(profile, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    for (const locale of LOCALES) {
      for (const [kind, email] of emails(locale)) {
        await page.setContent(email.html, { waitUntil: 'load' });
        const shot = await page.screenshot({ fullPage: true });
        const file = join('docs', 'emails', `${kind}-${locale}.png`);
        writeFileSync(file, cleanPng(shot));
        console.log(file);
      }
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
