// vitest globalSetup of @qsync/runner: starts a private redis-server for the BullMQ specs on a
// free port (no persistence: --save '' --appendonly no), waits until it answers PING, hands its
// URL to the specs (inject('redisUrl')), and stops it after the run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

const REDIS_SERVER = process.env.QSYNC_REDIS_SERVER ?? '/usr/bin/redis-server';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function answersPing(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(
      `@qsync/runner tests need redis-server at ${REDIS_SERVER} (Debian: apt-get install redis-server; or set QSYNC_REDIS_SERVER to its path) — the BullMQ sweep specs run against a private server`,
    );
  }
  const port = await freePort();
  const server = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // the last resort if vitest ends without running the teardown (a crash, process.exit)
  const killOnExit = (): void => void server.kill('SIGKILL');
  process.once('exit', killOnExit);
  let stderr = '';
  server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (!(await answersPing(url))) {
    if (server.exitCode !== null || Date.now() > deadline) {
      server.kill('SIGKILL');
      throw new Error(`redis-server on port ${port} did not answer PING (exit ${String(server.exitCode)}): ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  project.provide('redisUrl', url);
  return async () => {
    process.removeListener('exit', killOnExit);
    if (server.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
}
