"""Metrics of metrics.md / precise-rules.md on a loaded Ledger."""
import datetime as dt
from decimal import Decimal
from fractions import Fraction

CN8 = [
    # (r_high, f_high, m_high) -> code
    ((True, True, True), "important_value"),
    ((True, False, True), "important_develop"),
    ((False, True, True), "important_keep"),
    ((False, False, True), "important_winback"),
    ((True, True, False), "general_value"),
    ((True, False, False), "general_develop"),
    ((False, True, False), "general_keep"),
    ((False, False, False), "general_winback"),
]
CN8_CODES = [c for _, c in CN8] + ["no_purchase"]
RF10_CODES = ["champions", "loyal", "potential_loyalist", "new", "promising", "need_attention",
              "about_to_sleep", "cant_lose", "at_risk", "hibernating", "no_purchase"]
STAGES = ["churned", "at_risk", "loyal", "repeat", "new", "prospect", "lead"]
FUNNEL = ["all", "engaged", "converted", "repeat", "loyal"]


def rf10(r, f):
    """rf10 segment; the spec's table covers all 25 (R, F) pairs."""
    if r == 5 and f >= 4:
        return "champions"
    if r in (3, 4) and f >= 4:
        return "loyal"
    if r in (4, 5) and f in (2, 3):
        return "potential_loyalist"
    if r == 5 and f == 1:
        return "new"
    if r == 4 and f == 1:
        return "promising"
    if r == 3 and f == 3:
        return "need_attention"
    if r == 3 and f in (1, 2):
        return "about_to_sleep"
    if r <= 2 and f == 5:
        return "cant_lose"
    if r <= 2 and f in (3, 4):
        return "at_risk"
    if r <= 2 and f <= 2:
        return "hibernating"
    raise AssertionError((r, f))


