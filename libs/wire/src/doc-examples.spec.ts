import * as rxjs from 'rxjs';
import * as frames from '@qsync/frames';
import { docExamples } from '@qsync/testing';
import * as wire from './index';

docExamples({ src: import.meta.url, library: wire, scope: [rxjs, frames] });
