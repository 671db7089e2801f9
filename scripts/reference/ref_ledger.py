"""Reading a ledger folder into used rows plus findings (input-format.md, precise-rules.md)."""
import datetime as dt
from decimal import Decimal

from ref_csv import InputError, find_table_file, read_table
from ref_values import (
    clean, fold, is_missing, normalise_name, normalise_phone, nfkc, parse_amount,
    parse_date, parse_enum, parse_satisfaction, trim, valid_email,
)

TABLES = ["customers", "orders", "interactions", "reps", "opportunities"]

ALIASES = {
    "customers": {
        "customer_id": ["客户编号", "客户ID", "客户代码", "id", "account id", "CustomerID"],
        "name": ["客户名称", "公司名称", "姓名", "account", "account name", "company name",
                 "CompanyName"],
        "type": ["客户类型"],
        "industry": ["行业", "所属行业", "sector"],
        "region": ["地区", "省份", "区域", "state", "province"],
        "city": ["城市"],
        "address": ["地址", "详细地址"],
        "contact_name": ["联系人", "ContactName"],
        "phone": ["联系电话", "电话", "手机", "手机号", "mobile", "tel"],
        "email": ["邮箱", "电子邮件", "e-mail"],
        "gender": ["性别"],
        "birth_date": ["出生日期", "生日"],
        "source": ["客户来源", "来源渠道", "lead source", "channel"],
        "owner_id": ["负责人", "负责人编号", "销售代表", "owner", "account owner", "sales agent",
                     "account manager"],
        "grade": ["客户等级", "等级", "级别", "tier"],
        "tags": ["标签"],
        "created_at": ["建档日期", "创建时间", "创建日期", "created time"],
        "updated_at": ["最后更新", "更新时间", "修改时间"],
    },
    "orders": {
        "order_id": ["订单编号", "订单号", "订单ID", "invoice", "invoice no", "OrderID"],
        "customer_id": ["客户编号", "CustomerID", "account"],
        "order_date": ["订单日期", "下单日期", "成交日期", "日期", "InvoiceDate", "OrderDate"],
        "amount": ["金额", "销售额", "成交金额", "订单金额", "total", "sales", "revenue",
                   "close value"],
        "product": ["产品", "产品名称", "StockCode", "description"],
        "category": ["类别", "品类", "产品类别"],
        "quantity": ["数量"],
        "status": ["状态", "订单状态"],
        "owner_id": ["销售代表", "EmployeeID", "sales agent"],
    },
    "interactions": {
        "interaction_id": ["记录编号"],
        "customer_id": ["客户编号"],
        "date": ["日期", "时间", "沟通时间", "联系时间"],
        "channel": ["渠道", "方式", "沟通方式"],
        "kind": ["类型", "互动类型"],
        "owner_id": ["负责人", "记录人"],
        "satisfaction": ["满意度", "评分", "review score"],
        "resolved_at": ["解决时间", "处理完成时间"],
        "summary": ["内容", "摘要", "备注", "notes"],
    },
    "reps": {
        "rep_id": ["员工编号", "工号", "sales agent", "EmployeeID"],
        "name": ["姓名", "地区经理", "销售经理"],
        "team": ["团队", "部门", "小组", "regional office"],
        "manager": ["主管", "经理", "manager", "ReportsTo"],
        "region": ["区域"],
        "quota": ["指标", "目标", "业绩目标"],
    },
    "opportunities": {
        "opportunity_id": ["商机编号", "opportunity id"],
        "customer_id": ["客户编号", "account"],
        "owner_id": ["负责人", "sales agent"],
        "stage": ["阶段", "deal stage"],
        "amount": ["金额", "预计金额", "close value"],
        "created_at": ["创建日期", "engage date"],
        "closed_at": ["关闭日期", "成交日期", "close date"],
    },
}

# A sales-detail export carries the customer's columns on every order row; they are read with
# the customers table's aliases (the orders table's own aliases take precedence).
DERIVED_CUSTOMER_COLUMNS = ["name", "region", "city", "industry", "type"]


def _alias_map(table):
    m = {}
    for canon, aliases in ALIASES[table].items():
        for a in [canon] + aliases:
            m.setdefault(fold(a), canon)
    if table == "orders":
        for canon in DERIVED_CUSTOMER_COLUMNS:
            for a in [canon] + ALIASES["customers"][canon]:
                m.setdefault(fold(a), canon)
    return m


