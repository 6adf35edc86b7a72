import { describe, expect, it } from 'vitest';
import { assignmentChangedEmail, matchEmail, reminderEmail, type ExchangeInfo } from '../../../src-main/mail/templates';

const LINK = 'http://192.168.1.20:4317/auth/tok3n';
const exchange: ExchangeInfo = {
  name: 'Cousins 2026',
  description: '',
  exchangeAt: Date.UTC(2026, 11, 19, 17, 0),
  timezone: 'Europe/Berlin',
  location: '',
  budget: null,
};
const giftees = [
  { name: 'Bob', giftIdeas: 'Trains' },
  { name: 'Cy <b>', giftIdeas: '' },
];
const first = { receiverName: 'Bob', receiverGiftIdeas: 'Trains' };

describe('emails with several giftees each', () => {
  it('the match email names every giftee and shows the ideas of each (escaped in HTML)', () => {
    const mail = matchEmail({ locale: 'en', exchange, giverName: 'Ann', ...first, giftees, link: LINK, uid: 'u@sk' });
    expect(mail.text).toMatch(/Your giftees:\s+Bob and Cy <b>\n/);
    expect(mail.text).toMatch(/Bob's gift ideas\s+Trains/);
    expect(mail.text).toMatch(/Cy <b>'s gift ideas\s+\(No ideas yet/);
    expect(mail.html).toContain('Bob and Cy &lt;b&gt;');
    expect(mail.html).not.toContain('Cy <b>');
  });

  it('the changed-assignment email and the reminder do the same; one giftee keeps its wording', () => {
    const changed = assignmentChangedEmail({ locale: 'en', exchange, giverName: 'Ann', ...first, giftees, link: LINK, uid: 'u@sk' });
    expect(changed.text).toMatch(/Your giftees now:\s+Bob and Cy <b>\n/);
    const reminder = reminderEmail({ locale: 'en', exchange, participantName: 'Ann', ...first, giftees, daysLeft: 3, link: LINK });
    expect(reminder.text).toMatch(/Your giftees:\s+Bob and Cy <b>\n/);
    expect(reminder.text).toMatch(/Cy <b>'s latest gift ideas\s+\(No ideas yet\. A small surprise will do nicely!\)/);
    const one = matchEmail({ locale: 'en', exchange, giverName: 'Ann', ...first, giftees: giftees.slice(0, 1), link: LINK, uid: 'u@sk' });
    expect(one.text).toMatch(/You are the Secret Santa for:?\s+Bob\n/);
    expect(one.text).not.toContain('giftees');
  });

  it('a giftee who allowed their postal address in the match email has it under their name, the other not', () => {
    const withAddress = [
      { ...giftees[0]!, address: '12 Elm Street\nSpringfield' },
      { ...giftees[1]!, address: null },
    ];
    const mail = matchEmail({ locale: 'en', exchange, giverName: 'Ann', ...first, giftees: withAddress, link: LINK, uid: 'u@sk' });
    expect(mail.text).toMatch(/Bob's address for the gift\s+12 Elm Street\s+Springfield/);
    expect(mail.text).not.toContain("Cy <b>'s address");
  });
});