def median(values):
    v = sorted(values)
    n = len(v)
    if n == 0:
        return None
    if n % 2:
        return Fraction(v[n // 2])
    return (Fraction(v[n // 2 - 1]) + Fraction(v[n // 2])) / 2


class Order:
    def __init__(self, first):
        self.order_id = first.order_id
        self.customer_id = first.customer_id
        self.date = first.date.date
        self.status = first.status
        self.owner = first.owner
        self.region_rep = first.region_rep
        self.amount = Decimal(0)
        self.lines = []

    @property
    def purchase(self):
        return self.status == "completed" and self.amount > 0


class Thresholds:
    at_risk_days = 90
    churn_days = 180
    loyal_orders = 5
    follow_up_days = 30
    grade_a = 80  # percent
    grade_b = 95


def compute(led, model="cn8", th=Thresholds):
    T, today = led.T, led.today
    p_lo = T - dt.timedelta(days=365)
    pp_lo = T - dt.timedelta(days=730)
    fu_lo = T - dt.timedelta(days=th.follow_up_days)

    def in_P(d):
        return p_lo < d <= T

    def in_Pp(d):
        return pp_lo < d <= p_lo

    def eligible(d):
        return d <= T and d <= today

    res = {"T": T}

    # -- rows after T ---------------------------------------------------------------------------
    after = 0
    after += sum(1 for o in led.order_lines if T < o.date.date <= today)
    after += sum(1 for i in led.interactions if T < i.date.date <= today)
    after += sum(1 for p in led.opportunities
                 if p.created is not None and T < p.created.date <= today)
    res["rows_after_as_of"] = after

    # -- orders ---------------------------------------------------------------------------------
    orders = {}
    for ln in led.order_lines:
        if not eligible(ln.date.date):
            continue
        o = orders.get(ln.order_id)
        if o is None:
            o = orders[ln.order_id] = Order(ln)
        o.amount += ln.amount
        o.lines.append(ln)
    orders = list(orders.values())
    purchases = [o for o in orders if o.purchase]

    interactions = [i for i in led.interactions if eligible(i.date.date)]
    opportunities = [p for p in led.opportunities
                     if not p.created_future and (p.created is None or p.created.date <= T)]

    cust = {c.id: c for c in led.customers}
    rep_ids = led.rep_ids or set()

    def owner_rep(cid):
        c = cust.get(cid)
        if c is not None and c.owner is not None and c.owner in rep_ids:
            return c.owner
        return None

    def credit(own_owner, fallback):
        if own_owner is not None:
            return own_owner if own_owner in rep_ids else None
        return fallback

    # -- per customer ---------------------------------------------------------------------------
    stats = {}
    for c in led.customers:
        stats[c.id] = dict(F=0, M=Decimal(0), first=None, last=None, Fp=0, Mp=Decimal(0),
                           cats={}, n_inter=0, last_contact=None, channels={}, complaints=0,
                           open_complaints=0, sats=[], opps=0, recent_contact=False)
    for o in purchases:
        s = stats.get(o.customer_id)
        if s is None:
            continue
        s["F"] += 1
        s["M"] += o.amount
        s["first"] = o.date if s["first"] is None else min(s["first"], o.date)
        s["last"] = o.date if s["last"] is None else max(s["last"], o.date)
        if in_P(o.date):
            s["Fp"] += 1
            s["Mp"] += o.amount
        for ln in o.lines:
            if ln.category is not None:
                s["cats"][ln.category] = s["cats"].get(ln.category, Decimal(0)) + ln.amount

    def is_open(i):
        return i.resolved is None or i.resolved.date > T

    for i in interactions:
        s = stats.get(i.customer_id)
        if s is None:
            continue
        s["n_inter"] += 1
        d = i.date.date
        s["last_contact"] = d if s["last_contact"] is None else max(s["last_contact"], d)
        if i.channel is not None:
            s["channels"][i.channel] = s["channels"].get(i.channel, 0) + 1
        if i.kind == "complaint":
            s["complaints"] += 1
            if is_open(i):
                s["open_complaints"] += 1
        if i.satisfaction is not None:
            s["sats"].append(i.satisfaction)
        if fu_lo < d <= T:
            s["recent_contact"] = True
    for p in opportunities:
        s = stats.get(p.customer_id)
        if s is not None:
            s["opps"] += 1

    for c in led.customers:
        s = stats[c.id]
        s["R"] = (T - s["last"]).days if s["F"] else None
        created = c.created.date if c.created is not None else None
        if created is not None and created > T:
            created = None
        s["created"] = created
        s["tenure"] = (T - created).days if created is not None else None
        if s["channels"]:
            best = max(s["channels"].values())
            s["preferred"] = min(k for k, v in s["channels"].items() if v == best)
        else:
            s["preferred"] = None
        if s["cats"]:
            best = max(s["cats"].values())
            s["top_category"] = min(k for k, v in s["cats"].items() if v == best)
        else:
            s["top_category"] = None

    # -- RFM ------------------------------------------------------------------------------------
    scored = [c.id for c in led.customers if stats[c.id]["F"] >= 1]
    n = len(scored)
    if n:
        Rs = sorted(stats[i]["R"] for i in scored)
        Fs = sorted(stats[i]["F"] for i in scored)
        Ms = sorted(stats[i]["M"] for i in scored)
        import bisect
        for i in scored:
            s = stats[i]
            worse_r = n - bisect.bisect_right(Rs, s["R"])   # strictly larger R
            worse_f = bisect.bisect_left(Fs, s["F"])         # strictly smaller F
            worse_m = bisect.bisect_left(Ms, s["M"])         # strictly smaller M
            s["r"] = min(5, 1 + (5 * worse_r) // n)
            s["f"] = min(5, 1 + (5 * worse_f) // n)
            s["m"] = min(5, 1 + (5 * worse_m) // n)
        sum_r = sum(stats[i]["r"] for i in scored)
        sum_f = sum(stats[i]["f"] for i in scored)
        sum_m = sum(stats[i]["m"] for i in scored)
    for c in led.customers:
        s = stats[c.id]
        if s["F"] == 0:
            s["r"] = s["f"] = s["m"] = None
            s["segment"] = "no_purchase"
        elif model == "rf10":
            s["segment"] = rf10(s["r"], s["f"])
        else:
            key = (s["r"] * n >= sum_r, s["f"] * n >= sum_f, s["m"] * n >= sum_m)
            s["segment"] = dict(CN8)[key]

    # -- grades ---------------------------------------------------------------------------------
    graded = sorted((c.id for c in led.customers if stats[c.id]["M"] > 0),
                    key=lambda i: (-stats[i]["M"], i))
    total = sum((stats[i]["M"] for i in graded), Decimal(0))
    before = Decimal(0)
    for c in led.customers:
        stats[c.id]["grade"] = None
    for i in graded:
        if before * 100 < total * th.grade_a:
            g = "A"
        elif before * 100 < total * th.grade_b:
            g = "B"
        else:
            g = "C"
        stats[i]["grade"] = g
        before += stats[i]["M"]

    # -- stages ---------------------------------------------------------------------------------
    for c in led.customers:
        s = stats[c.id]
        F, R = s["F"], s["R"]
        if F >= 1 and R > th.churn_days:
            st = "churned"
        elif F >= 1 and R > th.at_risk_days:
            st = "at_risk"
        elif F >= th.loyal_orders:
            st = "loyal"
        elif F >= 2:
            st = "repeat"
        elif F == 1:
            st = "new"
        elif s["n_inter"] > 0 or s["opps"] > 0:
            st = "prospect"
        else:
            st = "lead"
        s["stage"] = st

    # -- funnel ---------------------------------------------------------------------------------
    counts = [0] * 5
    for c in led.customers:
        s = stats[c.id]
        counts[0] += 1
        if s["n_inter"] or s["opps"] or s["F"] >= 1:
            counts[1] += 1
        if s["F"] >= 1:
            counts[2] += 1
        if s["F"] >= 2:
            counts[3] += 1
        if s["F"] >= th.loyal_orders and s["R"] <= th.at_risk_days:
            counts[4] += 1
    funnel = []
    for k, step in enumerate(FUNNEL):
        conv = None
        if k > 0 and counts[k - 1] > 0:
            conv = Fraction(counts[k], counts[k - 1])
        funnel.append((step, counts[k], conv))
    res["funnel"] = funnel

    # -- team -----------------------------------------------------------------------------------
    reps = {}
    for r in led.reps:
        reps[r.rep_id] = dict(rep=r, customers=0, new=0, Mp=Decimal(0), Fp=0, Mpp=Decimal(0),
                              active=0, inter=0, covered=0, overdue=0, complaints=0,
                              open_complaints=0, res_hours=[], sats=[], won=0, lost=0,
                              pipeline=Decimal(0), cycle=[])
    for c in led.customers:
        t = reps.get(c.owner) if c.owner is not None else None
        if t is None:
            continue
        s = stats[c.id]
        t["customers"] += 1
        if s["created"] is not None and in_P(s["created"]):
            t["new"] += 1
        if s["F"] >= 1 and s["R"] <= th.at_risk_days:
            t["active"] += 1
        if s["recent_contact"]:
            t["covered"] += 1
        elif s["stage"] == "at_risk":
            t["overdue"] += 1
    summary_rev = Decimal(0)
    for o in purchases:
        if in_P(o.date):
            summary_rev += o.amount
        fallback = o.region_rep if o.region_rep is not None else owner_rep(o.customer_id)
        rid = credit(o.owner, fallback)
        t = reps.get(rid) if rid is not None else None
        if t is None:
            continue
        if in_P(o.date):
            t["Mp"] += o.amount
            t["Fp"] += 1
        elif in_Pp(o.date):
            t["Mpp"] += o.amount
    for i in interactions:
        rid = credit(i.owner, owner_rep(i.customer_id))
        t = reps.get(rid) if rid is not None else None
        if t is None:
            continue
        d = i.date.date
        if in_P(d):
            t["inter"] += 1
            if i.satisfaction is not None:
                t["sats"].append(i.satisfaction)
        if i.kind == "complaint":
            if in_P(d):
                t["complaints"] += 1
                if not is_open(i):
                    t["res_hours"].append(i.date.hours_until(i.resolved))
            if is_open(i):
                t["open_complaints"] += 1
    for p in opportunities:
        rid = credit(p.owner, owner_rep(p.customer_id))
        t = reps.get(rid) if rid is not None else None
        if t is None:
            continue
        if p.stage in ("won", "lost"):
            if p.closed is not None and in_P(p.closed.date):
                t[p.stage] += 1
                if p.stage == "won" and p.created is not None:
                    t["cycle"].append((p.closed.date - p.created.date).days)
        else:
            if p.amount is not None:
                t["pipeline"] += p.amount
    ranked = sorted(reps.values(), key=lambda t: (-t["Mp"], t["rep"].rep_id))
    for k, t in enumerate(ranked, 1):
        t["rank"] = k

    res["stats"] = stats
    res["reps"] = reps
    res["summary_revenue"] = summary_rev
    res["period"] = (T - dt.timedelta(days=364), T)
    return res
