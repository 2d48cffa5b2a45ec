import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';

interface ActionEntry {
  id: string;
  name: string;
  file: string;
}

/** Every server action in the production build, from Next's own manifest. */
export function listServerActions(): ActionEntry[] {
  const manifest = JSON.parse(
    readFileSync('.next/server/server-reference-manifest.json', 'utf8'),
  ) as {
    node: Record<string, { exportedName: string; filename: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName,
    file: entry.filename,
  }));
}

/** Every route handler path in the production build (API and page-level downloads), dynamic segments filled with a dummy id. */
export function listRouteHandlers(): string[] {
  const manifest = JSON.parse(
    readFileSync('.next/server/app-paths-manifest.json', 'utf8'),
  ) as Record<string, string>;
  return Object.keys(manifest)
    .filter((key) => key.endsWith('/route'))
    .map((key) =>
      key
        .replace(/\/route$/, '')
        .replace(/\/\([^)]+\)/g, '')
        .replace(/\[\[?\.\.\.[^\]]+\]?\]/g, 'x')
        .replace(/\[[^\]]+\]/g, '00000000-0000-4000-8000-000000000000'),
    );
}

/**
 * Calls a server action the way the browser does (POST with the `Next-Action` header and the
 * arguments as JSON), with whatever cookies `request` carries. Returns the response text, which
 * holds the action's result in React's flight format.
 */
export async function callServerAction(
  request: APIRequestContext,
  baseURL: string,
  id: string,
  args: unknown[],
) {
  const response = await request.post('/', {
    headers: {
      'Next-Action': id,
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: baseURL,
      Accept: 'text/x-component',
    },
    data: JSON.stringify(args),
  });
  return { status: response.status(), text: await response.text() };
}
