import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./fault-worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CpuUsage {
  user: number;
  system: number;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** CPU the child used (µs), when it exited cleanly and reported it. */
  cpu?: CpuUsage;
  /** CPU used by the time its jobs started (startup cost), when it reported it. */
  readyCpu?: CpuUsage;
  stderr: string;
}

export interface ChildWorker {
  pid: number;
  exited: Promise<ChildExit>;
  /** Sends `signal` (default SIGTERM) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<ChildExit>;
}

function reported(stdout: string, key: 'cpu' | 'ready'): CpuUsage | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith(`{"${key}"`));
  return line ? (JSON.parse(line) as Record<string, CpuUsage>)[key] : undefined;
}

/**
 * Starts `fault-worker.ts` in its own node process (tsx as an import hook, no wrapper process),
 * so a SIGKILL — its own at a crash point, or ours — ends only that worker.
 */
export function startChildWorker(
  args: string[],
  env: Record<string, string | undefined>,
  nodeArgs: string[] = [],
): ChildWorker {
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', ENTRY, ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        AUTH_SECRET: randomBytes(24).toString('hex'),
        NODE_ENV: 'test',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let partial = '';
  let stdout = '';
  let stderr = '';
  // Keep only our JSON report lines (the jobs log a lot to stdout).
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines)
      if (line.startsWith('{"cpu"') || line.startsWith('{"ready"')) stdout += `${line}\n`;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<ChildExit>((resolve) => {
    child.on('close', (code, signal) => {
      if (partial.startsWith('{"cpu"')) stdout += partial;
      resolve({
        code,
        signal,
        cpu: reported(stdout, 'cpu'),
        readyCpu: reported(stdout, 'ready'),
        stderr,
      });
    });
  });
  return {
    pid: child.pid ?? -1,
    exited,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
