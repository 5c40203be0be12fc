import { docExamples } from './index';
import * as testing from './index';

docExamples({ src: import.meta.url, library: testing });
