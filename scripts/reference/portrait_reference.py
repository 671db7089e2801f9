#!/usr/bin/env python3
"""Independent reference implementation of Portrait's exported tables.

Usage:
    python3 portrait_reference.py DATA_DIR OUT_DIR --as-of YYYY-MM-DD --today YYYY-MM-DD \
        [--model cn8|rf10] [--date-order ymd|mdy|dmy]

Writes OUT_DIR/customers.csv, reps.csv, findings.csv and summary.json as metrics.md
("Exported tables") and precise-rules.md ("Exports") define them. Standard library only.
"""
import argparse
import datetime as dt
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ref_csv import InputError, guard, write_csv  # noqa: E402
from ref_ledger import ALL_RULES, Loader  # noqa: E402
from ref_metrics import CN8_CODES, RF10_CODES, STAGES, Thresholds, compute  # noqa: E402
from ref_values import fixed  # noqa: E402

CUSTOMER_COLUMNS = [
    "customer_id", "name", "owner_id", "orders", "revenue", "first_order", "last_order",
    "recency_days", "aov", "tenure_days", "revenue_period", "orders_period", "interactions",
    "last_contact", "days_since_contact", "preferred_channel", "top_category", "complaints",
    "open_complaints", "satisfaction", "r_score", "f_score", "m_score", "segment", "grade", "stage",
]
REP_COLUMNS = [
    "rep_id", "name", "team", "customers", "new_customers", "revenue_period", "orders_period",
    "aov_period", "quota_attainment", "revenue_change", "active_customers", "interactions_period",
    "follow_up_coverage", "overdue_follow_ups", "complaints", "open_complaints",
    "median_resolution_hours", "satisfaction", "won", "lost", "win_rate", "open_pipeline",
    "median_cycle_days", "rank",
]
FINDING_COLUMNS = ["table", "line", "column", "value", "rule", "severity", "message"]


def money(x):
    return fixed(x, 2)


def rate(x):
    return None if x is None else fixed(x, 4)


def mean2(xs):
    from fractions import Fraction
    return None if not xs else fixed(Fraction(sum(xs), len(xs)), 2)


def date_s(d):
    return None if d is None else d.isoformat()


def opt(x):
    return None if x is None else str(x)


def customer_rows(led, res):
    rows = []
    for c in led.customers:
        s = res["stats"][c.id]
        F = s["F"]
        from fractions import Fraction
        rows.append((c.id, [
            guard(c.id), guard(c.name), guard(c.owner) if c.owner is not None else None,
            F, money(s["M"]), date_s(s["first"]), date_s(s["last"]), opt(s["R"]),
            money(Fraction(s["M"]) / F) if F else None, opt(s["tenure"]),
            money(s["Mp"]), s["Fp"], s["n_inter"], date_s(s["last_contact"]),
            opt((res["T"] - s["last_contact"]).days) if s["last_contact"] else None,
            s["preferred"], guard(s["top_category"]) if s["top_category"] else None,
            s["complaints"], s["open_complaints"], mean2(s["sats"]),
            opt(s["r"]), opt(s["f"]), opt(s["m"]), s["segment"], s["grade"], s["stage"],
        ]))
    rows.sort(key=lambda r: r[0])
    return [r for _, r in rows]


def rep_rows(led, res):
    from fractions import Fraction
    from ref_metrics import median
    rows = []
    for rid, t in res["reps"].items():
        r = t["rep"]
        quota = r.quota
        qa = rate(Fraction(t["Mp"]) / Fraction(quota)) if quota is not None and quota > 0 else None
        change = rate((Fraction(t["Mp"]) - Fraction(t["Mpp"])) / Fraction(t["Mpp"])) \
            if t["Mpp"] != 0 else None
        cov = rate(Fraction(t["covered"], t["customers"])) if t["customers"] else None
        mh = median(t["res_hours"])
        mc = median(t["cycle"])
        wl = t["won"] + t["lost"]
        rows.append((rid, [
            guard(rid), guard(r.name), guard(r.team) if r.team is not None else None,
            t["customers"], t["new"], money(t["Mp"]), t["Fp"],
            money(Fraction(t["Mp"]) / t["Fp"]) if t["Fp"] else None,
            qa, change, t["active"], t["inter"], cov, t["overdue"], t["complaints"],
            t["open_complaints"], fixed(mh, 2) if mh is not None else None, mean2(t["sats"]),
            t["won"], t["lost"], rate(Fraction(t["won"], wl)) if wl else None,
            money(t["pipeline"]), fixed(mc, 2) if mc is not None else None, t["rank"],
        ]))
    rows.sort(key=lambda r: r[0])
    return [r for _, r in rows]


