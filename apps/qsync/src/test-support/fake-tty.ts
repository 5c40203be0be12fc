import { Writable } from 'node:stream';

/** A writable that records what is written and claims to be an 80-column TTY. */
export function fakeTty(): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const tty = Object.assign(w, {
    isTTY: true,
    columns: 80,
    rows: 24,
    cursorTo: (x: number, _y?: unknown, cb?: () => void) => {
      chunks.push(`[cursorTo ${x}]`);
      cb?.();
      return true;
    },
    clearLine: (_dir: number, cb?: () => void) => {
      chunks.push('[clearLine]');
      cb?.();
      return true;
    },
    moveCursor: (_dx: number, _dy: number, cb?: () => void) => {
      cb?.();
      return true;
    },
  });
  return { stream: tty as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}
