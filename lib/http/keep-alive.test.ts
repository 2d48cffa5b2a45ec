import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { keepIdleConnections } from './keep-alive';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** The `Keep-Alive` header a keep-alive client gets from `server` (listening on loopback). */
async function keepAliveHeader(server: Server): Promise<string | undefined> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const headers = { connection: 'keep-alive' };
    const req = request({ host: '127.0.0.1', port, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.headers['keep-alive']?.toString()));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('keepIdleConnections', () => {
  const answer = () => createServer((_req, res) => res.end('ok'));

  it('keeps idle connections 65 s and says so (Node alone: 5 s)', async () => {
    expect(await keepAliveHeader(answer())).toBe('timeout=5');
    expect(await keepAliveHeader(keepIdleConnections(answer()))).toBe('timeout=65');
  });
});
