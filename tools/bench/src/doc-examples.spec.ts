import * as commander from 'commander';
import * as fs from 'node:fs';
import * as nodeOs from 'node:os';
import * as models from '@qsync/models';
import * as operators from '@qsync/operators';
import { docExamples } from '@qsync/testing';
import * as bench from './index';
import { sampleBenchReport, sampleKuramotoReport } from './test-support/sample-reports';

// the reports the examples of formatReport and formatKuramotoReport format
const reports = { report: sampleBenchReport(12, true), kuramotoReport: sampleKuramotoReport };

docExamples({ src: import.meta.url, library: bench, scope: [commander, operators, models, reports, fs, nodeOs] });
