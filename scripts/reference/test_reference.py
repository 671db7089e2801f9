"""Tests of the reference implementation on tiny hand ledgers (run: python3 -m unittest).

Every expected number below was worked out by hand from the spec; comments show the working.
"""
import csv
import datetime as dt
import io
import json
import os
import shutil
import sys
import tempfile
import unittest
from decimal import Decimal
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import portrait_reference as pr  # noqa: E402
from ref_csv import parse_records  # noqa: E402
from ref_values import (  # noqa: E402
    fixed, normalise_name, normalise_phone, parse_amount, parse_date, parse_enum,
    parse_satisfaction, valid_email, is_missing,
)

D = dt.date


def write(dirpath, name, text, bom=False, crlf=False):
    if crlf:
        text = text.replace("\n", "\r\n")
    with open(os.path.join(dirpath, name), "w", encoding="utf-8", newline="") as f:
        if bom:
            f.write("\ufeff")
        f.write(text)


def read_csv(path):
    with open(path, "rb") as f:
        raw = f.read()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV export must start with a BOM"
    assert b"\r\n" not in raw, "CSV export must use LF line ends"
    text = raw[3:].decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


class Ledger:
    def __init__(self, files, as_of=None, today=D(2026, 11, 22), model="cn8"):
        self.tmp = tempfile.mkdtemp(prefix="ref-test-")
        self.data = os.path.join(self.tmp, "data")
        self.out = os.path.join(self.tmp, "out")
        os.makedirs(self.data)
        for name, spec in files.items():
            if isinstance(spec, tuple):
                text, kw = spec
            else:
                text, kw = spec, {}
            write(self.data, name, text, **kw)
        pr.run(self.data, self.out, as_of, today, model)
        self.customers = {r["customer_id"]: r for r in read_csv(os.path.join(self.out, "customers.csv"))}
        self.reps = {r["rep_id"]: r for r in read_csv(os.path.join(self.out, "reps.csv"))}
        self.findings = read_csv(os.path.join(self.out, "findings.csv"))
        with open(os.path.join(self.out, "summary.json"), "rb") as f:
            raw = f.read()
        assert not raw.startswith(b"\xef\xbb\xbf")
        self.summary = json.loads(raw.decode("utf-8"))
        with open(os.path.join(self.out, "summary.json"), encoding="utf-8") as f:
            self.summary_text = f.read()

    def finding_keys(self):
        return [(f["table"], int(f["line"]), f["column"], f["rule"]) for f in self.findings]

    def cleanup(self):
        shutil.rmtree(self.tmp)


