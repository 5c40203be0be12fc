import { spawnSync } from 'node:child_process';

/**
 * Whether `python` can import QuTiP (Debian's python3-qutip), asked without importing it (an
 * import on a machine where QuTiP never ran calibrates for 15 s). Specs that run the QuTiP
 * script skip, saying so, where it is missing.
 *
 * @param python - the interpreter (default /usr/bin/python3)
 * @example
 * hasQutip(); // true where python3-qutip is installed
 */
export function hasQutip(python = '/usr/bin/python3'): boolean {
  const r = spawnSync(python, ['-c', 'import importlib.util, sys; sys.exit(importlib.util.find_spec("qutip") is None)']);
  return r.status === 0;
}
