import { describe, expect, it } from 'vitest';
import { translator } from '../../../src-main/i18n';
import { securityForPort, smtpPresets, transportSecurity } from '../../../src-main/mail/presets';

const SMTP_PRESETS = smtpPresets(translator('en'));

describe('SMTP presets', () => {
  it('offers the common providers plus custom, with consistent port and security', () => {
    expect(SMTP_PRESETS.map((p) => p.id)).toEqual(['gmail', 'outlook', 'icloud', 'fastmail', 'yahoo', 'custom']);
    for (const preset of SMTP_PRESETS) {
      expect(securityForPort(preset.port)).toBe(preset.security);
      expect(preset.hint).toMatch(/\.$/);
      if (preset.id !== 'custom') expect(preset.host).toMatch(/^smtp[.-]/);
    }
  });

  it("names each provider's server and maps security to nodemailer switches", () => {
    expect(SMTP_PRESETS.find((p) => p.id === 'icloud')?.host).toBe('smtp.mail.me.com');
    expect(transportSecurity('tls')).toEqual({ secure: true, requireTLS: false });
    expect(transportSecurity('starttls')).toEqual({ secure: false, requireTLS: true });
  });
});
