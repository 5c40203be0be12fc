/**
 * Runs the examples of the top-level README.md (```ts runnable blocks) through the shared runner
 * of @qsync/testing, checking the lines they print; this project has no library of its own.
 */
import { docExamples } from '@qsync/testing';

docExamples({ src: new URL('./src/', import.meta.url), readme: new URL('../README.md', import.meta.url) });
