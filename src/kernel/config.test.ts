import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseTrustProxy } from './config.ts';

describe('TRUST_PROXY', () => {
  it.each([
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.5', ['10.0.0.5']],
    ['10.0.0.5, 10.0.1.0/24,::1', ['10.0.0.5', '10.0.1.0/24', '::1']],
    ['fd00::/8', ['fd00::/8']],
  ] as const)('%s → %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each(['true', '11', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/1', '10.0.0.300'])('refuses %s, naming the variable', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });

  it('defaults to trusting no proxy', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});
