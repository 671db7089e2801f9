#!/usr/bin/env python3
"""DuckDB's bare aggregation over a ledger: the yardstick of issue #5's goal 2, measured here.

    python3 scripts/duckdb-baseline.py DATA_DIR [THREADS]

Goal 2 asks that reading, checking and computing (`portrait validate`, or a build without pages)
be "no slower than DuckDB's bare aggregation on the same CSVs". The issue gives DuckDB's times
on the machine it was written on; this script measures them on the machine at hand, so the
comparison holds on a slower or faster one. Needs `pip install duckdb` (PyPI). scripts/bench.sh
runs it as the step `duckdb` when the module is installed.

What "bare aggregation" means here (the issue does not say): the CSVs of the sample ledger read
with DuckDB's own type detection, only the columns the queries use, and the figures a portrait
site starts from aggregated in one query each and fetched; no checks, no findings, no
duplicates, no pages:
- per customer: orders, revenue, first and last order day (RFM's inputs, the portrait's totals);
- per customer: interactions and the last one's time;
- per customer: the expected amount of open opportunities;
- per rep: revenue and customers, joined with reps.csv (the team pages' inputs);
- per month: revenue and orders (the dashboard's trend).
A column DuckDB reads as text is converted as the sample writes it: amounts such as "¥4,822.00"
or "77949万" lose `¥` and `,` and are cast, dates are parsed as `%Y-%m-%d` or `%Y/%m/%d`;
anything else counts as missing. Portrait does more (every value of every column checked,
findings, references, duplicates), so this is a floor, not the same work.

Prints one line: "<seconds> s DuckDB aggregation of <rows> rows (<threads> threads)". The time
covers reading and the queries, not Python's start or the module's import.
"""
import os
import sys
import time

import duckdb

# The columns each query needs, by position in the sample's files (their headers are Chinese;
# another ledger's may be English): orders' id, customer, date, amount and rep; and so on.
USED = {
    "orders": (1, 2, 3, 4, 9),
    "customers": (1,),
    "interactions": (2, 3),
    "opportunities": (2, 5, 7),
    "reps": (1, 3),
}


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = sys.argv[1]
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else os.cpu_count() or 1
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    started = time.perf_counter()

    rows = 0
    columns = {}  # table -> position -> (quoted name, DuckDB type)
    for table, positions in USED.items():
        source = "read_csv('{}')".format(os.path.join(data, table + ".csv").replace("'", "''"))
        described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
        columns[table] = {n: (quoted(described[n - 1][0]), described[n - 1][1]) for n in positions}
        picked = ", ".join(name for name, _ in columns[table].values())
        con.execute(f"CREATE TEMP TABLE {table} AS SELECT {picked} FROM {source}")
        rows += con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def money(table: str, position: int) -> str:
        name, kind = columns[table][position]
        if kind != "VARCHAR":
            return name
        cleaned = f"TRY_CAST(replace(replace(replace({name}, '¥', ''), ',', ''), '万', '') AS DECIMAL(18, 2))"
        return f"({cleaned} * CASE WHEN {name} LIKE '%万' THEN 10000 ELSE 1 END)"

    def day(table: str, position: int, form: str = "%Y-%m-%d") -> str:
        name, kind = columns[table][position]
        if kind != "VARCHAR":
            return name
        return f"COALESCE(TRY_STRPTIME({name}, '{form}'), TRY_STRPTIME({name}, '{form.replace('-', '/')}'))"

    name = lambda table, position: columns[table][position][0]
    customer, order_customer = name("customers", 1), name("orders", 2)
    amount, ordered = money("orders", 4), day("orders", 3)
    con.execute(f"""
        SELECT c.{customer}, count(o.{name('orders', 1)}), sum({amount}), min({ordered}), max({ordered})
        FROM customers c LEFT JOIN orders o ON o.{order_customer} = c.{customer}
        GROUP BY c.{customer}""").fetchall()
    con.execute(f"""
        SELECT {name('interactions', 2)}, count(*), max({day('interactions', 3, '%Y-%m-%d %H:%M')})
        FROM interactions GROUP BY {name('interactions', 2)}""").fetchall()
    con.execute(f"""
        SELECT {name('opportunities', 2)}, sum({money('opportunities', 5)}) FROM opportunities
        WHERE {name('opportunities', 7)} IS NULL GROUP BY {name('opportunities', 2)}""").fetchall()
    con.execute(f"""
        SELECT r.{name('reps', 1)}, r.{name('reps', 3)}, sum({amount}), count(DISTINCT o.{order_customer})
        FROM reps r LEFT JOIN orders o ON o.{name('orders', 9)} = r.{name('reps', 1)}
        GROUP BY r.{name('reps', 1)}, r.{name('reps', 3)}""").fetchall()
    con.execute(f"""
        SELECT date_trunc('month', {ordered}) AS month, sum({amount}), count(*)
        FROM orders GROUP BY month ORDER BY month""").fetchall()
    seconds = time.perf_counter() - started
    print(f"{seconds:.2f} s DuckDB aggregation of {rows} rows ({threads} threads)")


if __name__ == "__main__":
    main()
