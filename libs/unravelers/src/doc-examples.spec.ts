import * as rxjs from 'rxjs';
import * as frames from '@qsync/frames';
import * as linalg from '@qsync/linalg';
import * as operators from '@qsync/operators';
import * as integrators from '@qsync/integrators';
import { docExamples } from '@qsync/testing';
import * as unravelers from './index';
import * as ornsteinUhlenbeck from './test-support/ornstein-uhlenbeck-task';

docExamples({
  src: import.meta.url,
  library: unravelers,
  scope: [rxjs, linalg, operators, frames, integrators, ornsteinUhlenbeck],
  modules: { './src/test-support/ornstein-uhlenbeck-task': ornsteinUhlenbeck },
});
