import { describe, expect, it } from 'vitest';
import { mePage } from '../../../../src-main/http/participant/views';
import { MATCHED, meModel } from './fixtures';
import { translator } from '../../../../src-main/i18n';

const EN = translator('en');

const GIFTEE = 'You are giving a gift to';

describe('participant page', () => {
  it('shows the giftee card only when matched', () => {
    expect(mePage(EN, meModel({ kind: 'waiting' }))).not.toContain(GIFTEE);
    expect(mePage(EN, meModel({ kind: 'cancelled' }))).not.toContain(GIFTEE);
    expect(mePage(EN, meModel({ kind: 'completed', receiver: null }))).not.toContain(GIFTEE);
    const page = mePage(EN, meModel(MATCHED));
    expect(page).toContain(`<span class="giftee-intro">${GIFTEE}</span> <span class="giftee-name">Bob</span>`);
  });

  it('shows the giftee’s ideas with line breaks and links, and the budget and date once on the page', () => {
    const page = mePage(EN, meModel(MATCHED));
    const card = /<section class="card giftee"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(card).toContain('A good novel<br><a href="https://example.com/wishlist?id=1&amp;x=2" rel="noopener noreferrer nofollow">');
    expect(card).toContain('<br>Dark chocolate');
    expect(page.split('<dd>€25</dd>')).toHaveLength(2);
    expect(page.split('>Saturday, 19 December 2026 at 18:00 (Europe/Berlin)</time>')).toHaveLength(2);
  });

  it('says when the giftee has no ideas yet', () => {
    const page = mePage(EN, meModel({ kind: 'matched', receiver: { name: 'Bob', giftIdeas: '  \n ' } }));
    expect(page).toContain('Bob hasn’t written any gift ideas yet.');
  });

  it('before the draw says names will be drawn after registration closes, with a simple confirm', () => {
    const page = mePage(EN, meModel({ kind: 'waiting' }));
    expect(page).toContain('Names will be drawn after registration closes');
    expect(page).toContain('Yes, take me out of this exchange');
    expect(page).not.toContain('the organizer is told');
  });

  it('after the draw warns that the organizer is told and the giver gets someone else', () => {
    const page = mePage(EN, meModel(MATCHED));
    expect(page).toContain('the organizer is told, and the person who drew your name will be given someone else');
    expect(page).toMatch(/name="confirm" value="yes" required/);
  });

  it('prefills own ideas and the reminder choice', () => {
    expect(mePage(EN, meModel({ kind: 'waiting' }))).toContain('rows="5">\nBooks\nWarm socks</textarea>');
    expect(mePage(EN, meModel({ kind: 'waiting' }))).toMatch(/id="reminders" name="reminders" value="yes" checked>/);
    const off = meModel({ kind: 'waiting' });
    off.participant.reminders = false;
    expect(mePage(EN, off)).toMatch(/id="reminders" name="reminders" value="yes">/);
  });

  it('keeps a rejected draft and shows the error', () => {
    const page = mePage(EN, meModel({ kind: 'waiting' }, { giftIdeasDraft: 'Too long…', errors: { giftIdeas: 'Too long.' } }));
    expect(page).toContain('rows="5">\nToo long…</textarea>');
    expect(page).toMatch(/id="gift-ideas" [^>]*aria-describedby="gift-ideas-hint gift-ideas-error" aria-invalid="true"/);
  });

  it('shows the deletion countdown in the exchange zone, and nothing when unknown', () => {
    expect(mePage(EN, meModel({ kind: 'waiting' }))).toContain('All data of this exchange will be deleted on Monday, 18 January 2027 (in 48 days).');
    expect(mePage(EN, meModel({ kind: 'waiting' }, { deletionAt: null }))).not.toContain('will be deleted on');
  });

  it('shows a flash message with a live role', () => {
    const page = mePage(EN, meModel({ kind: 'waiting' }, { flash: { kind: 'success', message: 'Your gift ideas were saved.' } }));
    expect(page).toContain('<p class="flash flash-success" role="status">Your gift ideas were saved.</p>');
  });

  it('offers only log out once the exchange is over or cancelled', () => {
    for (const stage of [{ kind: 'cancelled' as const }, { kind: 'completed' as const, receiver: null }]) {
      const page = mePage(EN, meModel(stage));
      expect(page).not.toContain('/me/ideas');
      expect(page).not.toContain('/me/withdraw');
      expect(page).toContain('action="/logout"');
    }
    expect(mePage(EN, meModel({ kind: 'completed', receiver: { name: 'Bob', giftIdeas: '' } }))).toContain('You gave a gift to <strong>Bob</strong>.');
  });
});
