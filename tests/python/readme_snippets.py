#!/usr/bin/env python3
"""Run the README's notebook snippets verbatim against a dataset: every ```python block, and
every inline duckdb query (a `select ... from '...parquet'` code span).

Usage: python3 tests/python/readme_snippets.py [README] [DATASET_DIR]
       (defaults: README.md, output)

Needs: pip install polars pandas pyarrow duckdb
The snippets name their files as `output/...`; they run in a scratch folder where `output` is
the dataset given. Each block runs in a fresh namespace and the value of its last expression is
printed, as a notebook would show it. Exits 1 when a snippet fails (or the README has no
snippet left to run), 0 otherwise.
"""

import ast
import os
import re
import sys
import tempfile
import traceback
from pathlib import Path

import duckdb

FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
DUCKDB_QUERY = re.compile(r"`(select\b[^`]*\bfrom\s+'[^']+\.parquet'[^`]*)`", re.I)


def python_blocks(readme):
    """(line number, code) of each ```python block."""
    return [(readme.count("\n", 0, m.start()) + 2, m.group(1)) for m in FENCE.finditer(readme)]


def duckdb_queries(readme):
    """(line number, query) of each inline duckdb query."""
    return [(readme.count("\n", 0, m.start()) + 1, m.group(1)) for m in DUCKDB_QUERY.finditer(readme)]


def run_block(code, label):
    """Run a block as a notebook cell; print its last expression's value."""
    tree = ast.parse(code, filename=label)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    namespace = {"__name__": "__readme__"}
    exec(compile(tree, label, "exec"), namespace)
    if last is not None:
        print(eval(compile(ast.Expression(last.value), label, "eval"), namespace))


def main():
    readme_path = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md").resolve()
    dataset = Path(sys.argv[2] if len(sys.argv) > 2 else "output").resolve()
    readme = readme_path.read_text(encoding="utf-8")
    snippets = [("python", n, code) for n, code in python_blocks(readme)] + [("duckdb", n, q) for n, q in duckdb_queries(readme)]
    if not any(kind == "python" for kind, _, _ in snippets) or not any(kind == "duckdb" for kind, _, _ in snippets):
        print(f"{readme_path}: expected ```python blocks and an inline duckdb query; found {len(snippets)} snippets")
        return 1
    failed = 0
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / "output").symlink_to(dataset, target_is_directory=True)
        os.chdir(scratch)
        for kind, line, code in snippets:
            label = f"{readme_path.name}:{line}"
            print(f"== {label} ({kind})")
            try:
                if kind == "python":
                    run_block(code, label)
                else:
                    rows = duckdb.sql(code).fetchall()
                    print(f"{len(rows)} rows, first {rows[:3]}")
            except Exception:
                failed += 1
                print(f"FAILED {label}:")
                traceback.print_exc(file=sys.stdout)
    print(f"{len(snippets) - failed}/{len(snippets)} README snippets ran")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
