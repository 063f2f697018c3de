"""Peer for `attain-bench simulate`: the same simulation of the baseline scenario, vectorised in numpy.

usage: python3 numpy_simulate.py MODEL.json [--count N] [--repeats R] [--seed S] [--chunk C]
MODEL.json comes from `attain-bench simulate-model` (each indicator's fitted process and observed years, each
target's rule). The algorithm is Attain's, step for step: local-trend latent paths (trend-change variance from its
inverse-gamma posterior, origin state, three normals a step), counts from the trend's intensity (Poisson, or randomized
rounding floor(m + u) when the calibration was learned from data) with the nowcast of the partly observed year, whose
unobserved rest carries a mean-preserving lognormal of the one-step latent scale, stock-flow coverage (binomial exits,
Poisson entries, acquisition matching the continuous-time expectation), Poisson event counts with Gamma rates, planned
events (slip probability from its Beta, a Binomial of the events still planned each year); then every target's
probability over the paths. numpy draws with its own generator and samplers (not by inversion), so the probabilities
agree with Attain's within Monte Carlo error only. Paths are processed in chunks of C so memory stays bounded. Prints
attain-bench's result line, then the probabilities (of the last repeat, seed S + R - 1).
"""
import argparse
import json
import statistics
import time

import numpy as np


def trend_state(t):
    """Recover the inverse-gamma posterior and the origin state covariance from the exported latent scales."""
    phi, q, noise2 = t["damping"], t["levelRatio"] ** 2, t["noiseRatio"] ** 2
    e0 = np.array([1.0, 0, 0, 0])
    a, b, c = np.array([0.0, 1, 0, 0]), np.array([0.0, 0, 1, 0]), np.array([0.0, 0, 0, 1])
    rows = []
    for _ in range(len(t["scales"])):
        a, b, c = a + 2 * b + c + q * e0, phi * (b + c), phi * phi * c + e0
        rows.append(a + noise2 * e0)
    h = np.array(t["horizonScale"] or [1.0])
    factors = np.array([h[min(k, len(h) - 1)] for k in range(len(t["scales"]))])
    # The exported scales hold the sampling variance of a share counted out of a small denominator; take it out.
    model_var = np.array(t["scales"]) ** 2 - t.get("samplingVariance", 0.0)
    x = np.linalg.lstsq(np.array(rows), model_var / factors ** 2, rcond=None)[0]
    r = x[0]
    p00, p01, p11 = x[1] / r, x[2] / r, x[3] / r
    shape = t["degreesOfFreedom"] / 2
    l00 = np.sqrt(max(p00, 0.0))
    l10 = p01 / l00 if l00 > 0 else 0.0
    l11 = np.sqrt(max(p11 - l10 * l10, 0.0))
    sampling = t.get("samplingVariance", 0.0)
    return dict(shape=shape, rate=r * shape, l00=l00, l10=l10, l11=l11,
                sampling_sd=np.sqrt(sampling / r) if sampling > 0 else 0.0)


def trend_latent(t, state, n, steps, rng):
    lam = state["rate"] / np.maximum(rng.gamma(state["shape"], size=n), 1e-300)
    s = np.sqrt(lam)
    z0, z1 = rng.standard_normal(n), rng.standard_normal(n)
    level = t["level"] + s * state["l00"] * z0
    slope = t["slope"] + s * (state["l10"] * z0 + state["l11"] * z1)
    out = np.empty((n, steps))
    h = t["horizonScale"] or [1.0]
    mean_level, mean_slope = t["level"], t["slope"]
    for k in range(steps):
        nxt = level + slope + s * t["levelRatio"] * rng.standard_normal(n)
        slope = t["damping"] * slope + s * rng.standard_normal(n)
        level = nxt
        mean_level += mean_slope
        mean_slope *= t["damping"]
        factor = h[min(k, len(h) - 1)]
        out[:, k] = mean_level + factor * (level + s * t["noiseRatio"] * rng.standard_normal(n) - mean_level)
        if state["sampling_sd"] > 0:   # sampling noise shares the path's scale draw, as in Attain
            out[:, k] += state["sampling_sd"] * s * rng.standard_normal(n)
    return out


