import * as rxjs from 'rxjs';
import * as frames from '@qsync/frames';
import * as linalg from '@qsync/linalg';
import * as operators from '@qsync/operators';
import { docExamples } from '@qsync/testing';
import * as integrators from './index';

docExamples({ src: import.meta.url, library: integrators, scope: [rxjs, linalg, operators, frames] });
