"""QuTiP 4.7 side of the measurement benchmark (npm run bench:measurement).

1. Heterodyne smesolve of one quantum van der Pol oscillator (thesis Eq. 4.6, the rates of
   Fig. 4.1 in units of kappa: H = 4 a†a, gain 4 D[a†], two-photon loss 0.5 D[a²], loss D[a]
   monitored by heterodyne detection), from the coherent state |alpha = 1>, step --vdp-dt,
   for each Fock cutoff of --sizes and each solver of --solvers: seconds per trajectory step.
2. The QuantumToolbox.jl paper's driven Kerr oscillator (cutoff 50): mesolve with 100 output
   times and <H> at QuTiP's default tolerances (atol 1e-8, rtol 1e-6) and, for the accuracy
   comparison, at atol 1e-12, rtol 1e-10; homodyne smesolve monitoring the loss channel,
   500 output times, 20 substeps per output interval (step 10/499/20 = 1.002e-3), <a†a>,
   on --kerr-ntraj trajectories (the harness scales the time to 100). --kerr-n and
   --kerr-samples shrink the problem for the harness's spec.
3. With --vdp-ens-ntraj > 0: the heterodyne vdP ensemble of case 1 as an ensemble of that many
   trajectories, serial (smesolve's default map) and on 2 processes (map_func=parallel_map,
   num_cpus=2: QuTiP 4.7's way to spread trajectories over cores), the pool's start included;
   wall time and CPU time (this process's and its finished children's, os.times()).

Every case also reports CPU time (time.process_time(): all threads of this process).

Prints one line of JSON on stdout (qutip_result.print_qutip_result); progress on stderr.
"""

import argparse
import contextlib
import sys
import time

from qutip_result import print_qutip_result

VDP = {"omega": 4.0, "gain": 4.0, "loss": 1.0, "loss2": 0.5, "alpha": 1.0}
KERR = {"N": 50, "Delta": 0.1, "U": -0.05, "F": 2.0, "gamma": 1.0, "nth": 0.2, "tEnd": 10.0, "mesolveTimes": 100, "smesolveTimes": 500, "substeps": 20}


def log(s):
    print(f"[qutip_measurement_bench] {s}", file=sys.stderr, flush=True)


def vdp_case(N, solver, dt, steps, ntraj):
    import numpy as np
    import qutip

    a = qutip.destroy(N)
    H = VDP["omega"] * a.dag() * a
    c_ops = [np.sqrt(VDP["gain"]) * a.dag(), np.sqrt(VDP["loss2"]) * a * a]
    sc_ops = [np.sqrt(VDP["loss"]) * a]
    rho0 = qutip.ket2dm(qutip.coherent(N, VDP["alpha"], method="analytic"))
    substeps = 10
    outputs = steps // substeps
    times = np.arange(outputs + 1) * dt * substeps
    kw = dict(e_ops=[a], ntraj=ntraj, nsubsteps=substeps, method="heterodyne", solver=solver, store_measurement=False, progress_bar=None)
    # warm-up: the first call compiles/initialises QuTiP's stochastic solver classes
    qutip.smesolve(H, rho0, times[:3], c_ops, sc_ops, **{**kw, "ntraj": 1})
    t0 = time.perf_counter()
    c0 = time.process_time()
    r = qutip.smesolve(H, rho0, times, c_ops, sc_ops, **kw)
    s = time.perf_counter() - t0
    cpu = time.process_time() - c0
    total_steps = ntraj * outputs * substeps
    log(f"vdP N={N} {solver}: {s:.3f} s for {total_steps} steps")
    return {"N": N, "solver": solver, "dt": dt, "ntraj": ntraj, "steps": total_steps, "seconds": s, "secondsPerStep": s / total_steps, "cpuSeconds": cpu, "meanAEnd": [float(np.real(r.expect[0][-1])), float(np.imag(r.expect[0][-1]))]}