# ---------------------------------------------------------------------------------------------
# Cell parsers
# ---------------------------------------------------------------------------------------------
class TestValues(unittest.TestCase):
    def test_dates(self):
        ok = {
            "2025-03-01": D(2025, 3, 1), "2025/3/1": D(2025, 3, 1), "2025.3.1": D(2025, 3, 1),
            "2025年3月1日": D(2025, 3, 1), "20250301": D(2025, 3, 1), "03/01/2025": D(2025, 3, 1),
            "2025-03-01 14:30": D(2025, 3, 1), "2025-03-01T14:30:59.5+08:00": D(2025, 3, 1),
            "２０２５－０３－０１": D(2025, 3, 1), "2024-02-29": D(2024, 2, 29),
            "2025/3/1  9:05": D(2025, 3, 1), "2025-03-01T10:00Z": D(2025, 3, 1),
        }
        for s, want in ok.items():
            d = parse_date(s)
            self.assertIsNotNone(d, s)
            self.assertEqual(d.date, want, s)
        self.assertEqual(parse_date("03/01/2025", "dmy").date, D(2025, 1, 3))
        for s in ["25-03-01", "0000-01-01", "2025-02-29", "2025-03-01 24:00", "45000", "2025-3",
                  "2025-03/01", "2025-03-01 10", "2025-13-01", "yesterday"]:
            self.assertIsNone(parse_date(s), s)
        t = parse_date("2025-03-01 14:30:15")
        self.assertEqual(t.seconds, 14 * 3600 + 30 * 60 + 15)
        a, b = parse_date("2025-03-01"), parse_date("2025-03-02 06:30")
        self.assertEqual(a.hours_until(b), Fraction(61, 2))

    def test_amounts(self):
        ok = {
            "1234.5": "1234.5", "1,234.50": "1234.50", "¥1,234.50": "1234.50", "￥1234": "1234",
            "$1,234": "1234", "1.2万": "12000", "(120.00)": "-120.00", "-120": "-120",
            "-¥5": "-5", "¥-5": "-5", "¥ 5": "5", "RMB 5": "5", "cny5": "5", "3亿": "300000000",
            "12元": "12", "1.5万元": "15000", "１２３": "123", "(¥120)": "-120", "0.125": "0.125",
        }
        for s, want in ok.items():
            self.assertEqual(parse_amount(s), Decimal(want), s)
        for s in ["+5", "1 234", "1.234,50", "-¥-5", "(-5)", "12,34", "abc", ".5", "¥  5",
                  "--5", "1,2345", "USD 5"]:
            self.assertIsNone(parse_amount(s), s)

    def test_satisfaction(self):
        self.assertEqual(parse_satisfaction("4"), ("ok", 4))
        self.assertEqual(parse_satisfaction("4.0"), ("ok", 4))
        self.assertEqual(parse_satisfaction("４"), ("ok", 4))
        self.assertEqual(parse_satisfaction("4.5"), ("bad_number", None))
        self.assertEqual(parse_satisfaction("6"), ("out_of_range", 6))
        self.assertEqual(parse_satisfaction("0"), ("out_of_range", 0))
        self.assertEqual(parse_satisfaction("good"), ("bad_number", None))

    def test_missing(self):
        for s in ["", "  ", "NULL", "null", "N/A", "na", "-", "无", "#N/A", "\u3000", "\ufeff",
                  " n/a "]:
            self.assertTrue(is_missing(s), repr(s))
        for s in ["none", "nan", "—", "0"]:
            self.assertFalse(is_missing(s), s)

    def test_enums(self):
        self.assertEqual(parse_enum("status", "已完成"), "completed")
        self.assertEqual(parse_enum("status", "Canceled"), "cancelled")
        self.assertEqual(parse_enum("channel", "E-mail"), "email")
        self.assertEqual(parse_enum("channel", "We Chat"), "wechat")
        self.assertEqual(parse_enum("kind", "Follow-Up"), "follow_up")
        self.assertEqual(parse_enum("stage", "Closed Won"), "won")
        self.assertEqual(parse_enum("stage", "closed_lost"), "lost")
        self.assertEqual(parse_enum("stage", "prospecting"), "lead")
        self.assertEqual(parse_enum("stage", "Engaging"), "qualified")
        self.assertEqual(parse_enum("type", "企业"), "company")
        self.assertEqual(parse_enum("gender", "女"), "female")
        self.assertIsNone(parse_enum("gender", "未知"))

    def test_phone_email(self):
        self.assertEqual(normalise_phone("+86 138-0013-8000"), "13800138000")
        self.assertEqual(normalise_phone("8613800138000"), "13800138000")
        self.assertEqual(normalise_phone("(010) 1234-5678"), "01012345678")
        self.assertEqual(normalise_phone("+1 415.555.0100"), "+14155550100")
        for bad in ["12345", "13800138000 ext 12", "13800138000/13900139000", "12800138000",
                    "010-123456", "+0123456789"]:
            self.assertIsNone(normalise_phone(bad), bad)
        for good in ["a@b.cn", "first.last+x@mail.example.com"]:
            self.assertTrue(valid_email(good), good)
        for bad in ["a@b", "a@@b.cn", "a b@c.cn", "a@b.c", "a@b.c1", "@b.cn", "a@.cn", "a@b..cn"]:
            self.assertFalse(valid_email(bad), bad)

    def test_names(self):
        self.assertEqual(normalise_name("杭州 云帆科技 有限公司"), "杭州云帆科技")
        self.assertEqual(normalise_name("Acme Co., Ltd."), "acme")
        self.assertEqual(normalise_name("ＡＣＭＥ Inc."), "acme")
        self.assertEqual(normalise_name("Acme Corp. LLC"), "acme")
        self.assertEqual(normalise_name("有限公司"), "有限公司")
        self.assertEqual(normalise_name("X股份有限公司"), "x")

    def test_fixed(self):
        self.assertEqual(fixed(Fraction(1, 8), 2), "0.13")
        self.assertEqual(fixed(Fraction(-1, 8), 2), "-0.13")
        self.assertEqual(fixed(Decimal("2.675"), 2), "2.68")
        self.assertEqual(fixed(Fraction(2, 3), 4), "0.6667")
        self.assertEqual(fixed(Fraction(-1, 100000), 4), "0.0000")
        self.assertEqual(fixed(5, 2), "5.00")

    def test_csv_lines(self):
        text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,z\n\n\n3,"q""r"'
        recs = list(parse_records(text, ","))
        self.assertEqual(recs, [(1, ["a", "b"]), (2, ["1", "x\r\ny"]), (5, ["2", "z"]),
                                (8, ["3", 'q"r'])])