def to_data(t, z):
    z = np.nan_to_num(z, nan=700.0, posinf=700.0, neginf=-700.0)   # rare explosive heavy-tailed paths stay finite
    if t["transform"] == "logit":
        return 1 / (1 + np.exp(-z))
    if t["transform"] == "log":
        return np.exp(np.minimum(z, 700)) - t["offset"]
    return z


def binomial(n, p, u_rng, dispersion):
    n = np.maximum(np.floor(n), 0)
    p = np.clip(p, 0, 1)
    if dispersion <= 1:
        return u_rng.binomial(n.astype(np.int64), p).astype(float)
    sd = np.sqrt(dispersion * n * p * (1 - p))
    return np.clip(np.floor(n * p + sd * u_rng.standard_normal(n.shape) + 0.5), 0, n)


def simulate_indicator(ind, n, rng):
    steps = len(ind["observed"]) - ind["firstSimulated"]
    pr = ind["process"]
    if pr["type"] == "trend":
        t = pr["trend"]
        z = trend_latent(t, trend_state(t), n, steps, rng)
        if ind["kind"] == "share":
            return to_data(t, z)
        # Intensities as Attain clamps them: a NaN latent value gives 0, an overflow 10^15 events a year.
        mean = np.where(np.isnan(z), 0.0, np.minimum(np.maximum(to_data(t, z), 0), 1e15))
        if t["fraction"] > 0:
            kappa = min(1e6, max(0.5, 1 / max(t["scales"][0] ** 2, 1e-12)))
            # The prior is the first year's intensity before the cap (Attain's), so a heavy-tailed path far above
            # 10^15 learns a ratio near 0 and its later years fall with it.
            raw = np.exp(z[:, 0]) - t["offset"] if t["transform"] == "log" else to_data(t, z[:, 0])
            prior = np.maximum(raw, 1e-9)
            learnt = rng.gamma(kappa + t["observed"], 1 / (kappa / prior + t["fraction"])) / prior
            mean = mean * learnt[:, None]
            # The unobserved rest of the year carries the one-step uncertainty of a year's flow (mean-preserving).
            s = t["restOfYearNoise"]
            mean[:, 0] *= (1 - t["fraction"]) * np.exp(s * rng.standard_normal(n) - s * s / 2)
        if t["countNoise"] == "rounding":
            out = np.floor(mean + rng.random((n, steps)))
        else:
            out = rng.poisson(np.nan_to_num(mean)).astype(float)
        out[:, 0] += t["observed"]
        return out
    if pr["type"] == "planned":
        if pr.get("slip") is not None:   # a slip probability stated in the scenario
            slip = np.full(n, pr["slip"])
        else:
            x, y = rng.gamma(pr["slipped"], size=n), rng.gamma(pr["held"], size=n)
            slip = x / np.maximum(x + y, np.finfo(float).tiny)
        planned = np.full(steps, float(pr["planned"]))
        planned[0] = max(planned[0] - pr["observed"], 0)
        out = rng.binomial(planned.astype(np.int64)[None, :], (1 - slip)[:, None]).astype(float)
        out[:, 0] += pr["observed"]
        return out
    if pr["type"] == "poisson":
        lam = rng.gamma(pr["shape"], 1 / pr["rate"], size=n) if pr.get("shape") is not None else np.full(n, pr["mean"])
        mean = np.repeat(lam[:, None], steps, axis=1)
        mean[:, 0] *= 1 - pr["fraction"]
        out = rng.poisson(mean).astype(float)
        out[:, 0] += pr["observed"]
        return out
    # stock-flow
    rho = rng.gamma(pr["hazardShape"], 1 / pr["hazardRate"], size=n)
    mu = -np.log(1 - pr["exitRate"])
    p = np.full(n, pr["startPopulation"])
    s = np.full(n, pr["startHolders"])
    out = np.empty((n, steps))
    if pr["mode"] == "entries":
        entry = rng.gamma(pr["entryShape"], 1 / pr["entryRate"], size=n)
    else:
        t = pr["trend"]
        population = to_data(t, trend_latent(t, trend_state(t), n, steps, rng))
        origin = pr["populationOrigin"]
        if pr["firstStep"] < 1:   # pass through the mid-year snapshot, as Attain does
            at_snapshot = origin * (population[:, 0] / origin) ** (1 - pr["firstStep"])
            population *= (pr["startPopulation"] / at_snapshot)[:, None]
    for k in range(steps):
        step = pr["firstStep"] if k == 0 else 1.0
        stay = np.exp(-mu * step)
        survivors = binomial(s, stay, rng, 1)
        if pr["mode"] == "entries":
            level = survivors + binomial(p - s, stay, rng, 1) + rng.poisson(entry * step)
        else:
            level = np.minimum(np.maximum(np.nan_to_num(np.round(population[:, k]), nan=1.0), 1), 1e12)
            survivors = np.minimum(survivors, level)
        total = mu + rho
        target = rho * level / total
        expected = target + (s - target) * np.exp(-total * step)
        at_risk = level - s * stay
        q = np.clip(np.where(at_risk > 0, (expected - s * stay) / np.where(at_risk > 0, at_risk, 1), 0), 0, 1)
        s = survivors + binomial(level - survivors, q, rng, pr["dispersion"])
        p = level
        out[:, k] = s / p
    return out


