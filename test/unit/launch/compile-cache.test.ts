import nodeModule from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enableCompileCache } from '../../../src-main/compile-cache';

type WithCache = { enableCompileCache?: (directory: string) => unknown };
const moduleApi = nodeModule as WithCache;
const original = moduleApi.enableCompileCache;

afterEach(() => {
  if (original) moduleApi.enableCompileCache = original;
  else delete moduleApi.enableCompileCache;
});

describe('the compile cache', () => {
  it('is asked for in the folder the entry names, where Node has it', () => {
    const enable = vi.fn(() => ({ status: 1 }));
    moduleApi.enableCompileCache = enable;
    enableCompileCache('/data/compile-cache');
    expect(enable).toHaveBeenCalledWith('/data/compile-cache');
  });

  it('does not stop a launch when Node cannot keep it', () => {
    moduleApi.enableCompileCache = () => {
      throw new Error('EACCES: permission denied');
    };
    expect(() => enableCompileCache('/read-only/compile-cache')).not.toThrow();
  });
});