def vdp_ensemble(N, solver, dt, steps, ntraj, parallel):
    """The vdP ensemble of vdp_case, serial or on 2 processes (parallel_map), pool start included."""
    import os
    import numpy as np
    import qutip
    from qutip.parallel import parallel_map

    a = qutip.destroy(N)
    H = VDP["omega"] * a.dag() * a
    c_ops = [np.sqrt(VDP["gain"]) * a.dag(), np.sqrt(VDP["loss2"]) * a * a]
    sc_ops = [np.sqrt(VDP["loss"]) * a]
    rho0 = qutip.ket2dm(qutip.coherent(N, VDP["alpha"], method="analytic"))
    substeps = 10
    outputs = steps // substeps
    times = np.arange(outputs + 1) * dt * substeps
    kw = dict(e_ops=[a], nsubsteps=substeps, method="heterodyne", solver=solver, store_measurement=False, progress_bar=None)
    if parallel:
        kw.update(map_func=parallel_map, map_kwargs={"num_cpus": 2})
    # parallel_map draws a text progress bar on stdout, where the JSON result goes: send it to stderr
    with contextlib.redirect_stdout(sys.stderr):
        qutip.smesolve(H, rho0, times[:3], c_ops, sc_ops, **{**kw, "ntraj": 2})  # warm-up (the map too)
        t0 = time.perf_counter()
        o0 = os.times()
        r = qutip.smesolve(H, rho0, times, c_ops, sc_ops, ntraj=ntraj, **kw)
        s = time.perf_counter() - t0
        o1 = os.times()
    cpu = (o1.user - o0.user) + (o1.system - o0.system) + (o1.children_user - o0.children_user) + (o1.children_system - o0.children_system)
    total_steps = ntraj * outputs * substeps
    log(f"vdP ensemble N={N} {solver} {'2 processes' if parallel else 'serial'}: {s:.3f} s for {total_steps} steps (CPU {cpu:.3f} s)")
    return {"N": N, "solver": solver, "dt": dt, "ntraj": ntraj, "steps": total_steps, "parallel": bool(parallel), "processes": 2 if parallel else 1, "seconds": s, "cpuSeconds": cpu, "secondsPerStep": s / total_steps, "meanAEnd": [float(np.real(r.expect[0][-1])), float(np.imag(r.expect[0][-1]))]}


def kerr_ops(N):
    import numpy as np
    import qutip

    a = qutip.destroy(N)
    H = KERR["Delta"] * a.dag() * a - KERR["U"] / 2 * a.dag() ** 2 * a ** 2 + KERR["F"] * (a + a.dag())
    loss = np.sqrt(KERR["gamma"] * (1 + KERR["nth"])) * a
    gain = np.sqrt(KERR["gamma"] * KERR["nth"]) * a.dag()
    return a, H, loss, gain, qutip.fock_dm(N, 0)


def kerr_mesolve(N):
    import numpy as np
    import qutip

    a, H, loss, gain, rho0 = kerr_ops(N)
    tlist = np.linspace(0, KERR["tEnd"], KERR["mesolveTimes"])
    out = {}
    for name, atol, rtol in [("default", 1e-8, 1e-6), ("tight", 1e-12, 1e-10)]:
        opts = qutip.Options(atol=atol, rtol=rtol)
        qutip.mesolve(H, rho0, tlist[:2], [loss, gain], [H], options=opts)  # warm-up
        best = float("inf")
        best_cpu = float("inf")
        for _ in range(3 if name == "default" else 1):
            t0 = time.perf_counter()
            c0 = time.process_time()
            r = qutip.mesolve(H, rho0, tlist, [loss, gain], [H], options=opts)
            best = min(best, time.perf_counter() - t0)
            best_cpu = min(best_cpu, time.process_time() - c0)
        log(f"Kerr mesolve {name} (atol {atol}, rtol {rtol}): {best:.3f} s (CPU {best_cpu:.3f} s)")
        out[name] = {"atol": atol, "rtol": rtol, "seconds": best, "cpuSeconds": best_cpu, "times": tlist.tolist(), "H": np.real(r.expect[0]).tolist()}
    return out


