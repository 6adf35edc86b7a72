import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../../../src-main/http/participant/views';

describe('qrSvg', () => {
  it('returns a labelled SVG document', async () => {
    const svg = await qrSvg('http://192.168.1.20:4317/i/Ab3_invite-Code');
    expect(svg).toMatch(/^<svg role="img" aria-label="QR code of the invite link" xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<path');
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it('is deterministic for the same text', async () => {
    expect(await qrSvg('https://example.org/i/x')).toBe(await qrSvg('https://example.org/i/x'));
  });
});
