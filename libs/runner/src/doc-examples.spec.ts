import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as rxjs from 'rxjs';
import { inject } from 'vitest';
import { docExamples } from '@qsync/testing';
import * as runner from './index';
import * as resonance from './test-support/resonance-fluorescence-task';

// the README's BullMQ example and sweepWorker's @example use the private redis-server of the
// test setup
const redisUrl = inject('redisUrl');
process.env.QSYNC_REDIS_URL = redisUrl;

docExamples({
  src: import.meta.url,
  library: runner,
  scope: [rxjs, fs, os, { join: path.join }, resonance, { redisUrl }],
  modules: { './src/test-support/resonance-fluorescence-task': resonance },
});
