import { spawnSync } from 'node:child_process';

/**
 * Whether `python` can import the module `name` (numpy; QuTiP from Debian's python3-qutip),
 * asked without importing it (QuTiP's first import on a machine calibrates for 15 s). Specs
 * that run the Python side skip, saying so, where it is missing.
 *
 * @param name - a top-level module name
 * @param python - the interpreter (default /usr/bin/python3)
 * @example
 * hasPythonModule('qutip'); // true where python3-qutip is installed
 */
export function hasPythonModule(name: string, python = '/usr/bin/python3'): boolean {
  const code = `import importlib.util, sys; sys.exit(importlib.util.find_spec(${JSON.stringify(name)}) is None)`;
  return spawnSync(python, ['-c', code]).status === 0;
}
