export { expectClose } from './expect-close';
export type { CloseConfig } from './expect-close';
export { sameBits } from './same-bits';
export { docExamples } from './doc-examples';
export type { DocExamplesConfig } from './doc-examples';
export { runExample } from './run-example';
export type { ExampleReport, RunExampleConfig } from './run-example';