ALIAS_MAPS = {t: _alias_map(t) for t in TABLES}

REQUIRED = {
    "customers": ["customer_id", "name"],
    "orders": ["order_id", "customer_id", "order_date", "amount"],
    "interactions": ["customer_id", "date"],
    "reps": [],  # rep_id or name, handled specially
    "opportunities": ["opportunity_id", "customer_id", "stage"],
}
ID_COLUMN = {"customers": "customer_id", "orders": "order_id", "reps": "rep_id",
             "opportunities": "opportunity_id"}
DATE_COLUMNS = {
    "customers": ["birth_date", "created_at", "updated_at"],
    "orders": ["order_date"],
    "interactions": ["date", "resolved_at"],
    "reps": [],
    "opportunities": ["created_at", "closed_at"],
}
NUMBER_COLUMNS = {
    "customers": [], "orders": ["amount", "quantity"], "interactions": [],
    "reps": ["quota"], "opportunities": ["amount"],
}
ENUM_COLUMNS = {
    "customers": ["type", "gender"], "orders": ["status"], "interactions": ["channel", "kind"],
    "reps": [], "opportunities": ["stage"],
}
ERROR_RULES = {"missing_required", "duplicate_id", "orphan_reference", "bad_date", "bad_number"}
ALL_RULES = ["missing_required", "duplicate_id", "orphan_reference", "bad_date", "bad_number",
             "out_of_range", "future_date", "bad_value", "bad_phone", "bad_email",
             "probable_duplicate", "stale_record"]


class Finding:
    __slots__ = ("table", "line", "column", "value", "rule", "severity", "message")

    def __init__(self, table, line, column, value, rule, message):
        self.table, self.line, self.column, self.value = table, line, column, value
        self.rule = rule
        self.severity = "error" if rule in ERROR_RULES else "warning"
        self.message = message

    def key(self):
        return (self.table, self.line, self.column, self.rule)

    def __repr__(self):
        return f"Finding({self.table}:{self.line} {self.column}={self.value!r} {self.rule})"


class RawTable:
    def __init__(self, name, path):
        self.name = name
        self.path = path
        self.present = path is not None
        self.header = []
        self.col_index = {}   # canonical -> index in the record
        self.col_header = {}  # canonical -> header as written
        self.records = []     # (line, fields)
        if path:
            header, records = read_table(path)
            self.header = header
            amap = ALIAS_MAPS[name]
            for j, h in enumerate(header):
                canon = amap.get(fold(h))
                if canon is not None and canon not in self.col_index:  # leftmost wins
                    self.col_index[canon] = j
                    self.col_header[canon] = trim(h)
            self.records = records

    def has(self, col):
        return col in self.col_index

    def cell(self, fields, col):
        j = self.col_index.get(col)
        if j is None or j >= len(fields):
            return None
        return fields[j]

    def header_of(self, col):
        return self.col_header.get(col, col)


class Row:
    """A used row: attributes filled per table."""

    def __init__(self, line, **kw):
        self.line = line
        self.__dict__.update(kw)


class Ledger:
    pass


