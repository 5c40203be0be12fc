import * as rxjs from 'rxjs';
import * as frames from '@qsync/frames';
import * as linalg from '@qsync/linalg';
import * as operators from '@qsync/operators';
import * as integrators from '@qsync/integrators';
import { docExamples } from '@qsync/testing';
import * as cumulants from './index';

docExamples({ src: import.meta.url, library: cumulants, scope: [rxjs, frames, linalg, operators, integrators] });
