import cliProgress from 'cli-progress';

/**
 * Where a run reports how far it is. `status` shows a message for a stage of unknown length
 * (a spinner-like line); `count` shows done/total for a stage of known length (a bar); `stop`
 * clears whatever is shown. A reporter never writes to stdout.
 */
export interface ProgressReporter {
  status(message: string): void;
  count(label: string, done: number, total: number): void;
  stop(): void;
}

/** A reporter that shows nothing (non-TTY, `--no-progress`, library use). */
export const silentProgress: ProgressReporter = {
  status() {},
  count() {},
  stop() {},
};

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A reporter for a terminal: a cli-progress bar for counted stages (the output times of a time
 * evolution, the steps of a steady-state solve, the frequencies of a spectrum) and a spinner line
 * for the others. The spinner turns while the event loop is free. Meant for stderr on a
 * TTY; the caller decides whether the stream is one.
 *
 * @param stream - where to draw (normally process.stderr)
 * @example
 * // process.stderr in the program; here a stream that keeps what is drawn
 * const drawn: string[] = [];
 * const p = terminalProgress({ write: (text: string) => drawn.push(text) } as never);
 * p.status('solving steady state');
 * p.stop();
 * drawn; // ['\r\x1b[2K⠋ solving steady state', '\r\x1b[2K'] — the spinner's first frame, then the line cleared
 */
export function terminalProgress(stream: NodeJS.WriteStream): ProgressReporter {
  let bar: cliProgress.SingleBar | null = null;
  let barLabel = '';
  let spinner: NodeJS.Timeout | null = null;
  let frame = 0;
  let message = '';

  const clearSpinner = () => {
    if (spinner !== null) {
      clearInterval(spinner);
      spinner = null;
      stream.write('\r\x1b[2K');
    }
  };
  const stopBar = () => {
    if (bar !== null) {
      bar.stop();
      bar = null;
    }
  };
  const draw = () => {
    stream.write(`\r\x1b[2K${SPINNER[frame % SPINNER.length]} ${message}`);
    frame++;
  };

  return {
    status(text) {
      stopBar();
      message = text;
      draw();
      if (spinner === null) {
        spinner = setInterval(draw, 100);
        spinner.unref();
      }
    },
    count(label, done, total) {
      clearSpinner();
      if (bar === null || label !== barLabel) {
        stopBar();
        barLabel = label;
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}`,
            barsize: 30,
            clearOnComplete: true,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop() {
      clearSpinner();
      stopBar();
    },
  };
}
