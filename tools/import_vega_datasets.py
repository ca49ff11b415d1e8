#!/usr/bin/python3
"""Writes the book's small tables from Debian's python3-vega-datasets.

    tools/import_vega_datasets.py            # data/iris.csv and data/auto_mpg.csv
    tools/import_vega_datasets.py --only iris

The JSON files ship inside the package (vega_datasets/_data/). The output is a plain CSV
with a header row, "\\n" line ends, rows in the order of the JSON and numbers written as
Python writes them (repr), so the same package gives the same bytes every time.
"""

import argparse
import csv
import json
import os
import sys

DATA_DIR = "/usr/lib/python3/dist-packages/vega_datasets/_data"


def load_json(name):
    path = os.path.join(DATA_DIR, name)
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        sys.exit(f"import_vega_datasets: cannot read {path}: {e.strerror} "
                 "(apt-get install python3-vega-datasets)")


def write_csv(path, header, rows):
    """Writes through a temporary file in the same folder, then renames it over `path`."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    os.replace(tmp, path)
    print(f"wrote {path}: {len(rows)} rows, {len(header)} columns")


def number(value):
    """JSON numbers as text: integers stay integers (18), floats keep repr (11.5)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"not a number: {value!r}")
    return repr(value)


def iris(out_dir):
    # The JSON keys are camelCase; the CSV uses the book's snake_case names.
    keys = ["sepalLength", "sepalWidth", "petalLength", "petalWidth", "species"]
    header = ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"]
    rows = [[number(r[k]) for k in keys[:4]] + [r["species"]] for r in load_json("iris.json")]
    write_csv(os.path.join(out_dir, "iris.csv"), header, rows)


def auto_mpg(out_dir):
    # Rows with a missing value (null) are dropped. "Year" is a date such as "1970-01-01":
    # the CSV keeps the model year as in the original StatLib file, 70 to 82.
    header = ["Name", "Miles_per_Gallon", "Cylinders", "Displacement", "Horsepower",
              "Weight_in_lbs", "Acceleration", "Year", "Origin"]
    rows = []
    for r in load_json("cars.json"):
        if any(r.get(k) is None for k in header):
            continue
        year = int(r["Year"][:4]) - 1900
        rows.append([r["Name"]] + [number(r[k]) for k in header[1:7]] + [str(year), r["Origin"]])
    write_csv(os.path.join(out_dir, "auto_mpg.csv"), header, rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="data", help="output folder (default: data)")
    parser.add_argument("--only", choices=["iris", "auto_mpg"], help="write one file only")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if args.only in (None, "iris"):
        iris(args.out)
    if args.only in (None, "auto_mpg"):
        auto_mpg(args.out)


if __name__ == "__main__":
    main()
