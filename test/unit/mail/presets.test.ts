import { describe, expect, it } from 'vitest';
import { SMTP_PRESETS, findSmtpPreset, securityForPort, transportSecurity } from '../../../src-main/mail/presets';

describe('SMTP presets', () => {
  it('offers the common providers plus custom, with consistent port and security', () => {
    expect(SMTP_PRESETS.map((p) => p.id)).toEqual(['gmail', 'outlook', 'icloud', 'fastmail', 'yahoo', 'custom']);
    for (const preset of SMTP_PRESETS) {
      expect(securityForPort(preset.port)).toBe(preset.security);
      expect(preset.hint).toMatch(/\.$/);
      if (preset.id !== 'custom') expect(preset.host).toMatch(/^smtp[.-]/);
    }
  });

  it('finds presets by id and maps security to nodemailer switches', () => {
    expect(findSmtpPreset('icloud')?.host).toBe('smtp.mail.me.com');
    expect(findSmtpPreset('nope')).toBeUndefined();
    expect(transportSecurity('tls')).toEqual({ secure: true, requireTLS: false });
    expect(transportSecurity('starttls')).toEqual({ secure: false, requireTLS: true });
  });
});
