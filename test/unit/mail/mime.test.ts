import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { matchEmail, newRegistrationNotice, type ExchangeInfo, type RenderedEmail } from '../../../src-main/mail/templates';

const exchange: ExchangeInfo = {
  name: 'Office\r\nBcc: victim@example.com\r\n\r\nParty',
  description: '',
  exchangeAt: Date.UTC(2026, 11, 18, 16, 0),
  timezone: 'Europe/London',
  location: 'Kitchen',
  budget: null,
};

/** What a mail client would see: the rendered email through nodemailer's composer and back. */
async function roundTrip(mail: RenderedEmail) {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail({ from: 'olga@example.com', to: 'ann@example.com', ...mail });
  return simpleParser(info.message as Buffer);
}

describe('rendered emails as MIME', () => {
  it('keeps hostile names out of the headers', async () => {
    const parsed = await roundTrip(
      newRegistrationNotice({
        locale: 'en',
        exchange,
        organizerName: 'Olga',
        participantName: 'Eve\nCc: other@example.com',
        participantCount: 2,
        adminHint: null,
      }),
    );
    expect(parsed.subject).toBe('Office Bcc: victim@example.com Party: Eve Cc: other@example.com signed up');
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.headers.has('cc')).toBe(false);
    expect(parsed.text).toContain('Eve Cc: other@example.com just signed up');
    expect(parsed.html).toContain('<strong>Eve Cc: other@example.com</strong>');
  });

  it('carries text, HTML and the calendar file of a match email', async () => {
    const parsed = await roundTrip(
      matchEmail({
        locale: 'en',
        exchange: { ...exchange, name: 'Office Party' },
        giverName: 'Ann',
        receiverName: 'Bob',
        receiverGiftIdeas: 'Tea',
        link: 'http://10.0.0.2:4317/p/x',
        uid: 'e1-p1@sneaky-klaus',
      }),
    );
    expect(parsed.subject).toBe('Office Party: your Secret Santa match');
    expect(parsed.text).toContain('Bob');
    expect(parsed.html).toContain('Bob');
    const ics = parsed.attachments.find((a) => a.filename === 'office-party.ics');
    expect(ics?.contentType).toBe('text/calendar');
    expect(ics?.content.toString('utf8')).toContain('DTSTART:20261218T160000Z');
  });
});