# ---------------------------------------------------------------------------------------------
# Ledger A: English headers, clean; RFM, segments, grades, stages, funnel, team
# ---------------------------------------------------------------------------------------------
LEDGER_A = {
    "customers.csv": """customer_id,name,type,owner_id,created_at
A1,Alpha Co.,company,R1,2025-01-01
A2,Beta Ltd,company,R1,2026-03-01
A3,Gamma,individual,R2,
A4,Delta Inc,company,R2,2026-07-05
A5,Epsilon,company,,2024-01-01
""",
    "orders.csv": """order_id,customer_id,order_date,amount,status,category,owner_id
O1,A1,2026-06-20,100,completed,x,
O2,A1,2026-05-01,200,completed,y,
O3,A1,2026-04-01,300,completed,y,
O4,A1,2026-03-01,50,completed,x,
O5,A1,2026-02-01,50,completed,x,
O6,A2,2026-06-01,1000,completed,z,R2
O7,A2,2026-01-15,500,refunded,z,
O8,A2,2025-12-01,250,,z,
O9,A3,2026-02-10,200,completed,w,
O10,A3,2025-06-01,0,completed,w,
O11,A5,2025-10-01,400,completed,v,
O12,A5,2024-12-31,300,completed,v,R2
""",
    "interactions.csv": """customer_id,date,channel,kind,owner_id,satisfaction,resolved_at
A1,2026-06-25 10:00,phone,complaint,,3,2026-06-26 16:00
A1,2026-06-10,email,follow_up,,5,
A1,2026-05-10,phone,consultation,,,
A4,2026-06-29,wechat,consultation,R1,4,
A3,2026-03-01,visit,complaint,,2,
""",
    "reps.csv": """rep_id,name,team,quota
R1,Ann,East,2000
R2,Bob,West,0
""",
    "opportunities.csv": """opportunity_id,customer_id,owner_id,stage,amount,created_at,closed_at
P1,A1,,won,500,2026-01-01,2026-03-01
P2,A2,,lost,300,2026-02-01,2026-04-01
P3,A1,R1,won,100,2026-05-01,2026-05-11
P4,A3,,proposal,1000,2026-06-01,
P5,A4,R2,negotiation,,,
P6,A1,R1,won,100,2025-01-01,2025-05-01
""",
}


