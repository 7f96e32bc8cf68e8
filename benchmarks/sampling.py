"""The sampling rules every benchmark here follows.

- A timed pair answers the same question: before timing, each side's answer
  is counted (hits) and the run stops unless the counts are equal
  (``require_equal``).
- Samples interleave: each round times every side once, and the order
  rotates from round to round, so drift on a shared machine (another job
  starting, caches warming, the CPU clocking down) falls on all sides alike
  (``interleave``).
- A figure is a median; a rate is the median of several interleaved rounds.
- A percentile is printed only when at least ``MIN_TAIL`` samples lie beyond
  it (p95 needs 100 samples), taken by nearest rank (``percentile_ms``).
"""

import math
import statistics
import time


MIN_TAIL = 5


class HitsDiffer(SystemExit):
    """The two sides of a pair did not answer the same question."""


def require_equal(label, hits):
    """Stop the run unless every side of ``label`` returned as many hits."""
    if len(set(hits.values())) != 1:
        raise HitsDiffer(f"{label}: the sides return different hit counts {hits}; not timed")
    return next(iter(hits.values()))


def interleave(work, count, budget=None, prepare=None):
    """Time ``count`` rounds of ``work`` (name → callable taking the round
    number). Each round calls every side once, the order rotated by one each
    round. ``prepare`` (name → callable) runs untimed before a side's sample.
    Past ``budget`` seconds the run stops after a whole round (at least 5).
    Returns name → list of seconds, equally long."""
    names = list(work)
    timings = {name: [] for name in names}
    started = time.perf_counter()
    for n in range(count):
        shift = n % len(names)
        for name in names[shift:] + names[:shift]:
            if prepare and name in prepare:
                prepare[name](n)
            began = time.perf_counter()
            work[name](n)
            timings[name].append(time.perf_counter() - began)
        if budget is not None and n >= 4 and time.perf_counter() - started > budget:
            break
    return timings


def median_ms(values):
    return statistics.median(values) * 1000


def percentile_ms(values, q):
    """The nearest-rank ``q`` quantile in ms, or None when fewer than
    ``MIN_TAIL`` samples lie beyond it."""
    if len(values) * (1 - q) < MIN_TAIL - 1e-9:
        return None
    return sorted(values)[math.ceil(q * len(values)) - 1] * 1000


def describe_ms(values, digits=1):
    """``12.3`` or ``12.3 (p95 15.0)`` when the sample count supports a p95."""
    text = f"{median_ms(values):.{digits}f}"
    high = percentile_ms(values, 0.95)
    return text if high is None else f"{text} (p95 {high:.{digits}f})"
