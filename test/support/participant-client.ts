import type { Hono } from 'hono';

/**
 * A tiny browser stand-in for the participant pages: keeps cookies, remembers the `_csrf` value
 * of the last HTML form it saw, and sends forms the way a browser does (urlencoded, with an
 * `Origin` of the site). Works over `app.request()` (no port) or over real `fetch`.
 */
export interface ClientResponse {
  status: number;
  headers: Headers;
  text: string;
  /** `Location` of a redirect, else null. */
  location: string | null;
  /** Every `Set-Cookie` line of the response. */
  setCookies: string[];
}

export interface PostOptions {
  /** `_csrf` to send: the remembered one by default; `null` sends none. */
  csrf?: string | null;
  headers?: Record<string, string>;
  /** `Origin` to send: the site's own by default; `null` sends none (as older browsers do). */
  origin?: string | null;
  /** Raw body instead of the fields (then `_csrf` is not added). */
  body?: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
}

type Send = (path: string, init: RequestInit) => Promise<Response>;

const CSRF_FIELD = /name="_csrf" value="([^"]*)"/;

export class ParticipantClient {
  readonly cookies = new Map<string, string>();
  /** The `_csrf` value of the last page with a form. */
  csrf: string | null = null;

  constructor(
    private readonly send: Send,
    /** The `Host` the client believes it talks to (also the Origin it sends). */
    readonly host: string,
    private readonly scheme: 'http' | 'https' = 'http',
  ) {}

  get origin(): string {
    return `${this.scheme}://${this.host}`;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<ClientResponse> {
    return this.request(path, { method: 'GET', headers });
  }

  async head(path: string, headers: Record<string, string> = {}): Promise<ClientResponse> {
    return this.request(path, { method: 'HEAD', headers });
  }

  async post(path: string, fields: Record<string, string> = {}, options: PostOptions = {}): Promise<ClientResponse> {
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    const form = new URLSearchParams(fields);
    if (csrf !== null && options.body === undefined) form.set('_csrf', csrf);
    const origin = options.origin === undefined ? this.origin : options.origin;
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': options.contentType ?? 'application/x-www-form-urlencoded', ...(origin === null ? {} : { origin }), ...options.headers },
      body: options.body ?? form.toString(),
    });
  }

  /** The session cookie's value, if the client holds one. */
  session(): string | undefined {
    return this.cookies.get('sk_session');
  }

  private async request(path: string, init: RequestInit): Promise<ClientResponse> {
    const headers = new Headers(init.headers);
    if (!headers.has('host')) headers.set('host', this.host);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
    const response = await this.send(path, { ...init, headers, redirect: 'manual' });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) this.store(line);
    const text = init.method === 'HEAD' ? '' : await response.text();
    const token = CSRF_FIELD.exec(text)?.[1];
    if (token !== undefined) this.csrf = token;
    return { status: response.status, headers: response.headers, text, location: response.headers.get('location'), setCookies };
  }

  private store(line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.parse('2000-01-01')));
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/** A client over `app.request()`; `Host` defaults to the address the app is told it serves. */
export function appClient(app: Hono, host = 'localhost:4317', scheme: 'http' | 'https' = 'http'): ParticipantClient {
  // The URL carries the Host as @hono/node-server would build it; a Host no URL can hold goes in the header only.
  const base = URL.canParse(`${scheme}://${host}/`) ? `${scheme}://${host}` : `${scheme}://invalid-host.test`;
  return new ParticipantClient(async (path, init) => app.request(`${base}${path}`, init), host, scheme);
}

/** A client over real HTTP (`fetch`) to a listening server, e.g. `http://127.0.0.1:43123`. */
export function fetchClient(baseUrl: string): ParticipantClient {
  const url = new URL(baseUrl);
  return new ParticipantClient((path, init) => {
    const headers = new Headers(init.headers);
    headers.delete('host'); // fetch sets it from the URL
    return fetch(`${url.origin}${path}`, { ...init, headers });
  }, url.host);
}

/** Parameters of the outbox rows an app wrote, newest last. */
export interface OutboxRow {
  id: number;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  participant_id: number | null;
}

/** The first `/auth/<token>` link in a text, as a path. */
export function authPath(text: string): string {
  const match = /https?:\/\/[^/\s]+(\/auth\/[A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no /auth/ link in:\n${text}`);
  return match[1]!;
}
