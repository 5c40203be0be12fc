import * as rxjs from 'rxjs';
import * as frames from '@qsync/frames';
import * as models from '@qsync/models';
import { docExamples } from '@qsync/testing';
import * as figures from './index';

docExamples({ src: import.meta.url, library: figures, scope: [rxjs, frames, models] });