def finding_rows(led):
    fs = sorted(led.findings, key=lambda f: f.key())
    return [[f.table, f.line, f.column, guard(f.value), f.rule, f.severity, f.message]
            for f in fs]


class Num:
    """A JSON number written exactly as given (e.g. 0.5000, 1234.50)."""

    def __init__(self, text):
        self.text = text


def to_json(x, indent=0):
    pad = "  " * (indent + 1)
    end = "  " * indent
    if x is None:
        return "null"
    if isinstance(x, Num):
        return x.text
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, str):
        import json
        return json.dumps(x, ensure_ascii=False)
    if isinstance(x, list):
        if not x:
            return "[]"
        return "[\n" + ",\n".join(pad + to_json(v, indent + 1) for v in x) + "\n" + end + "]"
    if isinstance(x, dict):
        if not x:
            return "{}"
        import json
        return "{\n" + ",\n".join(
            pad + json.dumps(k, ensure_ascii=False) + ": " + to_json(v, indent + 1)
            for k, v in x.items()) + "\n" + end + "}"
    raise TypeError(type(x))


def summary(led, res, model):
    from fractions import Fraction
    stats = res["stats"]
    seg_codes = RF10_CODES if model == "rf10" else CN8_CODES
    segments = {k: 0 for k in seg_codes}
    grades = {"A": 0, "B": 0, "C": 0}
    stages = {k: 0 for k in STAGES}
    for c in led.customers:
        s = stats[c.id]
        segments[s["segment"]] += 1
        if s["grade"]:
            grades[s["grade"]] += 1
        stages[s["stage"]] += 1
    rules = {k: 0 for k in ALL_RULES}
    for f in led.findings:
        rules[f.rule] += 1
    flagged = {f.line for f in led.findings if f.table == "customers"}
    rows = led.customer_lines
    q = None
    if rows:
        q = Num(fixed(Fraction(sum(1 for ln in rows if ln not in flagged), len(rows)), 4))
    start, end = res["period"]
    return {
        "as_of": res["T"].isoformat(),
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "customers": len(led.customers),
        "revenue_period": Num(money(res["summary_revenue"])),
        "funnel": [{"step": step, "count": cnt,
                    "conversion": Num(fixed(conv, 4)) if conv is not None else None}
                   for step, cnt, conv in res["funnel"]],
        "segments": segments,
        "grades": grades,
        "stages": stages,
        "quality_score": q,
        "findings": rules,
        "rows_after_as_of": res["rows_after_as_of"],
    }


def run(data_dir, out_dir, as_of, today, model="cn8", date_order="ymd"):
    led = Loader(data_dir, today, as_of=as_of, date_order=date_order).load()
    res = compute(led, model=model, th=Thresholds)
    os.makedirs(out_dir, exist_ok=True)
    write_csv(os.path.join(out_dir, "customers.csv"), CUSTOMER_COLUMNS, customer_rows(led, res))
    write_csv(os.path.join(out_dir, "reps.csv"), REP_COLUMNS, rep_rows(led, res))
    write_csv(os.path.join(out_dir, "findings.csv"), FINDING_COLUMNS, finding_rows(led))
    with open(os.path.join(out_dir, "summary.json"), "w", encoding="utf-8", newline="") as f:
        f.write(to_json(summary(led, res, model)) + "\n")
    return led, res


def _date(s):
    return dt.date.fromisoformat(s)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--as-of", type=_date, default=None)
    ap.add_argument("--today", type=_date, default=None)
    ap.add_argument("--model", choices=["cn8", "rf10"], default="cn8")
    ap.add_argument("--date-order", choices=["ymd", "mdy", "dmy"], default="ymd")
    a = ap.parse_args(argv)
    today = a.today
    if today is None:
        sde = os.environ.get("SOURCE_DATE_EPOCH")
        if sde:
            today = dt.datetime.fromtimestamp(int(sde), dt.timezone.utc).date()
        else:
            today = dt.date.today()
    try:
        led, res = run(a.data_dir, a.out_dir, a.as_of, today, a.model, a.date_order)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"as_of {res['T']}: {len(led.customers)} customers, {len(led.reps)} reps, "
          f"{len(led.findings)} findings -> {a.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
