import * as rxjs from 'rxjs';
import * as frames from '@qsync/frames';
import { docExamples } from '@qsync/testing';
import * as spectral from './index';

docExamples({ src: import.meta.url, library: spectral, scope: [rxjs, frames] });
