import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from '../../../src-main/http/client-address';

describe('isLoopbackAddress', () => {
  it('is this computer: 127.0.0.0/8, ::1 and their IPv4-mapped forms', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.2', '0:0:0:0:0:0:0:1']) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
  });

  it('is nothing else: LAN, public, wildcard, look-alikes and garbage', () => {
    for (const address of ['192.0.2.50', '10.0.0.1', '0.0.0.0', '::', 'fe80::1', '::ffff:192.0.2.1', '128.0.0.1', '127.0.0.1.evil', 'localhost', '', '::2']) {
      expect(isLoopbackAddress(address), address).toBe(false);
    }
  });
});
