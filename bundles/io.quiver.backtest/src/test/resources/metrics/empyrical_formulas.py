#!/usr/bin/env python3
"""Writes the metric fixtures the Java tests compare against.

An independent implementation of empyrical's formulas (annual_return, annual_volatility,
sharpe_ratio, sortino_ratio, calmar_ratio, max_drawdown, value_at_risk,
conditional_value_at_risk; no risk-free rate, no required return), written with numpy after
empyrical's own code, so that the Java code is checked against another implementation and not
against itself. The equity curve of each fixture is 100 shares of a sample file held from the
first open: equity before the first day = 100 * Open[0], equity at the end of day i = 100 * Close[i].

Run once from this folder (numpy needed): python3 empyrical_formulas.py ../../../../../../data
"""
import csv
import json
import sys

import numpy as np


def equity_of(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    start = 100 * float(rows[0]["Open"])
    curve = np.array([100 * float(r["Close"]) for r in rows])
    return start, curve


def metrics(start, curve, ann):
    values = np.concatenate(([start], curve))
    returns = values[1:] / values[:-1] - 1.0
    n = len(returns)
    ending = np.prod(1.0 + returns)                      # cum_returns_final, starting value 1
    annual_return = ending ** (1.0 / (n / ann)) - 1.0
    annual_volatility = np.std(returns, ddof=1) * np.sqrt(ann)
    sharpe = np.mean(returns) / np.std(returns, ddof=1) * np.sqrt(ann)
    downside = np.sqrt(np.mean(np.square(np.clip(returns, None, 0.0)))) * np.sqrt(ann)
    sortino = np.mean(returns) * ann / downside
    cumulative = np.empty(n + 1)
    cumulative[0] = 100.0
    cumulative[1:] = 100.0 * np.cumprod(1.0 + returns)
    running_max = np.fmax.accumulate(cumulative)
    max_drawdown = np.min((cumulative - running_max) / running_max)
    calmar = annual_return / abs(max_drawdown)

    def cvar(cutoff):
        index = int((n - 1) * cutoff)
        return float(np.mean(np.partition(returns, index)[: index + 1]))

    return {
        "periods": n,
        "periodsPerYear": ann,
        "totalReturn": float(ending - 1.0),
        "annualReturn": float(annual_return),
        "annualVolatility": float(annual_volatility),
        "sharpe": float(sharpe),
        "sortino": float(sortino),
        "calmar": float(calmar),
        "maxDrawdown": float(max_drawdown),
        "valueAtRisk95": float(np.percentile(returns, 5)),
        "valueAtRisk99": float(np.percentile(returns, 1)),
        "conditionalValueAtRisk95": cvar(0.05),
        "conditionalValueAtRisk99": cvar(0.01),
    }


def main(data):
    for name, file in (("orcl", "orcl-1995-2014.txt"), ("index-2006", "2006-day-001.txt")):
        start, curve = equity_of(f"{data}/{file}")
        fixture = {"file": file, "start": 100, **metrics(start, curve, 252)}
        with open(f"{name}-metrics.json", "w") as out:
            json.dump(fixture, out, indent=2)
            out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../../../../../../data")
