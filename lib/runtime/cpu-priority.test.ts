import { readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lowerPostgresBackend, systemErrorCode } from './cpu-priority';

const NO_SUCH_PID = 2 ** 22 + 1; // above Linux's largest pid_max

describe('lowerPostgresBackend', () => {
  it('leaves a process that is not a PostgreSQL backend alone', () => {
    const before = getPriority(process.pid);
    expect(lowerPostgresBackend(process.pid, 19)).toBe(false);
    expect(getPriority(process.pid)).toBe(before);
  });

  it('skips a process that has ended', () => {
    expect(lowerPostgresBackend(NO_SUCH_PID, 5)).toBe(false);
  });
});

describe('systemErrorCode', () => {
  it("reads the code of both the os module's and the fs module's errors", () => {
    const fromOs = (() => {
      try {
        setPriority(NO_SUCH_PID, 5);
      } catch (error) {
        return error;
      }
    })();
    const fromFs = (() => {
      try {
        readFileSync(`/proc/${NO_SUCH_PID}/comm`);
      } catch (error) {
        return error;
      }
    })();
    expect(systemErrorCode(fromOs)).toBe('ESRCH');
    expect(systemErrorCode(fromFs)).toBe('ENOENT');
    expect(systemErrorCode('not an error')).toBeUndefined();
  });
});
