import { describe, expect, it } from 'vitest';
import { browsableUrl, canonicalAllowedHost, canonicalHost, participantUrlsFor } from '../../../src-main/http/hosts';

describe('URLs for listen addresses', () => {
  it('brackets IPv6 and opens wildcard binds through loopback', () => {
    expect(browsableUrl('::1', 4318)).toBe('http://[::1]:4318');
    expect(browsableUrl('fd00::2', 4318)).toBe('http://[fd00::2]:4318');
    expect(browsableUrl('::', 4318)).toBe('http://[::1]:4318');
    expect(browsableUrl('0.0.0.0', 4318)).toBe('http://127.0.0.1:4318');
    expect(browsableUrl('127.0.0.1', 4318)).toBe('http://127.0.0.1:4318');
    for (const host of ['::1', 'fd00::2', '::', '0.0.0.0', '192.0.2.2']) expect(URL.canParse(browsableUrl(host, 1))).toBe(true);
  });

  it('participant URLs: IPv6 bracketed, the IPv6 loopback left out, every one a URL', () => {
    const urls = participantUrlsFor(['localhost:4317', '127.0.0.1:4317', '[::1]:4317', 'fd00::2:4317', '::1:4317', '192.0.2.2:4317']);
    expect(urls).toEqual(['http://localhost:4317', 'http://127.0.0.1:4317', 'http://[fd00::2]:4317', 'http://192.0.2.2:4317']);
    for (const url of urls) expect(new URL(url).port).toBe('4317');
  });
});

describe('host spelling', () => {
  it('one spelling for the same place', () => {
    expect(canonicalHost('[0:0:0:0:0:0:0:1]:4318')).toBe('[::1]:4318');
    expect(canonicalHost('LOCALHOST:4317')).toBe('localhost:4317');
    expect(canonicalHost('[FD00::2]:4317')).toBe('[fd00::2]:4317');
    expect(canonicalAllowedHost('::1:4318')).toBe('[::1]:4318');
    expect(canonicalAllowedHost('fd00::2:4317')).toBe('[fd00::2]:4317');
    expect(canonicalAllowedHost('santa.example.net')).toBe('santa.example.net');
  });

  it('not a host at all → null', () => {
    for (const bad of ['', 'a b', 'evil.example/x', 'user@host', '[::1', 'host:99999', '\\\\share']) expect(canonicalHost(bad), bad).toBeNull();
  });
});
