"""Peer for `attain-bench normals`: numpy's standard normal draws into a new array, timed the same way.

usage: python3 numpy_normals.py [--count N] [--repeats R] [--seed S]
Prints one line in attain-bench's format: wall-clock and thread-CPU medians of R timed repeats, after one warm-up.
"""
import argparse
import statistics
import time

import numpy as np


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=21)
    parser.add_argument("--seed", type=int, default=20230101)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    rng.standard_normal(args.count)  # warm-up, as the Swift side does
    wall, cpu = [], []
    for _ in range(args.repeats):
        w0, c0 = time.perf_counter(), time.thread_time()
        rng.standard_normal(args.count)
        cpu.append(time.thread_time() - c0)
        wall.append(time.perf_counter() - w0)
    rate = args.count / statistics.median(wall)
    cpu_rate = args.count / statistics.median(cpu)
    print(f"normals-numpy median {rate:,.0f} draws/s cpu-median {cpu_rate:,.0f} draws/s "
          f"(medians of {args.repeats} repeats of {args.count}; numpy {np.__version__})")


if __name__ == "__main__":
    main()
