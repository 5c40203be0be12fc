import { describe, expect, it } from 'vitest';
import { runJsonScript } from './run-json-script';

/** Runs `code` with this Node as the "interpreter" of a script. */
const node = (code: string, onLog?: (line: string) => void, env?: Record<string, string>) =>
  runJsonScript('demo', process.execPath, ['-e', code], { onLog, env });

describe('runJsonScript', () => {
  it('resolves with the stdout of a script that prints one line of JSON (doc example)', async () => {
    await expect(node('console.log(JSON.stringify({ ok: 1 }))')).resolves.toBe('{"ok":1}\n');
  });

  it('hands stderr progress to onLog line by line, whole lines only, and stdout lines before the result', async () => {
    const lines: string[] = [];
    const code = [
      "process.stdout.write('Calibrating OpenMP threshold...\\n');",
      "process.stderr.write('N=8: bu');",
      "setTimeout(() => { process.stderr.write('ild\\nN=8: mesolve\\n\\nlast without newline');",
      "process.stdout.write(JSON.stringify({ cases: [] }) + '\\n'); }, 50);",
    ].join('\n');
    const out = await node(code, (l) => lines.push(l));
    expect(out).toBe('Calibrating OpenMP threshold...\n{"cases":[]}\n');
    expect(lines).toEqual(['N=8: build', 'N=8: mesolve', 'last without newline', 'stdout: Calibrating OpenMP threshold...']);
  });

  it('passes extra environment variables on', async () => {
    await expect(node('console.log(JSON.stringify(process.env.QSYNC_DEMO))', undefined, { QSYNC_DEMO: 'here' })).resolves.toBe('"here"\n');
  });

  it('rejects, naming the caller, when the interpreter cannot start or the script fails', async () => {
    await expect(runJsonScript('demo', '/nonexistent/python3', ['x.py'])).rejects.toThrow("demo: could not start '/nonexistent/python3'");
    await expect(node("process.stderr.write('Traceback: boom\\n'); process.exit(3)")).rejects.toThrow(
      /^demo: '.+' exited with code 3:\nTraceback: boom/,
    );
  });
});
