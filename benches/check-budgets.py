#!/usr/bin/env python3
"""Compares criterion's mean estimates with benches/budgets.json (milliseconds); fails if any is over."""
import json, os, sys

target = os.environ.get("CARGO_TARGET_DIR", "target")
budgets = json.load(open(os.path.join(os.path.dirname(__file__), "budgets.json")))
failed = False
for name, budget_ms in budgets.items():
    path = os.path.join(target, "criterion", name, "new", "estimates.json")
    try:
        mean_ms = json.load(open(path))["mean"]["point_estimate"] / 1e6
    except FileNotFoundError:
        print(f"{name}: no result (run the benchmark first)")
        failed = True
        continue
    verdict = "ok" if mean_ms <= budget_ms else "OVER BUDGET"
    failed |= mean_ms > budget_ms
    print(f"{name}: {mean_ms:.2f} ms (budget {budget_ms:.0f} ms) {verdict}")
sys.exit(1 if failed else 0)