def run_chunk(model, n, rng, met):
    rows = []
    for ind in model["indicators"]:
        obs = np.array([np.nan if v is None else v for v in ind["observed"]])
        row = np.repeat(obs[None, :], n, axis=0)
        row[:, ind["firstSimulated"]:] = simulate_indicator(ind, n, rng)
        rows.append(row)
    for i, t in enumerate(model["targets"]):
        row = rows[t["indicator"]]
        window = row[:, t["first"]:t["last"] + 1]
        if t["kind"] == "level-at-deadline":
            stat = row[:, t["last"]]
        elif t["kind"] in ("cumulative-count", "cumulative-flow"):
            stat = window.sum(axis=1)
        else:
            stat = window.min(axis=1)
        tol = 1e-9 * max(1, abs(t["threshold"]))
        ok = stat > t["threshold"] + tol if t["strict"] else stat >= t["threshold"] - tol
        met[i] += int(ok.sum())


def simulate(model, count, seed, chunk):
    rng = np.random.default_rng(seed)
    met = [0] * len(model["targets"])
    done = 0
    while done < count:
        n = min(chunk, count - done)
        run_chunk(model, n, rng, met)
        done += n
    return [m / count for m in met]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20230101)
    parser.add_argument("--chunk", type=int, default=100_000)
    args = parser.parse_args()
    model = json.load(open(args.model))
    np.seterr(over="ignore", invalid="ignore", divide="ignore")   # heavy-tailed trends overflow on rare paths, as in Attain (clamped)
    simulate(model, min(args.count, args.chunk), args.seed, args.chunk)  # warm-up
    wall, cpu = [], []
    for r in range(args.repeats):
        w0, c0 = time.perf_counter(), time.thread_time()
        probabilities = simulate(model, args.count, args.seed + r, args.chunk)
        cpu.append(time.thread_time() - c0)
        wall.append(time.perf_counter() - w0)
    print(f"simulate-numpy median {args.count / statistics.median(wall):,.0f} paths/s "
          f"cpu-median {args.count / statistics.median(cpu):,.0f} paths/s "
          f"(medians of {args.repeats} repeats of {args.count}; numpy {np.__version__})")
    print("probabilities " + " ".join(f"{t['id']}={p:.6f}" for t, p in zip(model["targets"], probabilities)))


if __name__ == "__main__":
    main()
