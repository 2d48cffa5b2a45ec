/**
 * A loopback LLM server for tests (127.0.0.1, ephemeral port). Speaks OpenAI chat completions
 * (`POST /v1/chat/completions`), the Responses API (`POST /v1/responses`) and Gemini
 * (`POST /v1beta/models/{model}:generateContent`). Each request takes the next scripted step;
 * every request is logged, so a test can assert that no provider call happened.
 *
 * Usage is realistic: input tokens ≈ prompt characters / 4, output ≈ answer characters / 4, and
 * a system prompt seen before (≥ 1,024 input tokens) is reported as cached in 128-token blocks,
 * the way OpenAI's automatic prompt caching reports it. A step's `usage` overrides any of these.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type ScriptedStep } from './scripted-reply';
import { errorBody, promptText, successBody, type FakeApi, type Usage } from './wire-format';

export interface FakeLlmRequest {
  api: FakeApi | 'unknown';
  method: string;
  path: string;
  model: string;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  time: number;
}

export interface FakeLlm {
  /** Base URL, e.g. `http://127.0.0.1:41234` (OpenAI SDK: add `/v1`; Gemini SDK: as is). */
  url: string;
  /** Appends steps to the queue answered in order. */
  script(...steps: ScriptedStep[]): void;
  /** Every request received, in order. */
  requests: FakeLlmRequest[];
  /** Steps not yet used. */
  pending(): number;
  /** Forgets unused steps and logged requests (call between tests). */
  reset(): void;
  /** Resolves once `count` requests have arrived (e.g. to cancel a call mid-flight). */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

const GEMINI_PATH = /^\/(?:v1|v1beta|v1alpha)\/models\/([^/:]+):generateContent$/;

function route(method: string, path: string): { api: FakeApi; model?: string } | undefined {
  if (method !== 'POST') return undefined;
  if (path === '/v1/chat/completions') return { api: 'chat' };
  if (path === '/v1/responses') return { api: 'responses' };
  const gemini = GEMINI_PATH.exec(path);
  return gemini ? { api: 'gemini', model: decodeURIComponent(gemini[1]!) } : undefined;
}

const estimate = (text: string) => Math.ceil(text.length / 4);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function reply(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  if (res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeLlm(): Promise<FakeLlm> {
  const queue: ScriptedStep[] = [];
  const requests: FakeLlmRequest[] = [];
  const seenSystems = new Set<string>();

  function usageFor(
    step: ScriptedStep & { kind: 'content' },
    system: string,
    all: string,
    text: string,
  ): Usage {
    const inputTokens = step.usage?.inputTokens ?? estimate(all);
    const systemTokens = estimate(system);
    const cacheable = system !== '' && seenSystems.has(system) && inputTokens >= 1024;
    const cachedDefault = cacheable
      ? Math.floor(Math.min(systemTokens, inputTokens) / 128) * 128
      : 0;
    const reasoningTokens = step.usage?.reasoningTokens ?? 0;
    return {
      inputTokens,
      cachedInputTokens: step.usage?.cachedInputTokens ?? cachedDefault,
      outputTokens: step.usage?.outputTokens ?? estimate(text) + reasoningTokens,
      reasoningTokens,
    };
  }

  async function handle(
    method: string,
    path: string,
    raw: string,
    headers: IncomingHttpHeaders,
    res: ServerResponse,
  ) {
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      reply(res, 400, { error: { message: 'Request body is not JSON.' } });
      return;
    }
    const found = route(method, path);
    const model = found?.model ?? (typeof body.model === 'string' ? body.model : '');
    requests.push({
      api: found?.api ?? 'unknown',
      method,
      path,
      model,
      body,
      headers,
      time: Date.now(),
    });
    if (!found) {
      reply(res, 404, { error: { message: `fake-llm: no route ${method} ${path}` } });
      return;
    }
    const step = queue.shift();
    if (!step) {
      reply(res, 500, errorBody(found.api, 500));
      return;
    }
    if (step.delayMs) await sleep(step.delayMs);
    if (step.kind === 'error') {
      const extra: Record<string, string> =
        step.retryAfterSeconds !== undefined
          ? { 'Retry-After': String(step.retryAfterSeconds) }
          : {};
      reply(res, step.status, step.body ?? errorBody(found.api, step.status), extra);
      return;
    }
    const text = typeof step.content === 'string' ? step.content : JSON.stringify(step.content);
    const prompt = promptText(found.api, body);
    const usage = usageFor(step, prompt.system, prompt.all, text);
    if (prompt.system) seenSystems.add(prompt.system);
    reply(res, 200, successBody(found.api, model, text, usage, Date.now()));
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const [path = '/'] = (req.url ?? '/').split('?', 1);
      handle(
        req.method ?? 'GET',
        path,
        Buffer.concat(chunks).toString('utf8'),
        req.headers,
        res,
      ).catch((error: unknown) => reply(res, 500, { error: { message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    script: (...steps) => void queue.push(...steps),
    requests,
    pending: () => queue.length,
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    waitForRequests: async (count) => {
      while (requests.length < count) await sleep(5);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
