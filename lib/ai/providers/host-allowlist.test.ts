import { describe, expect, it } from 'vitest';
import { aiHostAllowlistSchema, baseUrlProblem, parseHostAllowlist } from './host-allowlist';

const none = parseHostAllowlist('');
const loopback = parseHostAllowlist('127.0.0.1, [::1]');

describe('baseUrlProblem', () => {
  it('allows the official hosts by default and nothing else', () => {
    expect(baseUrlProblem('https://api.openai.com/v1', none)).toBeNull();
    expect(baseUrlProblem('https://API.OpenAI.com./v1', none)).toBeNull();
    expect(baseUrlProblem('https://generativelanguage.googleapis.com', none)).toBeNull();
    expect(baseUrlProblem('http://127.0.0.1:11434/v1', none)).toMatch(
      /host 127\.0\.0\.1:11434 is not on the administrator's allowlist/,
    );
    expect(baseUrlProblem('http://169.254.169.254/latest/meta-data', none)).not.toBeNull();
    expect(baseUrlProblem('https://api.openai.com.evil.example/v1', none)).not.toBeNull();
    expect(baseUrlProblem('https://evilapi.openai.com/v1', none)).not.toBeNull();
  });

  it('sees through decimal, hex and octal IPv4 spellings', () => {
    for (const url of [
      'http://2130706433/',
      'http://0x7f000001/',
      'http://0x7f.1/',
      'http://017700000001/',
      'http://127.1/',
    ]) {
      expect(baseUrlProblem(url, none), url).toMatch(/127\.0\.0\.1/);
      expect(baseUrlProblem(url, loopback), url).toBeNull();
    }
  });

  it('refuses user-info tricks even when the real host is allowed', () => {
    expect(baseUrlProblem('http://api.openai.com@127.0.0.1/', none)).toMatch(/user name/);
    expect(baseUrlProblem('http://api.openai.com@127.0.0.1/', loopback)).toMatch(
      /user name or password/,
    );
    expect(baseUrlProblem('https://user:pw@api.openai.com/', none)).toMatch(/user name/);
  });

  it('matches IPv6 loopback in its bracketed and bare spellings', () => {
    expect(baseUrlProblem('http://[::1]:8080/v1', none)).toMatch(/\[::1\]:8080/);
    expect(baseUrlProblem('http://[::1]:8080/v1', loopback)).toBeNull();
    expect(baseUrlProblem('http://[0:0:0:0:0:0:0:1]/', loopback)).toBeNull();
    expect(baseUrlProblem('http://[::1]/', parseHostAllowlist('::1'))).toBeNull();
    // An IPv4-mapped address is its own host: not loopback's allowance.
    expect(baseUrlProblem('http://[::ffff:127.0.0.1]/', loopback)).not.toBeNull();
  });

  it('checks the port when the entry names one, and the scheme', () => {
    const list = parseHostAllowlist('llm.internal:8443,localhost');
    expect(baseUrlProblem('https://llm.internal:8443/v1', list)).toBeNull();
    expect(baseUrlProblem('https://llm.internal/v1', list)).not.toBeNull();
    expect(baseUrlProblem('http://localhost:11434/v1', list)).toBeNull();
    expect(baseUrlProblem('ftp://localhost/', list)).toMatch(/only http and https/);
    expect(baseUrlProblem('file:///etc/passwd', list)).toMatch(/only http and https/);
    expect(baseUrlProblem('not a url', list)).toMatch(/not a valid URL/);
    expect(
      baseUrlProblem('https://api.example.com:443/', parseHostAllowlist('api.example.com:443')),
    ).toBeNull();
  });

  it('allows subdomains with *. and anything with *', () => {
    const list = parseHostAllowlist('*.example.com');
    expect(baseUrlProblem('https://llm.example.com/', list)).toBeNull();
    expect(baseUrlProblem('https://example.com/', list)).not.toBeNull();
    expect(baseUrlProblem('https://badexample.com/', list)).not.toBeNull();
    expect(baseUrlProblem('http://10.0.0.1/', parseHostAllowlist('a.com, *'))).toBeNull();
  });
});

describe('AI_BASE_URL_ALLOWLIST', () => {
  it('parses a list and rejects entries that are not hosts', () => {
    expect(aiHostAllowlistSchema.parse(undefined)).toEqual([]);
    expect(aiHostAllowlistSchema.parse(' Localhost:11434 , 2130706433 ')).toEqual([
      { host: 'localhost', port: '11434', subdomains: false },
      { host: '127.0.0.1', port: null, subdomains: false },
    ]);
    for (const bad of ['http://x.com', 'x.com/v1', 'a@b', 'x.com:99999', 'x .com']) {
      const result = aiHostAllowlistSchema.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toContain('is not a host or host:port');
    }
  });
});
