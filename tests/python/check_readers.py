#!/usr/bin/env python3
"""Check that every Parquet file of a cecot-data dataset reads with the dtypes its
datapackage.json promises, in polars, pandas (pyarrow dtypes) and duckdb.

Usage: python3 tests/python/check_readers.py DATASET_DIR

Needs: pip install polars pandas pyarrow duckdb
Prints one line per file and reader, and exits 1 when any column has an unexpected dtype
(or a file is missing or unreadable), 0 otherwise.

pandas is read with dtype_backend="pyarrow": its default numpy dtypes turn an integer column
with nulls into float64 and a date column into object, which says nothing about the file.
"""

import json
import sys
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl

# Table Schema type -> accepted dtype names, per reader.
EXPECTED = {
    "polars": {
        "integer": {"Int64"},
        "number": {"Float64"},
        "boolean": {"Boolean"},
        "date": {"Date"},
        "string": {"String"},
    },
    "pandas": {
        "integer": {"int64[pyarrow]"},
        "number": {"double[pyarrow]"},
        "boolean": {"bool[pyarrow]"},
        "date": {"date32[day][pyarrow]"},
        # Not string_view: pandas cannot sort or group it, and older Arrow readers cannot read it.
        "string": {"string[pyarrow]", "large_string[pyarrow]"},
    },
    "duckdb": {
        "integer": {"BIGINT"},
        "number": {"DOUBLE"},
        "boolean": {"BOOLEAN"},
        "date": {"DATE"},
        "string": {"VARCHAR"},
    },
}


def polars_dtypes(path):
    return [(name, str(dtype)) for name, dtype in pl.read_parquet(path).schema.items()]


def pandas_dtypes(path):
    df = pd.read_parquet(path, engine="pyarrow", dtype_backend="pyarrow")
    return [(name, str(dtype)) for name, dtype in df.dtypes.items()]


def duckdb_dtypes(path):
    con = duckdb.connect()
    try:
        rows = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(path)]).fetchall()
    finally:
        con.close()
    return [(row[0], row[1]) for row in rows]


READERS = {"polars": polars_dtypes, "pandas": pandas_dtypes, "duckdb": duckdb_dtypes}


def problems(reader, fields, found):
    """What differs between the fields the package declares and the (name, dtype) pairs read."""
    out = []
    names = [f["name"] for f in fields]
    if [name for name, _ in found] != names:
        out.append(f"columns {[n for n, _ in found]} != {names}")
    for field, (name, dtype) in zip(fields, found):
        allowed = EXPECTED[reader][field["type"]]
        if name == field["name"] and dtype not in allowed:
            out.append(f"{name}: {dtype}, expected {' or '.join(sorted(allowed))} for {field['type']}")
    return out


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    root = Path(argv[1])
    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    failed = False
    for resource in package["resources"]:
        path = root / (Path(resource["path"]).stem + ".parquet")
        fields = resource["schema"]["fields"]
        for reader, read in READERS.items():
            try:
                found = read(path)
            except Exception as e:  # any reader failure is a finding, not a crash
                issues = [f"cannot read: {e}"]
            else:
                issues = problems(reader, fields, found)
            failed = failed or bool(issues)
            status = "ok" if not issues else "MISMATCH " + "; ".join(issues)
            print(f"{path.name} [{reader}] {len(fields)} columns: {status}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
