import * as rxjs from 'rxjs';
import * as frames from '@qsync/frames';
import * as integrators from '@qsync/integrators';
import * as linalg from '@qsync/linalg';
import * as operators from '@qsync/operators';
import * as probes from '@qsync/probes';
import { docExamples } from '@qsync/testing';
import * as models from './index';

docExamples({
  src: import.meta.url,
  library: models,
  scope: [rxjs, linalg, operators, frames, probes, integrators],
  undocumented: ['simulateWith'],
});
