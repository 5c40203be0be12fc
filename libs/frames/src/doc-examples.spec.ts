import * as rxjs from 'rxjs';
import { docExamples } from '@qsync/testing';
import * as frames from './index';

docExamples({ src: import.meta.url, library: frames, scope: [rxjs] });
