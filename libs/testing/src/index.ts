export { expectClose } from './expect-close';
export type { CloseConfig } from './expect-close';
