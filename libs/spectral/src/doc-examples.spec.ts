import * as rxjs from 'rxjs';
import * as frames from '@qsync/frames';
import * as operators from '@qsync/operators';
import { docExamples } from '@qsync/testing';
import * as spectral from './index';

docExamples({ src: import.meta.url, library: spectral, scope: [rxjs, frames, operators] });
