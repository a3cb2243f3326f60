#!/usr/bin/env python3
"""Compares criterion's results with benches/budgets.json (milliseconds); fails if any is over.
A name is held to its mean; "p95:NAME" is held to the 95th percentile of NAME's samples (each
sample's time per iteration), as the as-you-type search budget asks."""
import json, os, sys

target = os.environ.get("CARGO_TARGET_DIR", "target")
budgets = json.load(open(os.path.join(os.path.dirname(__file__), "budgets.json")))
failed = False
for name, budget_ms in budgets.items():
    p95 = name.startswith("p95:")
    bench = name[4:] if p95 else name
    folder = os.path.join(target, "criterion", bench, "new")
    try:
        if p95:
            sample = json.load(open(os.path.join(folder, "sample.json")))
            per_iter = sorted(t / i for t, i in zip(sample["times"], sample["iters"]))
            value_ms = per_iter[min(len(per_iter) - 1, int(0.95 * len(per_iter)))] / 1e6
        else:
            value_ms = json.load(open(os.path.join(folder, "estimates.json")))["mean"]["point_estimate"] / 1e6
    except FileNotFoundError:
        print(f"{name}: no result (run the benchmark first)")
        failed = True
        continue
    verdict = "ok" if value_ms <= budget_ms else "OVER BUDGET"
    failed |= value_ms > budget_ms
    print(f"{name}: {value_ms:.2f} ms (budget {budget_ms:.0f} ms) {verdict}")
sys.exit(1 if failed else 0)
