import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeReply, startFakeLlm, type FakeLlm } from '.';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());

const post = (path: string, body: unknown) =>
  fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('fake LLM', () => {
  it('answers scripted steps in order across APIs and logs every request', async () => {
    fake.script(fakeReply.json({ a: 1 }), fakeReply.error(429), fakeReply.text('{oops'));
    const chat = await post('/v1/chat/completions', {
      model: 'm1',
      messages: [{ role: 'system', content: 'x'.repeat(400) }],
    });
    const body = (await chat.json()) as {
      choices: { message: { content: string } }[];
      usage: { prompt_tokens: number };
    };
    expect(body.choices[0]!.message.content).toBe('{"a":1}');
    expect(body.usage.prompt_tokens).toBe(100);
    const limited = await post('/v1beta/models/gemini-x:generateContent', { contents: [] });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { status: string } }).error.status).toBe(
      'RESOURCE_EXHAUSTED',
    );
    const responses = await post('/v1/responses', { model: 'm2', input: 'hi' });
    const output = (await responses.json()) as { output: { content: { text: string }[] }[] };
    expect(output.output[0]!.content[0]!.text).toBe('{oops');
    expect(fake.requests.map((r) => [r.api, r.model])).toEqual([
      ['chat', 'm1'],
      ['gemini', 'gemini-x'],
      ['responses', 'm2'],
    ]);
    expect(fake.pending()).toBe(0);
  });

  it('answers 500 when nothing is scripted', async () => {
    expect((await post('/v1/chat/completions', { model: 'm' })).status).toBe(500);
  });
});
