import fc from 'fast-check';

/**
 * Arbitrary HTTP requests for the transport fuzz: methods, paths with odd encodings, headers,
 * bodies and content types. Values that need the live app (a valid session, the admin secret,
 * the invite code) are named by slot and filled in when the request is sent.
 */
export type Slot = 'code' | 'token' | 'session' | 'csrf' | 'secret' | 'adminCookie' | 'adminCsrf';

export interface FuzzRequest {
  method: string;
  /** Path segments; a string is literal, a Slot is filled in. */
  path: Array<string | { slot: Slot }>;
  query: string;
  headers: Array<[string, string | { slot: Slot }]>;
  body: { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'big'; size: number };
}

const ODD = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%ff%fe',
  '%00',
  '%2e%2e',
  '..',
  '.',
  '%2f',
  '%5c',
  '%c0%ae',
  '%25',
  '~',
  '*',
  "'",
  '"',
  '<script>',
  'é',
  '😀',
  '\u0000',
  ' ',
  '+',
  ';',
  ',',
  '=',
  '@',
  ':',
  '!',
  '$',
];
const oddText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...ODD), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(3000)) },
);
const slot = (name: Slot) => fc.constant({ slot: name });

const PARTICIPANT_PATHS: Array<Array<string | { slot: Slot }>> = [
  [''],
  ['login'],
  ['i', { slot: 'code' }],
  ['auth', { slot: 'token' }],
  ['me'],
  ['me', 'ideas'],
  ['me', 'reminders'],
  ['me', 'withdraw'],
  ['logout'],
  ['assets', 'participant.css'],
  ['favicon.ico'],
  ['health'],
  ['i'],
  ['auth'],
];
const RPC = [
  'app.info',
  'settings.get',
  'settings.update',
  'exchanges.list',
  'exchanges.get',
  'exchanges.create',
  'exchanges.update',
  'exchanges.transition',
  'draw.check',
  'exchanges.draw',
  'exchanges.inviteLink',
  'participants.personalLink',
  'participants.import',
  'participants.export',
  'network.info',
  'participants.list',
  'participants.add',
  'participants.update',
  'rules.get',
  'rules.addExclusion',
  'outbox.list',
  'outbox.get',
  'outbox.status',
  'jobs.upcoming',
  'jobs.runs',
  'jobs.health',
  'smtp.get',
  'backups.list',
];
const ADMIN_PATHS: Array<Array<string | { slot: Slot }>> = [
  [''],
  ['health'],
  ['session'],
  ['events'],
  ['assets', 'index.js'],
  ['index.html'],
  ...RPC.map((op) => ['rpc', op]),
  ['rpc'],
];

