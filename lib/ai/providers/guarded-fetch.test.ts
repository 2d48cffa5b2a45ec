import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeReply, startFakeLlm, type FakeLlm } from '../../../test/fake-llm';
import { DECISION_OUTPUT_SCHEMA } from '../decision-schema';
import { validBuy } from '../test-fixtures';
import { guardedFetch } from './guarded-fetch';
import { parseHostAllowlist } from './host-allowlist';
import { createGeminiProvider } from './gemini-provider';
import { createOpenAiProvider } from './openai-provider';
import { AiProviderError } from './provider-error';

let fake: FakeLlm;
let redirector: Server;
let redirectorPort = 0;
let target = '';

beforeAll(async () => {
  fake = await startFakeLlm();
  const fakePort = new URL(fake.url).port;
  // Sends every request on to `target` with a 307 (method and body kept).
  redirector = createServer((req, res) => {
    res.writeHead(307, { Location: target.replace('PORT', fakePort) + (req.url ?? '') });
    res.end();
  });
  await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
  redirectorPort = (redirector.address() as AddressInfo).port;
});
afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => redirector.close(resolve));
});

const request = {
  system: 'S',
  user: 'U',
  schema: DECISION_OUTPUT_SCHEMA,
  model: 'test-model',
  timeoutMs: 2000,
};

describe('the guarded fetch', () => {
  it('follows a redirect to an allowed host', async () => {
    fake.reset();
    target = 'http://127.0.0.1:PORT';
    fake.script(fakeReply.json(validBuy(60_000)));
    const provider = createOpenAiProvider({
      apiKey: 'sk-test',
      baseUrl: `http://127.0.0.1:${redirectorPort}/v1`,
      allowlist: parseHostAllowlist('127.0.0.1'),
    });
    const result = await provider(request);
    expect(result.parsed).toMatchObject({ action: 'buy' });
    expect(fake.requests).toHaveLength(1);
  });

  it('refuses a redirect to a host that is not allowed, without reaching it', async () => {
    fake.reset();
    target = 'http://localhost:PORT';
    fake.script(fakeReply.json(validBuy(60_000)));
    const provider = createOpenAiProvider({
      apiKey: 'sk-test',
      baseUrl: `http://127.0.0.1:${redirectorPort}/v1`,
      allowlist: parseHostAllowlist(`127.0.0.1:${redirectorPort}`),
    });
    const error = await provider(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiProviderError);
    expect(error).toMatchObject({ kind: 'blocked_url' });
    expect((error as Error).message).toMatch(/refused http:\/\/localhost:\d+\/v1\/chat/);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a base URL off the allowlist before any request (OpenAI and Gemini)', async () => {
    fake.reset();
    for (const provider of [
      createOpenAiProvider({
        apiKey: 'k',
        baseUrl: `http://2130706433:${new URL(fake.url).port}/v1`,
        allowlist: [],
      }),
      createGeminiProvider({
        apiKey: 'k',
        baseUrl: `http://api.openai.com@127.0.0.1:${new URL(fake.url).port}`,
        allowlist: [],
      }),
    ]) {
      const error = await provider(request).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'blocked_url' });
      expect((error as Error).message).toMatch(
        /base URL refused: (the host 127\.0\.0\.1:\d+ is not|a URL with a user name)/,
      );
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('stops after three redirects', async () => {
    let hops = 0;
    const loop = guardedFetch(parseHostAllowlist('127.0.0.1'), 'Test', () => {
      hops++;
      return Promise.resolve(
        new Response(null, { status: 302, headers: { Location: 'http://127.0.0.1/again' } }),
      );
    });
    await expect(loop('http://127.0.0.1/start', { method: 'GET' })).rejects.toThrow(
      'too many redirects',
    );
    expect(hops).toBe(4);
  });
});
