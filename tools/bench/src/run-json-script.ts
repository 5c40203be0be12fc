import { spawn } from 'node:child_process';

/** Options of {@link runJsonScript}. */
export interface RunJsonScriptConfig {
  /** environment variables added to this process's for the child */
  env?: Record<string, string>;
  /** called with each progress line the script writes to stderr, and with any stdout line before its result */
  onLog?: (line: string) => void;
}

/**
 * Runs a script that prints its result as one line of JSON on stdout (the last line) and its
 * progress on stderr, and resolves with its whole stdout; the caller parses the result with
 * `jsonFromStdout`. Progress lines go to `onLog` as they arrive (whole lines only); stdout lines
 * before the last (a library's message at import) go to `onLog` too, prefixed `stdout: `.
 * Rejects, naming `caller` and the command, when the interpreter cannot start or the script
 * exits non-zero, with the tail of its stderr.
 *
 * @param caller - the function named in error messages
 * @param command - the interpreter (e.g. /usr/bin/python3)
 * @param args - its arguments: the script and the script's options
 * @param config - extra environment, progress callback
 * @example
 * const out = await runJsonScript('demo', process.execPath, ['-e', 'console.log(JSON.stringify({ ok: 1 }))']);
 * out; // '{"ok":1}\n'
 */
export function runJsonScript(caller: string, command: string, args: readonly string[], config: RunJsonScriptConfig = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: config.env === undefined ? process.env : { ...process.env, ...config.env },
    });
    let out = '';
    let err = '';
    let pending = '';
    const log = (line: string) => {
      if (line.trim() !== '') config.onLog?.(line);
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      const lines = (pending + d).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(log);
    });
    child.on('error', (e) => reject(new Error(`${caller}: could not start '${command}': ${e.message}`)));
    child.on('close', (code) => {
      log(pending);
      if (code !== 0) {
        reject(new Error(`${caller}: '${command} ${args.join(' ')}' exited with code ${code}:\n${err.slice(-2000)}`));
        return;
      }
      const lines = out.split('\n').filter((line) => line.trim() !== '');
      for (const line of lines.slice(0, -1)) log(`stdout: ${line}`);
      resolve(out);
    });
  });
}
