import { docExamples } from '@qsync/testing';
import * as linalg from './index';

docExamples({ src: import.meta.url, library: linalg });
