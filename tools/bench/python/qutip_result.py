"""The output of the QuTiP-side benchmark scripts (piqs_bench.py, qutip_spectrum_bench.py).

print_qutip_result(params, measure) runs measure() with file descriptor 1 sent to stderr, so that
whatever QuTiP 4.7 prints (a calibration message at its first import) or a C extension writes
goes with the progress lines; then it prints, on the stdout the script was started with, one
line of JSON: the versions of QuTiP, numpy, scipy and Python, `params` and measure()'s cases.
"""

import json
import os
import platform
import sys


def print_qutip_result(params, measure):
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        import numpy as np
        import scipy
        import qutip

        cases = measure()
        result = {
            "qutip_version": qutip.__version__,
            "numpy_version": np.__version__,
            "scipy_version": scipy.__version__,
            "python_version": platform.python_version(),
            "params": params,
            "cases": cases,
        }
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)
    print(json.dumps(result))
