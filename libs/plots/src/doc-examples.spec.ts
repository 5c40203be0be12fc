import { docExamples } from '@qsync/testing';
import * as plots from './index';

docExamples({ src: import.meta.url, library: plots });