class TestLedgerA(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.L = Ledger(LEDGER_A, as_of=D(2026, 6, 30), today=D(2026, 7, 10))
        cls.L10 = Ledger(LEDGER_A, as_of=D(2026, 6, 30), today=D(2026, 7, 10), model="rf10")

    @classmethod
    def tearDownClass(cls):
        cls.L.cleanup()
        cls.L10.cleanup()

    def test_customer_rows(self):
        c = self.L.customers
        self.assertEqual(list(c), ["A1", "A2", "A3", "A4", "A5"])
        self.assertEqual(list(c["A1"].keys()), pr.CUSTOMER_COLUMNS)
        # A1: five purchases 700; R = 10; aov 140; tenure 2025-01-01 -> 2026-06-30 = 365 + 180
        self.assertEqual(c["A1"], dict(zip(pr.CUSTOMER_COLUMNS, [
            "A1", "Alpha Co.", "R1", "5", "700.00", "2026-02-01", "2026-06-20", "10", "140.00",
            "545", "700.00", "5", "3", "2026-06-25", "5", "phone", "y", "1", "0", "4.00",
            "4", "4", "2", "general_value", "A", "loyal"])))
        # A2: O7 refunded is no purchase, O8 missing status = completed
        self.assertEqual(c["A2"], dict(zip(pr.CUSTOMER_COLUMNS, [
            "A2", "Beta Ltd", "R1", "2", "1250.00", "2025-12-01", "2026-06-01", "29", "625.00",
            "121", "1250.00", "2", "0", "", "", "", "z", "0", "0", "",
            "3", "2", "4", "important_develop", "A", "repeat"])))
        # A3: O10 amount 0 is no purchase; open complaint
        self.assertEqual(c["A3"], dict(zip(pr.CUSTOMER_COLUMNS, [
            "A3", "Gamma", "R2", "1", "200.00", "2026-02-10", "2026-02-10", "140", "200.00",
            "", "200.00", "1", "1", "2026-03-01", "121", "visit", "w", "1", "1", "2.00",
            "2", "1", "1", "general_winback", "B", "at_risk"])))
        # A4: created after T (but not after today) = missing; opportunity + interaction
        self.assertEqual(c["A4"], dict(zip(pr.CUSTOMER_COLUMNS, [
            "A4", "Delta Inc", "R2", "0", "0.00", "", "", "", "", "", "0.00", "0", "1",
            "2026-06-29", "1", "wechat", "", "0", "0", "4.00", "", "", "", "no_purchase", "",
            "prospect"])))
        # A5: last order 2025-10-01 -> R 272; churned; ties with A1 on M (700) broken by id
        self.assertEqual(c["A5"], dict(zip(pr.CUSTOMER_COLUMNS, [
            "A5", "Epsilon", "", "2", "700.00", "2024-12-31", "2025-10-01", "272", "350.00",
            "911", "400.00", "1", "0", "", "", "", "v", "0", "0", "",
            "1", "2", "2", "general_winback", "A", "churned"])))

    def test_rf10(self):
        seg = {k: v["segment"] for k, v in self.L10.customers.items()}
        # (R,F): A1 (4,4) loyal; A2 (3,2) about_to_sleep; A3 (2,1), A5 (1,2) hibernating
        self.assertEqual(seg, {"A1": "loyal", "A2": "about_to_sleep", "A3": "hibernating",
                               "A4": "no_purchase", "A5": "hibernating"})
        s = self.L10.summary["segments"]
        self.assertEqual(list(s), ["champions", "loyal", "potential_loyalist", "new",
                                   "promising", "need_attention", "about_to_sleep", "cant_lose",
                                   "at_risk", "hibernating", "no_purchase"])
        self.assertEqual(s["hibernating"], 2)

    def test_reps(self):
        r = self.L.reps
        self.assertEqual(list(r["R1"].keys()), pr.REP_COLUMNS)
        # R1: A1's five (700) + O8 (250, customer owner) = 950 in 6 orders; quota 2000
        # coverage: A1 contacted 06-25, A2 not -> 1/2; won P1, P3 (P6 closed in P'), lost P2
        # cycles 59 and 10 -> median 34.5; complaint of A1 resolved in 30 h; sats 3, 5, 4
        self.assertEqual(r["R1"], dict(zip(pr.REP_COLUMNS, [
            "R1", "Ann", "East", "2", "1", "950.00", "6", "158.33", "0.4750", "", "2", "4",
            "0.5000", "0", "1", "0", "30.00", "4.00", "2", "1", "0.6667", "0.00", "34.50",
            "2"])))
        # R2: O6 (order owner) 1000 + O9 200 in P; O12 300 in P' -> change 900/300 = 3
        # quota 0 -> empty; A3 at risk without contact in 30 days -> overdue 1
        self.assertEqual(r["R2"], dict(zip(pr.REP_COLUMNS, [
            "R2", "Bob", "West", "2", "0", "1200.00", "2", "600.00", "", "3.0000", "0", "1",
            "0.5000", "1", "1", "1", "", "2.00", "0", "0", "", "1000.00", "", "1"])))

    def test_summary(self):
        s = self.L.summary
        self.assertEqual(s["as_of"], "2026-06-30")
        self.assertEqual(s["period"], {"start": "2025-07-01", "end": "2026-06-30"})
        self.assertEqual(s["customers"], 5)
        self.assertIn('"revenue_period": 2550.00', self.L.summary_text)
        self.assertEqual(s["funnel"], [
            {"step": "all", "count": 5, "conversion": None},
            {"step": "engaged", "count": 5, "conversion": 1.0},
            {"step": "converted", "count": 4, "conversion": 0.8},
            {"step": "repeat", "count": 3, "conversion": 0.75},
            {"step": "loyal", "count": 1, "conversion": 0.3333},
        ])
        self.assertIn('"conversion": 0.7500', self.L.summary_text)
        self.assertEqual(s["segments"], {
            "important_value": 0, "important_develop": 1, "important_keep": 0,
            "important_winback": 0, "general_value": 1, "general_develop": 0, "general_keep": 0,
            "general_winback": 2, "no_purchase": 1})
        self.assertEqual(s["grades"], {"A": 3, "B": 1, "C": 0})
        self.assertEqual(s["stages"], {"churned": 1, "at_risk": 1, "loyal": 1, "repeat": 1,
                                       "new": 0, "prospect": 1, "lead": 0})
        self.assertEqual(s["quality_score"], 1.0)
        self.assertEqual(sum(s["findings"].values()), 0)
        self.assertEqual(len(s["findings"]), 12)
        self.assertEqual(s["rows_after_as_of"], 0)
        self.assertEqual(self.L.findings, [])


# ---------------------------------------------------------------------------------------------
# Ledger B: Chinese headers, dirty rows, BOM + CRLF, tab-delimited orders, T derived
# ---------------------------------------------------------------------------------------------
LEDGER_B = {
    "customers.csv": ("""客户编号,客户名称,客户类型,性别,城市,手机,邮箱,负责人,最后更新
B1,上海明远贸易有限公司,企业,,上海,+86 138 0000 0001,ming@example.com,S1,2026-10-01
B2,"上海明远贸易
股份有限公司",企业,,上海,13800000001,MING@example.com,S1,2026/6/1

B1,重复客户,企业,,,,,S1,
,无名,企业,,,,,,
B3,张伟,个人,男,北京,010-12345678,zhang@,S9,2026-13-01
B4,张伟,个人,男,北京市,12345,,S1,2027-01-01
B5,张伟,个人,未知,北京,,,S1,
""", {"bom": True}),
    "orders.csv": """订单号\t客户编号\t下单日期\t销售额\t订单状态\t品类
D1\tB1\t2026-11-01 14:30\t¥1,234.50\t已完成\t办公
D1\tB1\t2026-11-01\t1.2万\t已完成\t家具
D1\tB2\t2026-11-01\t100\t已完成\t办公
D2\tB9\t2026-10-15\t300\t已完成\t
D3\tB2\t2026-12-01\t500\t已完成\t办公
D4\tB2\t2026-11-05\tabc\t已完成\t
D5\tB2\t\t100\t已完成\t
D6\tB2\t2026-10-01\t(50.00)\t已完成\t
D7\tB2\t2026-09-01\t200\t完成了\t
D8\tB3\t2026-11-20\t-\tNULL\t
""",
    "interactions.csv": ("""客户编号,沟通时间,沟通方式,互动类型,满意度,处理完成时间
B1,2026-11-21 09:00,微信,投诉,4.0,2026-11-21 21:00
B1,2026/11/25,电话,咨询,5,
B3,2026-11-10,传真,咨询,4.5,
B8,2026-11-15,电话,跟进,,
,2026-11-15,电话,跟进,,
B2,2026-02-30,电话,,,
""", {"crlf": True}),
    "reps.csv": "工号,姓名,团队\nS1,赵六,华东\n",
}


class TestLedgerB(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.L = Ledger(LEDGER_B, as_of=None, today=D(2026, 11, 22))

    @classmethod
    def tearDownClass(cls):
        cls.L.cleanup()

    def test_findings(self):
        self.assertEqual(self.L.finding_keys(), [
            ("customers", 3, "email", "probable_duplicate"),
            ("customers", 3, "name", "probable_duplicate"),
            ("customers", 3, "phone", "probable_duplicate"),
            ("customers", 3, "updated_at", "stale_record"),
            ("customers", 6, "customer_id", "duplicate_id"),
            ("customers", 7, "customer_id", "missing_required"),
            ("customers", 8, "email", "bad_email"),
            ("customers", 8, "owner_id", "orphan_reference"),
            ("customers", 8, "updated_at", "bad_date"),
            ("customers", 9, "phone", "bad_phone"),
            ("customers", 9, "updated_at", "future_date"),
            ("customers", 10, "gender", "bad_value"),
            ("customers", 10, "name", "probable_duplicate"),
            ("interactions", 3, "date", "future_date"),
            ("interactions", 4, "channel", "bad_value"),
            ("interactions", 4, "satisfaction", "bad_number"),
            ("interactions", 5, "customer_id", "orphan_reference"),
            ("interactions", 6, "customer_id", "missing_required"),
            ("interactions", 7, "date", "bad_date"),
            ("orders", 4, "order_id", "duplicate_id"),
            ("orders", 5, "customer_id", "orphan_reference"),
            ("orders", 6, "order_date", "future_date"),
            ("orders", 7, "amount", "bad_number"),
            ("orders", 8, "order_date", "missing_required"),
            ("orders", 9, "amount", "out_of_range"),
            ("orders", 10, "status", "bad_value"),
            ("orders", 11, "amount", "missing_required"),
        ])
        sev = {(f["table"], f["line"], f["rule"]): f["severity"] for f in self.L.findings}
        self.assertEqual(sev[("orders", "9", "out_of_range")], "warning")
        self.assertEqual(sev[("orders", "5", "orphan_reference")], "error")
        values = {(f["table"], f["line"], f["column"]): f["value"] for f in self.L.findings}
        # value is the cell as written, guarded against formula injection
        self.assertEqual(values[("orders", "11", "amount")], "'-")
        self.assertEqual(values[("customers", "3", "name")], "上海明远贸易\n股份有限公司")
        self.assertEqual(values[("orders", "9", "amount")], "(50.00)")

    def test_summary(self):
        s = self.L.summary
        self.assertEqual(s["as_of"], "2026-11-21")  # latest interaction not after today
        self.assertEqual(s["customers"], 5)
        # D1 (two lines, 1234.50 + 12000) + orphan D2 300
        self.assertIn('"revenue_period": 13534.50', self.L.summary_text)
        self.assertEqual(s["findings"], {
            "missing_required": 4, "duplicate_id": 2, "orphan_reference": 3, "bad_date": 2,
            "bad_number": 2, "out_of_range": 1, "future_date": 3, "bad_value": 3,
            "bad_phone": 1, "bad_email": 1, "probable_duplicate": 4, "stale_record": 1})
        self.assertIn('"quality_score": 0.1429', self.L.summary_text)  # 1 clean row of 7
        self.assertEqual(s["stages"], {"churned": 0, "at_risk": 0, "loyal": 0, "repeat": 0,
                                       "new": 1, "prospect": 1, "lead": 3})
        self.assertEqual(s["segments"]["important_value"], 1)
        self.assertEqual(s["segments"]["no_purchase"], 4)
        self.assertEqual(s["rows_after_as_of"], 0)

    def test_customers(self):
        c = self.L.customers
        self.assertEqual(list(c), ["B1", "B2", "B3", "B4", "B5"])
        b1 = c["B1"]
        self.assertEqual((b1["orders"], b1["revenue"], b1["top_category"], b1["recency_days"]),
                         ("1", "13234.50", "家具", "20"))
        self.assertEqual((b1["interactions"], b1["preferred_channel"], b1["complaints"],
                          b1["open_complaints"], b1["satisfaction"]), ("1", "wechat", "1", "0",
                                                                      "4.00"))
        self.assertEqual((b1["r_score"], b1["segment"], b1["grade"], b1["stage"]),
                         ("1", "important_value", "A", "new"))
        self.assertEqual(c["B2"]["name"], "上海明远贸易\n股份有限公司")
        self.assertEqual((c["B2"]["orders"], c["B2"]["stage"]), ("0", "lead"))
        self.assertEqual((c["B3"]["preferred_channel"], c["B3"]["stage"], c["B3"]["owner_id"]),
                         ("other", "prospect", "S9"))
        r = self.L.reps["S1"]
        self.assertEqual((r["customers"], r["revenue_period"], r["orders_period"],
                          r["complaints"], r["median_resolution_hours"]),
                         ("4", "13234.50", "1", "1", "12.00"))


# ---------------------------------------------------------------------------------------------
# Ledger C: orders only (customers derived), regional managers, ';' delimiter
# ---------------------------------------------------------------------------------------------
LEDGER_C = {
    "Orders.CSV": """Order ID;Customer ID;Order Date;Amount;客户名称;地区;城市;EmployeeID
X1;K1;2026-01-10;100;甲公司;浙江;杭州;
X2;K1;2026-02-10;200;甲公司改名;江苏;;E2
X3;K2;2026-03-10;1.5万;乙公司;江苏;南京;
X4;K3;2026-03-11;50;丙;广东;;
X5;K3;2026-04-02;70;丙;广东;;
""",
    "reps.csv": """rep_id,name,region
E1,王,浙江
E2,李,江苏
""",
}


class TestLedgerC(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.L = Ledger(LEDGER_C, as_of=D(2026, 3, 31), today=D(2026, 11, 22))

    @classmethod
    def tearDownClass(cls):
        cls.L.cleanup()

    def test_derived(self):
        c = self.L.customers
        self.assertEqual(list(c), ["K1", "K2", "K3"])
        self.assertEqual((c["K1"]["name"], c["K1"]["owner_id"], c["K1"]["revenue"]),
                         ("甲公司", "E1", "300.00"))
        self.assertEqual((c["K2"]["owner_id"], c["K2"]["revenue"]), ("E2", "15000.00"))
        self.assertEqual((c["K3"]["owner_id"], c["K3"]["revenue"]), ("", "50.00"))
        r = self.L.reps
        # X1 -> region 浙江 -> E1; X2 -> owner E2; X3 -> region 江苏 -> E2; X4 nobody
        self.assertEqual((r["E1"]["customers"], r["E1"]["revenue_period"], r["E1"]["rank"]),
                         ("1", "100.00", "2"))
        self.assertEqual((r["E2"]["customers"], r["E2"]["revenue_period"],
                          r["E2"]["orders_period"], r["E2"]["aov_period"], r["E2"]["rank"]),
                         ("1", "15200.00", "2", "7600.00", "1"))
        s = self.L.summary
        self.assertIsNone(s["quality_score"])
        self.assertEqual(s["rows_after_as_of"], 1)  # X5 dated after T, not after today
        self.assertIn('"revenue_period": 15350.00', self.L.summary_text)


# ---------------------------------------------------------------------------------------------
# Ledger D: explicit past as_of, rows after T, future cells, complaints and opportunities
# ---------------------------------------------------------------------------------------------
LEDGER_D = {
    "customers.csv": """customer_id,name,owner_id,created_at
E1,=One,S1,2026-11-10
E2,Two,S1,2026-12-01
""",
    "orders.csv": """order_id,customer_id,order_date,amount
Q1,E1,2026-10-30,100
Q2,E1,2026-11-05,200
Q3,E1,2026-12-05,300
Q1,E1,2026-11-02,40
""",
    "interactions.csv": """customer_id,date,kind,resolved_at,satisfaction
E1,2026-10-01 08:00,complaint,2026-10-01 20:00,0
E1,2026-10-02,complaint,2026-10-03,５
E2,2026-10-03 12:00,complaint,2026-11-05,
E2,2026-10-04,complaint,2026-10-04 06:30,3
E2,2026-11-01,follow_up,,
E1,2026-10-05,complaint,2026-12-01,
E1,2026-10-06,complaint,2026-10-06 01:00,
""",
    "reps.csv": "rep_id,team\nS1,A\n",
    "opportunities.csv": """opportunity_id,customer_id,stage,created_at,closed_at,amount
P1,E1,赢单,2026-09-01,2026-10-01,1000
P2,E1,Closed Won,2026-08-01,2026-10-15,
P3,E2,closed_lost,2026-07-01,2026-11-01,
P4,E2,谈判,2026-11-10,,500
P5,E2,谈判,,,700
P6,E2,foo,,,(100)
P7,E1,won,,2026-10-20,
""",
}


class TestLedgerD(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.L = Ledger(LEDGER_D, as_of=D(2026, 10, 31), today=D(2026, 11, 22))

    @classmethod
    def tearDownClass(cls):
        cls.L.cleanup()

    def test_all(self):
        L = self.L
        self.assertEqual(L.finding_keys(), [
            ("customers", 3, "created_at", "future_date"),
            ("interactions", 2, "satisfaction", "out_of_range"),
            ("interactions", 7, "resolved_at", "future_date"),
            ("opportunities", 7, "stage", "bad_value"),
            ("orders", 4, "order_date", "future_date"),
        ])
        e1 = L.customers["E1"]
        self.assertEqual(e1["name"], "'=One")  # formula-injection guard
        # Q1's second line is dated after T: left out; Q2 after T; Q3 future
        self.assertEqual((e1["orders"], e1["revenue"], e1["tenure_days"]), ("1", "100.00", ""))
        # complaints 10-01, 10-02, 10-05 (resolved in the future: open), 10-06
        self.assertEqual((e1["complaints"], e1["open_complaints"], e1["satisfaction"]),
                         ("4", "1", "5.00"))
        self.assertEqual((L.customers["E2"]["interactions"], L.customers["E2"]["open_complaints"]),
                         ("2", "1"))
        r = L.reps["S1"]
        self.assertEqual(r["name"], "S1")  # no name column: the id serves as name
        # hours: 12, 24, 6.5, 1 -> median (6.5 + 12) / 2; open: E2 10-03 (after T), E1 10-05
        self.assertEqual((r["complaints"], r["open_complaints"], r["median_resolution_hours"],
                          r["satisfaction"]), ("6", "2", "9.25", "4.00"))
        # won P1 (30 d), P2 (75 d), P7 (no created_at); P3 closed after T; P4 created after T
        # pipeline P5 700 + P6 (bad stage = open) -100
        self.assertEqual((r["won"], r["lost"], r["win_rate"], r["open_pipeline"],
                          r["median_cycle_days"]), ("3", "0", "1.0000", "600.00", "52.50"))
        self.assertEqual((r["interactions_period"], r["follow_up_coverage"],
                          r["new_customers"]), ("6", "1.0000", "0"))
        # after T, not after today: Q2, Q1 second line, interaction 11-01, P4
        self.assertEqual(L.summary["rows_after_as_of"], 4)


if __name__ == "__main__":
    unittest.main()