const path = (known: Array<Array<string | { slot: Slot }>>) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...known), fc.nat(4), oddText).map(([p, at, odd]) => [...p.slice(0, at), odd, ...p.slice(at + 1)]) },
    { weight: 1, arbitrary: fc.array(oddText, { maxLength: 5 }) },
  );

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/);
const headerValue = fc.oneof(fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,40}[\x21-\x7e])?$/), fc.constantFrom('', 'null', '*'));
const CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'multipart/form-data; boundary=x',
  'APPLICATION/X-WWW-FORM-URLENCODED ;',
  ';;;',
  '',
];
const header = fc.oneof(
  fc.tuple(fc.constant('content-type'), fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerValue)),
  fc.tuple(
    fc.constant('host'),
    fc.constantFrom('127.0.0.1:4317', '127.0.0.1:4318', 'localhost:4317', '[::1]:4318', 'santa.example.net', 'evil.example', '[0:0::1]:4318', '127.0.0.1:80'),
  ),
  fc.tuple(fc.constant('origin'), fc.oneof(fc.constantFrom('http://127.0.0.1:4317', 'null', 'http://evil.example', 'file://'), headerValue)),
  fc.tuple(
    fc.constant('cookie'),
    fc.oneof(
      fc.constantFrom('sk_session=%', 'sk_csrf=;;', 'sk_admin==', 'a=%E0%A4%A'),
      slot('session').map((s) => s as { slot: Slot }),
      slot('adminCookie').map((s) => s as { slot: Slot }),
      headerValue,
    ),
  ),
  fc.tuple(
    fc.constant('authorization'),
    fc.oneof(
      slot('secret').map((s) => s as { slot: Slot }),
      fc.constantFrom('Bearer ', 'Basic x', 'Bearer %'),
      headerValue,
    ),
  ),
  fc.tuple(
    fc.constant('x-csrf-token'),
    fc.oneof(
      slot('adminCsrf').map((s) => s as { slot: Slot }),
      headerValue,
    ),
  ),
  fc.tuple(fc.constantFrom('cf-connecting-ip', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded'), headerValue),
  fc.tuple(fc.constantFrom('accept', 'accept-language', 'accept-encoding', 'range', 'if-none-match', 'transfer-encoding', 'expect', 'upgrade'), headerValue),
  fc.tuple(token, headerValue),
);

const formBody = fc
  .array(fc.tuple(fc.constantFrom('_csrf', 'email', 'name', 'giftIdeas', 'reminders', 'confirm', 'exchange'), fc.string({ maxLength: 30 })), { maxLength: 5 })
  .map((pairs) => new URLSearchParams(pairs).toString());
const body = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 2, arbitrary: formBody.map((text) => ({ kind: 'text' as const, text })) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 3 }).map((text) => ({ kind: 'text' as const, text })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('{"password":"x"}', '{"exchangeId":1}', '{"exchangeId":1,"participantId":1}', '{', 'null', '[]', '{"csv":"name,email\\nA,a@b.c","exchangeId":1}')
      .map((text) => ({ kind: 'text' as const, text })),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ kind: 'bytes' as const, bytes })) },
  { weight: 1, arbitrary: fc.constantFrom(16 * 1024, 16 * 1024 + 1, 70_000).map((size) => ({ kind: 'big' as const, size })) },
);

const request = (paths: Array<Array<string | { slot: Slot }>>) =>
  fc.record({
    method: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('GET', 'POST') },
      { weight: 2, arbitrary: fc.constantFrom('HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') },
      { weight: 1, arbitrary: token },
    ),
    path: path(paths),
    query: fc.oneof(
      fc.constant(''),
      fc.array(fc.tuple(oddText, oddText), { maxLength: 3 }).map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
    ),
    headers: fc.array(header, { maxLength: 6 }),
    body,
  }) as fc.Arbitrary<FuzzRequest>;

export const participantRequest = request(PARTICIPANT_PATHS);
export const adminRequest = request(ADMIN_PATHS);

/** The request as `app.request()` takes it; null when no URL can be made of it (not sent, not counted). */
export function toRequest(r: FuzzRequest, origin: string, fill: (slot: Slot) => string): Request | null {
  const value = (v: string | { slot: Slot }) => (typeof v === 'string' ? v : fill(v.slot));
  const target = `${origin}/${r.path.map(value).join('/')}${r.query}`;
  if (!URL.canParse(target)) return null;
  const headers = new Headers();
  try {
    for (const [name, v] of r.headers) headers.append(name, value(v));
  } catch {
    return null; // a header the client itself cannot send
  }
  const withBody = r.method !== 'GET' && r.method !== 'HEAD' && r.body.kind !== 'none';
  const payload = !withBody
    ? undefined
    : r.body.kind === 'text'
      ? r.body.text
      : r.body.kind === 'bytes'
        ? new Uint8Array(r.body.bytes)
        : r.body.kind === 'big'
          ? new Uint8Array(r.body.size).fill(0x61)
          : undefined;
  try {
    return new Request(target, { method: r.method, headers, body: payload });
  } catch {
    return null; // a method the fetch API forbids (CONNECT, TRACE…)
  }
}
