import * as linalg from '@qsync/linalg';
import { docExamples } from '@qsync/testing';
import * as operators from './index';

docExamples({ src: import.meta.url, library: operators, scope: [linalg] });