class Loader:
    def __init__(self, data_dir, today, as_of=None, date_order="ymd", stale_days=90):
        self.data_dir = data_dir
        self.today = today
        self.as_of = as_of
        self.date_order = date_order
        self.stale_days = stale_days
        self.findings = []

    # -- findings -------------------------------------------------------------------------------
    def add(self, tbl, line, column, raw, rule, message):
        value = "" if raw is None else raw
        self.findings.append(Finding(tbl.name, line, column, value, rule,
                                     f"{tbl.header_of(column)}: {message}"))

    # -- cell helpers (validated, non-required cells) ----------------------------------------
    def opt_date(self, tbl, line, fields, col):
        """Returns (DateTime or None, is_future) after bad_date / future_date findings."""
        raw = tbl.cell(fields, col)
        if is_missing(raw):
            return None, False
        d = parse_date(raw, self.date_order)
        if d is None:
            self.add(tbl, line, col, raw, "bad_date", "not a date")
            return None, False
        if d.date > self.today:
            self.add(tbl, line, col, raw, "future_date", "date after today")
            return d, True
        return d, False

    def opt_number(self, tbl, line, fields, col):
        raw = tbl.cell(fields, col)
        if is_missing(raw):
            return None
        v = parse_amount(raw)
        if v is None:
            self.add(tbl, line, col, raw, "bad_number", "not a number")
        return v

    def opt_enum(self, tbl, line, fields, col):
        """Returns (code or None, raw_present)."""
        raw = tbl.cell(fields, col)
        if is_missing(raw):
            return None, False
        code = parse_enum(col, raw)
        if code is None:
            self.add(tbl, line, col, raw, "bad_value", "unknown value")
        return code, True

    def check_owner(self, tbl, line, fields):
        raw = tbl.cell(fields, "owner_id")
        owner = clean(raw)
        if owner is not None and self.rep_ids is not None and owner not in self.rep_ids:
            self.add(tbl, line, "owner_id", raw, "orphan_reference", "no rep has this id")
        return owner

    def check_customer_ref(self, tbl, line, fields, cid):
        if self.customer_ids is not None and cid not in self.customer_ids:
            self.add(tbl, line, "customer_id", tbl.cell(fields, "customer_id"),
                     "orphan_reference", "no customer has this id")

    def required(self, tbl, line, fields, dates=(), numbers=()):
        """Check the required cells; returns dict of parsed values, or None if the row is unused."""
        ok = True
        parsed = {}
        for col in REQUIRED[tbl.name]:
            raw = tbl.cell(fields, col)
            if is_missing(raw):
                self.add(tbl, line, col, raw, "missing_required", "required value is missing")
                ok = False
                continue
            if col in dates:
                d = parse_date(raw, self.date_order)
                if d is None:
                    self.add(tbl, line, col, raw, "bad_date", "not a date")
                    ok = False
                    continue
                parsed[col] = d
            elif col in numbers:
                v = parse_amount(raw)
                if v is None:
                    self.add(tbl, line, col, raw, "bad_number", "not a number")
                    ok = False
                    continue
                parsed[col] = v
            else:
                parsed[col] = trim(raw)
        return parsed if ok else None

    # -- tables ---------------------------------------------------------------------------------
    def load(self):
        raw = {}
        for t in TABLES:
            raw[t] = RawTable(t, find_table_file(self.data_dir, t))
        if not raw["customers"].present and not raw["orders"].present:
            raise InputError(f"{self.data_dir}: neither customers.csv nor orders.csv found")
        self.raw = raw
        led = Ledger()
        led.today = self.today
        led.reps_present = raw["reps"].present
        led.customers_present = raw["customers"].present
        led.reps = self.load_reps(raw["reps"])
        self.rep_ids = {r.rep_id for r in led.reps} if raw["reps"].present else None
        self.region_rep = {}
        for r in led.reps:
            if r.region is not None:
                self.region_rep.setdefault(r.region, r.rep_id)
        if raw["customers"].present:
            led.customers = self.load_customers(raw["customers"])
            self.customer_ids = {c.id for c in led.customers}
        else:
            led.customers = []
            self.customer_ids = None
        led.order_lines = self.load_orders(raw["orders"])
        if not raw["customers"].present:
            led.customers = self.derive_customers(led.order_lines)
            self.customer_ids = {c.id for c in led.customers}
        led.interactions = self.load_interactions(raw["interactions"])
        led.opportunities = self.load_opportunities(raw["opportunities"])
        # customer owners: the owner_id cell, else the rep of the customer's region
        for c in led.customers:
            c.owner = c.owner_raw
            if c.owner is None and c.region is not None and c.region in self.region_rep:
                c.owner = self.region_rep[c.region]
        for o in led.order_lines:
            o.region_rep = self.region_rep.get(o.region) if o.region is not None else None
        # T
        if self.as_of is not None:
            T = self.as_of
        else:
            dates = [o.date.date for o in led.order_lines if o.date.date <= self.today]
            dates += [i.date.date for i in led.interactions if i.date.date <= self.today]
            T = max(dates) if dates else self.today
        led.T = T
        # stale records (need T)
        ctbl = raw["customers"]
        for c in led.customers:
            if c.updated is not None and not c.updated_future:
                if (T - c.updated.date).days > self.stale_days:
                    self.add(ctbl, c.line, "updated_at", c.updated_raw, "stale_record",
                             f"not updated for more than {self.stale_days} days")
        led.rep_ids = self.rep_ids
        led.customer_rows = len(ctbl.records) if ctbl.present else 0
        led.customer_lines = [ln for ln, _ in ctbl.records]
        led.findings = self.findings
        return led

    def load_reps(self, tbl):
        out = []
        seen = set()
        for line, fields in tbl.records:
            rid = clean(tbl.cell(fields, "rep_id"))
            name = clean(tbl.cell(fields, "name"))
            if rid is None and name is None:
                col = "rep_id" if tbl.has("rep_id") or not tbl.has("name") else "name"
                self.add(tbl, line, col, tbl.cell(fields, col), "missing_required",
                         "rep_id or name is required")
                continue
            if rid is None:
                rid = name
            if name is None:
                name = rid
            if rid in seen:
                col = "rep_id" if clean(tbl.cell(fields, "rep_id")) is not None else "name"
                self.add(tbl, line, col, tbl.cell(fields, col), "duplicate_id",
                         "rep id seen before")
                continue
            seen.add(rid)
            quota = self.opt_number(tbl, line, fields, "quota")
            out.append(Row(line, rep_id=rid, name=name, team=clean(tbl.cell(fields, "team")),
                           region=clean(tbl.cell(fields, "region")), quota=quota))
        return out

    def load_customers(self, tbl):
        out = []
        seen = set()
        for line, fields in tbl.records:
            req = self.required(tbl, line, fields)
            if req is None:
                continue
            cid = req["customer_id"]
            if cid in seen:
                self.add(tbl, line, "customer_id", tbl.cell(fields, "customer_id"),
                         "duplicate_id", "customer id seen before")
                continue
            seen.add(cid)
            self.opt_date(tbl, line, fields, "birth_date")
            created, created_future = self.opt_date(tbl, line, fields, "created_at")
            updated, updated_future = self.opt_date(tbl, line, fields, "updated_at")
            ctype, _ = self.opt_enum(tbl, line, fields, "type")
            self.opt_enum(tbl, line, fields, "gender")
            phone_raw = tbl.cell(fields, "phone")
            phone_key = None
            if not is_missing(phone_raw):
                phone_key = normalise_phone(trim(phone_raw))
                if phone_key is None:
                    self.add(tbl, line, "phone", phone_raw, "bad_phone", "not a valid phone")
            email_raw = tbl.cell(fields, "email")
            email_key = None
            if not is_missing(email_raw):
                e = trim(email_raw)
                if valid_email(e):
                    email_key = e.casefold()
                else:
                    self.add(tbl, line, "email", email_raw, "bad_email", "not a valid e-mail")
            owner = self.check_owner(tbl, line, fields)
            city = clean(tbl.cell(fields, "city"))
            out.append(Row(
                line, id=cid, name=req["name"], name_raw=tbl.cell(fields, "name"),
                owner_raw=owner, type=ctype, region=clean(tbl.cell(fields, "region")),
                city=city,
                created=None if created_future else created,
                updated=updated, updated_future=updated_future,
                updated_raw=tbl.cell(fields, "updated_at"),
                phone_key=phone_key, phone_raw=phone_raw,
                email_key=email_key, email_raw=email_raw,
            ))
        self.probable_duplicates(tbl, out)
        return out

    def probable_duplicates(self, tbl, customers):
        firsts = {}
        for c in customers:
            keys = []
            if c.phone_key is not None:
                keys.append(("phone", ("phone", c.phone_key), c.phone_raw))
            if c.email_key is not None:
                keys.append(("email", ("email", c.email_key), c.email_raw))
            nn = normalise_name(c.name)
            if c.type == "individual":
                if c.city is not None:
                    city = trim(nfkc(c.city))
                    if city:
                        keys.append(("name", ("individual", nn, city), c.name_raw))
            else:
                keys.append(("name", ("company", nn), c.name_raw))
            for col, key, raw in keys:
                if key in firsts:
                    first = firsts[key]
                    self.add(tbl, c.line, col, raw, "probable_duplicate",
                             f"same {col} as customer {first.id} (line {first.line})")
                else:
                    firsts[key] = c

    def load_orders(self, tbl):
        out = []
        first_customer = {}  # order_id -> customer_id of its first used line
        if not tbl.present:
            return out
        for line, fields in tbl.records:
            req = self.required(tbl, line, fields, dates=("order_date",), numbers=("amount",))
            if req is None:
                continue
            oid, cid = req["order_id"], req["customer_id"]
            if oid in first_customer and first_customer[oid] != cid:
                self.add(tbl, line, "order_id", tbl.cell(fields, "order_id"), "duplicate_id",
                         "order id seen before with another customer")
                continue
            first_customer.setdefault(oid, cid)
            d = req["order_date"]
            future = d.date > self.today
            if future:
                self.add(tbl, line, "order_date", tbl.cell(fields, "order_date"), "future_date",
                         "date after today")
            self.opt_number(tbl, line, fields, "quantity")
            status, present = self.opt_enum(tbl, line, fields, "status")
            if not present:
                status = "completed"
            elif status is None:
                status = "invalid"
            amount = req["amount"]
            if amount < 0 and status == "completed":
                self.add(tbl, line, "amount", tbl.cell(fields, "amount"), "out_of_range",
                         "negative amount on a completed order")
            owner = self.check_owner(tbl, line, fields)
            if self.customer_ids is not None:
                self.check_customer_ref(tbl, line, fields, cid)
            out.append(Row(
                line, order_id=oid, customer_id=cid, date=d, future=future, amount=amount,
                status=status, owner=owner, region=clean(tbl.cell(fields, "region")),
                category=clean(tbl.cell(fields, "category")),
                name=clean(tbl.cell(fields, "name")), city=clean(tbl.cell(fields, "city")),
                type_raw=tbl.cell(fields, "type"),
            ))
        return out

    def derive_customers(self, lines):
        out = []
        seen = {}
        for o in lines:
            if o.customer_id in seen:
                continue
            ctype = None
            if not is_missing(o.type_raw):
                ctype = parse_enum("type", o.type_raw)
            c = Row(o.line, id=o.customer_id, name=o.name or "", name_raw=o.name,
                    owner_raw=o.owner, type=ctype, region=o.region, city=o.city,
                    created=None, updated=None, updated_future=False, updated_raw=None,
                    phone_key=None, email_key=None)
            seen[o.customer_id] = c
            out.append(c)
        return out

    def load_interactions(self, tbl):
        out = []
        if not tbl.present:
            return out
        for line, fields in tbl.records:
            req = self.required(tbl, line, fields, dates=("date",))
            if req is None:
                continue
            d = req["date"]
            future = d.date > self.today
            if future:
                self.add(tbl, line, "date", tbl.cell(fields, "date"), "future_date",
                         "date after today")
            resolved, res_future = self.opt_date(tbl, line, fields, "resolved_at")
            channel, present = self.opt_enum(tbl, line, fields, "channel")
            if present and channel is None:
                channel = "other"
            kind, present = self.opt_enum(tbl, line, fields, "kind")
            if present and kind is None:
                kind = "other"
            sat = None
            sraw = tbl.cell(fields, "satisfaction")
            if not is_missing(sraw):
                status, v = parse_satisfaction(sraw)
                if status == "bad_number":
                    self.add(tbl, line, "satisfaction", sraw, "bad_number", "not an integer 1-5")
                elif status == "out_of_range":
                    self.add(tbl, line, "satisfaction", sraw, "out_of_range", "outside 1-5")
                else:
                    sat = v
            owner = self.check_owner(tbl, line, fields)
            cid = req["customer_id"]
            self.check_customer_ref(tbl, line, fields, cid)
            out.append(Row(line, customer_id=cid, date=d, future=future, channel=channel,
                           kind=kind, owner=owner, satisfaction=sat,
                           resolved=None if res_future else resolved))
        return out

    def load_opportunities(self, tbl):
        out = []
        seen = set()
        if not tbl.present:
            return out
        for line, fields in tbl.records:
            req = self.required(tbl, line, fields)
            if req is None:
                continue
            oid = req["opportunity_id"]
            if oid in seen:
                self.add(tbl, line, "opportunity_id", tbl.cell(fields, "opportunity_id"),
                         "duplicate_id", "opportunity id seen before")
                continue
            seen.add(oid)
            created, created_future = self.opt_date(tbl, line, fields, "created_at")
            closed, closed_future = self.opt_date(tbl, line, fields, "closed_at")
            stage = parse_enum("stage", tbl.cell(fields, "stage"))
            if stage is None:
                self.add(tbl, line, "stage", tbl.cell(fields, "stage"), "bad_value",
                         "unknown stage")
                stage = "open"
            amount = self.opt_number(tbl, line, fields, "amount")
            owner = self.check_owner(tbl, line, fields)
            cid = req["customer_id"]
            self.check_customer_ref(tbl, line, fields, cid)
            out.append(Row(line, id=oid, customer_id=cid, owner=owner, stage=stage,
                           amount=amount, created=created, created_future=created_future,
                           closed=None if closed_future else closed))
        return out
