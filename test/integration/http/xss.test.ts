import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';

/** Hostile text as names, ideas and exchange details; each fits on one line and in 100 characters. */
const CORPUS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<a href="javascript:alert(1)">click</a>',
  'javascript:alert(1)',
  '<iframe src="//evil.example"></iframe>',
  '<style>*{display:none}</style>',
  '<base href="//evil.example/">',
  '<meta http-equiv="refresh" content="0;url=//evil.example">',
  '<!-- unclosed comment',
  '&lt;b&gt;already escaped&lt;/b&gt;',
  'https://example.com/"onmouseover="alert(1)',
  'https://example.com/?q=<script>alert(1)</script>',
  "{{constructor.constructor('alert(1)')()}}",
  ']]><![CDATA[<script>alert(1)</script>',
];
const IDEAS = CORPUS.join('\n');
const ALLOWED_TAGS = new Set(
  'html head meta title link body header main footer section div p h1 h2 h3 ul li dl dt dd a form input textarea select option button label span strong time br table tr td'.split(
    ' ',
  ),
);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'background', 'poster']);

/** Parses like a browser would and fails on anything active; returns the decoded text. */
function expectInert(html: string, where: string): string {
  const problems: string[] = [];
  let text = '';
  let inTextarea = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        inTextarea = name === 'textarea';
        if (!ALLOWED_TAGS.has(name)) problems.push(`<${name}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith('on')) problems.push(`${name}[${attribute}]`);
          if (URL_ATTRIBUTES.has(attribute) && !/^(https?:\/\/|\/(?!\/)|#|mailto:)/i.test(value.trim())) problems.push(`${name}[${attribute}=${value}]`);
          if (attribute === 'http-equiv' && /refresh/i.test(value)) problems.push('meta refresh');
        }
      },
      onclosetag() {
        inTextarea = false;
      },
      ontext(data) {
        // htmlparser2 leaves a textarea's text (RCDATA) encoded; browsers decode it.
        text += inTextarea ? data.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!) : data;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  expect(problems, where).toEqual([]);
  return text;
}

let w: World;
const pages: Array<[string, string]> = [];

beforeAll(async () => {
  w = await participantWorld({
    exchange: { name: '<script>alert(1)</script> party', description: IDEAS, location: '"><img src=x onerror=alert(1)>' },
  });
  const client = w.client();
  let response = await client.get(`/i/${w.code}`);
  pages.push(['invite page', response.text]);
  response = await client.post(`/i/${w.code}`, { name: CORPUS[0]!, email: '"><script>alert(1)</script>@x', giftIdeas: IDEAS });
  expect(response.status).toBe(400);
  pages.push(['registration error page', response.text]);
  response = await client.post('/login', { email: '<img src=x onerror=alert(1)>' });
  expect(response.status).toBe(400);
  pages.push(['login error page', response.text]);
  for (const [i, name] of CORPUS.entries()) {
    if (i % 2 === 0) {
      response = await client.post(`/i/${w.code}`, { name, email: `p${i}@example.com`, giftIdeas: IDEAS });
      if (i === 0) pages.push(['check-inbox page', response.text]);
    } else {
      await w.t.ok('participants.add', { exchangeId: w.exchangeId, name, email: `p${i}@example.com`, giftIdeas: IDEAS });
    }
  }
  await w.closeAndDraw();
  w.t.clock.advance(3_600_000); // past the per-client login limit window of the registrations
  const clients: ParticipantClient[] = [];
  for (const i of CORPUS.keys()) clients.push(await w.signIn(`p${i}@example.com`));
  for (const [i, c] of clients.entries()) pages.push([`/me of participant ${i}`, (await c.get('/me')).text]);
  w.t.deps.db.sqlite.prepare("update email_outbox set status = 'sent' where kind = 'match'").run();
  const left = await clients[0]!.post('/me/withdraw', { confirm: 'yes' });
  pages.push(['left page', left.text]);
}, 120_000);
afterAll(() => w.close());

describe('hostile text is shown as text, never run', () => {
  it('(the checker itself flags each kind of injection)', () => {
    for (const bad of [
      '<p><img src=x></p>',
      '<a href="javascript:alert(1)">x</a>',
      '<p onclick="x()">x</p>',
      '<a href="//evil.example">x</a>',
      '<meta http-equiv="refresh" content="0">',
    ]) {
      expect(() => expectInert(bad, 'sample')).toThrow();
    }
    expect(expectInert('<p>&lt;b&gt;<textarea>&lt;i&gt;</textarea></p>', 'sample')).toBe('<b><i>');
  });

  it('on every participant page: no element, attribute or URL it could inject; every string visible verbatim', () => {
    expect(pages.length).toBeGreaterThan(CORPUS.length);
    let all = '';
    for (const [where, html] of pages) all += expectInert(html, where);
    for (const payload of CORPUS) expect(all, payload).toContain(payload);
    // The registration form kept what was typed, as text.
    expect(expectInert(pages[1]![1], 'kept values')).toContain(IDEAS);
  });

  it('each giver sees their giftee’s hostile name and all of the hostile ideas as text', () => {
    for (const [where, html] of pages.filter(([p]) => p.startsWith('/me'))) {
      const text = expectInert(html, where);
      expect(text).toContain('You are giving a gift to');
      for (const payload of CORPUS) expect(text, `${where}: ${payload}`).toContain(payload);
    }
  });

  it('in every email in the outbox: inert HTML, one-line subjects, names and ideas kept', () => {
    const mails = w.outbox();
    expect(new Set(mails.map((m) => m.kind))).toEqual(
      new Set(['welcome', 'organizer-new-registration', 'magic-link', 'match', 'organizer-draw-done', 'organizer-withdrawal', 'assignment-changed']),
    );
    let all = '';
    for (const mail of mails) {
      all += expectInert(mail.html_body, `${mail.kind} to ${mail.to_address}`);
      expect(mail.subject).not.toMatch(/[\r\n]/);
    }
    for (const payload of CORPUS) expect(all, payload).toContain(payload);
    const match = mails.find((m) => m.kind === 'match')!;
    expect(match.text_body).toContain('<script>alert(1)</script>');
    expect(match.html_body).not.toContain('<script>');
  });
});
