#!/usr/bin/python3
"""Checks a chapter run's results.json against the chapter's expectations.

  check_results.py chapters/01_perceptron/expected.json out/quick/01_perceptron --mode quick

expected.json has up to three sections, "always", "quick" and "full"; the run is checked
against "always" and the section of its mode. Each entry maps a key (dots reach inside
maps and lists: "playground.circle", "first_test_predictions.0") to a rule:

  a number, string, list or bool    the value must equal it (numbers within 1e-9)
  {"min": a, "max": b}              a number within the bounds (either may be left out)
  {"below": "other_key"}            a number strictly below another result
  {"above": "other_key"}            a number strictly above another result
  {"type": "number" | "list" | "map" | "string" | "bool"}   present, of that type
  {"length": n} / {"keys": [...]}   a list of n items / a map with at least these keys

The output folder must also hold at least one SVG figure. Exit status 1 on any failure,
with one line per failed rule naming the key, the rule and the value found.
"""

import argparse
import json
import math
import pathlib
import sys

TYPES = {"number": (int, float), "list": list, "map": dict, "string": str, "bool": bool}


def lookup(results, key):
    """results['a']['b'][0] for the key 'a.b.0' (the weave reads keys the same way)."""
    value = results
    for part in key.split("."):
        if isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            raise KeyError(key)
    return value


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def equal(found, wanted):
    if is_number(found) and is_number(wanted):
        return math.isclose(found, wanted, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(found, list) and isinstance(wanted, list):
        return len(found) == len(wanted) and all(equal(f, w) for f, w in zip(found, wanted))
    return found == wanted


def check_rule(results, key, rule):
    """Returns None when the rule holds, else a sentence saying what is wrong."""
    try:
        found = lookup(results, key)
    except KeyError:
        return f"{key}: missing from results.json"
    if not isinstance(rule, dict):
        return None if equal(found, rule) else f"{key}: expected {rule!r}, found {found!r}"
    problems = []
    if "type" in rule and not isinstance(found, TYPES[rule["type"]]):
        problems.append(f"expected a {rule['type']}")
    needs_number = any(k in rule for k in ("min", "max", "below", "above"))
    if needs_number and (not is_number(found) or math.isnan(found)):
        return f"{key}: expected a number, found {found!r}"
    if "min" in rule and found < rule["min"]:
        problems.append(f"expected at least {rule['min']}")
    if "max" in rule and found > rule["max"]:
        problems.append(f"expected at most {rule['max']}")
    for word, holds in (("below", lambda a, b: a < b), ("above", lambda a, b: a > b)):
        if word in rule:
            try:
                other = lookup(results, rule[word])
            except KeyError:
                problems.append(f"cannot compare: {rule[word]} is missing")
                continue
            if not holds(found, other):
                problems.append(f"expected {word} {rule[word]} = {other!r}")
    if "length" in rule and (not isinstance(found, list) or len(found) != rule["length"]):
        problems.append(f"expected a list of {rule['length']}")
    if "keys" in rule:
        missing = [k for k in rule["keys"] if not isinstance(found, dict) or k not in found]
        if missing:
            problems.append(f"expected keys {missing}")
    return f"{key}: {'; '.join(problems)}, found {found!r}" if problems else None


def check(expected, results, mode):
    failures = []
    for section in ("always", mode):
        for key, rule in expected.get(section, {}).items():
            problem = check_rule(results, key, rule)
            if problem:
                failures.append(problem)
    return failures


def main():
    parser = argparse.ArgumentParser(description="Check a chapter's results.json.")
    parser.add_argument("expected", type=pathlib.Path)
    parser.add_argument("out_dir", type=pathlib.Path)
    parser.add_argument("--mode", choices=["quick", "full"], required=True)
    args = parser.parse_args()
    try:
        expected = json.loads(args.expected.read_text())
        results = json.loads((args.out_dir / "results.json").read_text())
    except (OSError, json.JSONDecodeError) as error:
        sys.exit(f"check_results: {error}")
    failures = check(expected, results, args.mode)
    if not list(args.out_dir.glob("*.svg")):
        failures.append(f"{args.out_dir}: no SVG figure")
    for failure in failures:
        print(f"  {args.out_dir}/results.json: {failure}")
    rules = sum(len(expected.get(s, {})) for s in ("always", args.mode))
    if not failures:
        print(f"  {args.out_dir}: {rules} expectations hold")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
