import * as rxjs from 'rxjs';
import * as frames from '@qsync/frames';
import * as linalg from '@qsync/linalg';
import { docExamples } from '@qsync/testing';
import * as probes from './index';

docExamples({ src: import.meta.url, library: probes, scope: [rxjs, linalg, frames] });