def kerr_smesolve(N, solver, ntraj, samples):
    import numpy as np
    import qutip

    a, H, loss, gain, rho0 = kerr_ops(N)
    # the full problem's output grid (500 times on [0, 10]), cut after `samples` times
    tlist = np.linspace(0, KERR["tEnd"], KERR["smesolveTimes"])[:samples]
    kw = dict(e_ops=[a.dag() * a], nsubsteps=KERR["substeps"], method="homodyne", solver=solver, store_measurement=False, progress_bar=None)
    qutip.smesolve(H, rho0, tlist[:3], [gain], [loss], ntraj=1, **kw)  # warm-up
    t0 = time.perf_counter()
    c0 = time.process_time()
    r = qutip.smesolve(H, rho0, tlist, [gain], [loss], ntraj=ntraj, **kw)
    s = time.perf_counter() - t0
    cpu = time.process_time() - c0
    steps = ntraj * (len(tlist) - 1) * KERR["substeps"]
    log(f"Kerr smesolve {solver}, {ntraj} trajectories: {s:.2f} s (CPU {cpu:.2f} s)")
    return {"solver": solver, "ntraj": ntraj, "steps": steps, "dt": (tlist[1] - tlist[0]) / KERR["substeps"], "seconds": s, "cpuSeconds": cpu, "secondsPerStep": s / steps, "nEnd": float(np.real(r.expect[0][-1]))}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="10,20")
    p.add_argument("--solvers", default="euler-maruyama,milstein")
    p.add_argument("--vdp-dt", type=float, default=1e-3)
    p.add_argument("--vdp-steps", type=int, default=2000)
    p.add_argument("--vdp-ntraj", type=int, default=2)
    p.add_argument("--kerr-ntraj", type=int, default=2)
    p.add_argument("--kerr-solvers", default="milstein")
    p.add_argument("--kerr-n", type=int, default=KERR["N"])
    p.add_argument("--kerr-samples", type=int, default=KERR["smesolveTimes"])
    p.add_argument("--vdp-ens-ntraj", type=int, default=0)
    p.add_argument("--skip-kerr", action="store_true")
    o = p.parse_args()
    sizes = [int(x) for x in o.sizes.split(",") if x]
    solvers = [s for s in o.solvers.split(",") if s]
    ksolvers = [s for s in o.kerr_solvers.split(",") if s]
    params = {"vdp": VDP, "kerr": KERR, "vdpDt": o.vdp_dt, "vdpSteps": o.vdp_steps, "vdpNtraj": o.vdp_ntraj, "kerrNtraj": o.kerr_ntraj, "kerrN": o.kerr_n, "kerrSamples": o.kerr_samples, "vdpEnsNtraj": o.vdp_ens_ntraj}

    def measure():
        vdp = [vdp_case(N, s, o.vdp_dt, o.vdp_steps, o.vdp_ntraj) for N in sizes for s in solvers]
        ens = [vdp_ensemble(N, s, o.vdp_dt, o.vdp_steps, o.vdp_ens_ntraj, par) for N in sizes for s in solvers for par in (False, True)] if o.vdp_ens_ntraj > 0 else []
        if o.skip_kerr:
            return {"vdp": vdp, "vdpEnsemble": ens, "kerrMesolve": None, "kerrSmesolve": []}
        smes = [kerr_smesolve(o.kerr_n, s, o.kerr_ntraj, o.kerr_samples) for s in ksolvers] if o.kerr_ntraj > 0 else []
        return {"vdp": vdp, "vdpEnsemble": ens, "kerrMesolve": kerr_mesolve(o.kerr_n), "kerrSmesolve": smes}

    print_qutip_result(params, measure)


if __name__ == "__main__":
    main()
