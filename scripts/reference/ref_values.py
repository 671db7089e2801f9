"""Cell-level parsing for the reference implementation (spec: input-format.md, precise-rules.md).

Everything here is pure: a raw cell string in, a parsed value (or a failure marker) out.
"""
import datetime as dt
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction

# ---------------------------------------------------------------------------------------------
# Trimming and missing-value tokens
# ---------------------------------------------------------------------------------------------
# precise-rules.md: tokens match after trimming ASCII whitespace, U+3000, NBSP and a stray BOM.
TRIM_CHARS = " \t\n\r\x0b\x0c\u3000\u00a0\ufeff"
MISSING_TOKENS = {"", "null", "n/a", "na", "-", "无", "#n/a"}


def trim(s):
    return s.strip(TRIM_CHARS)


def is_missing(raw):
    """True when the raw cell is absent (None) or a missing-value token."""
    if raw is None:
        return True
    return trim(raw).casefold() in MISSING_TOKENS


def clean(raw):
    """The trimmed text of a cell, or None when it is missing."""
    if is_missing(raw):
        return None
    return trim(raw)


def nfkc(s):
    return unicodedata.normalize("NFKC", s)


# ---------------------------------------------------------------------------------------------
# Header and enum folding
# ---------------------------------------------------------------------------------------------
_FOLD_REMOVE = re.compile(r"[_\-\s]+")


def fold(s):
    """Case-insensitive, width-folded key with `_`, `-` and spaces removed (headers, enums)."""
    return _FOLD_REMOVE.sub("", nfkc(trim(s)).casefold())


ENUMS = {
    "status": {
        "completed": "completed", "已完成": "completed",
        "refunded": "refunded", "已退款": "refunded",
        "cancelled": "cancelled", "canceled": "cancelled", "已取消": "cancelled",
    },
    "channel": {
        "phone": "phone", "电话": "phone",
        "email": "email", "邮件": "email",
        "meeting": "meeting", "会议": "meeting",
        "visit": "visit", "拜访": "visit",
        "wechat": "wechat", "微信": "wechat",
        "social": "social", "社交媒体": "social",
        "web": "web", "网站": "web",
        "other": "other", "其他": "other",
    },
    "kind": {
        "follow_up": "follow_up", "跟进": "follow_up",
        "consultation": "consultation", "咨询": "consultation",
        "complaint": "complaint", "投诉": "complaint",
        "service": "service", "服务": "service",
        "feedback": "feedback", "反馈": "feedback",
        "survey": "survey", "调查": "survey",
        "other": "other", "其他": "other",
    },
    "stage": {
        "lead": "lead", "线索": "lead", "prospecting": "lead",
        "qualified": "qualified", "需求确认": "qualified", "engaging": "qualified",
        "proposal": "proposal", "方案报价": "proposal",
        "negotiation": "negotiation", "谈判": "negotiation",
        "won": "won", "赢单": "won", "closed_won": "won",
        "lost": "lost", "输单": "lost", "closed_lost": "lost",
    },
    "type": {
        "company": "company", "企业": "company",
        "individual": "individual", "个人": "individual",
    },
    "gender": {
        "male": "male", "男": "male",
        "female": "female", "女": "female",
    },
}
_ENUM_FOLDED = {col: {fold(k): v for k, v in table.items()} for col, table in ENUMS.items()}


def parse_enum(column, text):
    """Canonical code for an enum cell (already known to be present), or None if unknown."""
    return _ENUM_FOLDED[column].get(fold(text))


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------
_DATE_RE = re.compile(
    r"""^(?:
        (?P<y1>[0-9]{4})(?P<s1>[-/.])(?P<m1>[0-9]{1,2})(?P=s1)(?P<d1>[0-9]{1,2})
      | (?P<y2>[0-9]{4})年(?P<m2>[0-9]{1,2})月(?P<d2>[0-9]{1,2})日
      | (?P<y3>[0-9]{4})(?P<m3>[0-9]{2})(?P<d3>[0-9]{2})
      | (?P<a4>[0-9]{1,2})/(?P<b4>[0-9]{1,2})/(?P<y4>[0-9]{4})
    )
    (?:(?:T|[ \t]+)
       (?P<H>[0-9]{1,2}):(?P<M>[0-9]{2})(?::(?P<S>[0-9]{2})(?:\.(?P<F>[0-9]+))?)?
       (?P<Z>Z|[+-][0-9]{2}:?[0-9]{2})?
    )?$""",
    re.X,
)


class DateTime:
    """A wall-clock date with an exact time of day (seconds as a Fraction; 0 for a bare date)."""

    __slots__ = ("date", "seconds", "has_time")

    def __init__(self, date, seconds=Fraction(0), has_time=False):
        self.date = date
        self.seconds = seconds
        self.has_time = has_time

    def hours_until(self, other):
        days = (other.date - self.date).days
        return (Fraction(days * 86400) + other.seconds - self.seconds) / 3600

    def __repr__(self):
        return f"DateTime({self.date}, {self.seconds})"


def parse_date(text, date_order="ymd"):
    """Parse a present date cell; returns DateTime or None (bad_date)."""
    s = trim(nfkc(text))
    m = _DATE_RE.match(s)
    if not m:
        return None
    g = m.groupdict()
    if g["y1"]:
        y, mo, d = g["y1"], g["m1"], g["d1"]
    elif g["y2"]:
        y, mo, d = g["y2"], g["m2"], g["d2"]
    elif g["y3"]:
        y, mo, d = g["y3"], g["m3"], g["d3"]
    else:
        y = g["y4"]
        if date_order == "dmy":
            d, mo = g["a4"], g["b4"]
        else:
            mo, d = g["a4"], g["b4"]
    try:
        y, mo, d = int(y), int(mo), int(d)
        if y < 1:
            return None
        date = dt.date(y, mo, d)
    except ValueError:
        return None
    seconds = Fraction(0)
    has_time = False
    if g["H"] is not None:
        h, mi = int(g["H"]), int(g["M"])
        sec = int(g["S"]) if g["S"] is not None else 0
        if h > 23 or mi > 59 or sec > 59:
            return None
        seconds = Fraction(h * 3600 + mi * 60 + sec)
        if g["F"]:
            seconds += Fraction(int(g["F"]), 10 ** len(g["F"]))
        has_time = True
    return DateTime(date, seconds, has_time)


# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------
_NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_CUR = r"(?:[¥$]|rmb|cny)"
_AMOUNT_RE = re.compile(
    rf"^(?P<neg1>-)?(?:(?P<cur>{_CUR})[ ]?(?P<neg2>-)?)?(?P<num>{_NUM})(?P<mul>[万亿])?元?$",
    re.I,
)
_PAREN_RE = re.compile(rf"^\((?:(?P<cur>{_CUR})[ ]?)?(?P<num>{_NUM})(?P<mul>[万亿])?元?\)$", re.I)
_MULT = {None: 1, "万": 10 ** 4, "亿": 10 ** 8}


def parse_amount(text):
    """Parse a present amount/quantity/quota cell; returns Decimal or None (bad_number)."""
    s = trim(nfkc(text))
    m = _AMOUNT_RE.match(s)
    neg = False
    if m:
        if m.group("neg1") and m.group("neg2"):
            return None
        neg = bool(m.group("neg1") or m.group("neg2"))
    else:
        m = _PAREN_RE.match(s)
        if not m:
            return None
        neg = True
    v = Decimal(m.group("num").replace(",", "")) * _MULT[m.group("mul")]
    return -v if neg else v


_SAT_RE = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")


def parse_satisfaction(text):
    """Returns ("ok", int) / ("bad_number", None) / ("out_of_range", int)."""
    s = trim(nfkc(text))
    if not _SAT_RE.match(s):
        return ("bad_number", None)
    v = Decimal(s)
    if v != v.to_integral_value():
        return ("bad_number", None)
    i = int(v)
    if 1 <= i <= 5:
        return ("ok", i)
    return ("out_of_range", i)


# ---------------------------------------------------------------------------------------------
# Phone and e-mail
# ---------------------------------------------------------------------------------------------
_PHONE_STRIP = re.compile(r"[\s\-().]")
_MOBILE = re.compile(r"^(?:\+86|86)?(1[3-9][0-9]{9})$")
_LANDLINE = re.compile(r"^0[0-9]{9,11}$")
_INTL = re.compile(r"^\+[1-9][0-9]{6,14}$")


def normalise_phone(text):
    """Key of a valid phone, or None when the phone is bad."""
    c = _PHONE_STRIP.sub("", text)
    m = _MOBILE.match(c)
    if m:
        return m.group(1)
    if _LANDLINE.match(c) or _INTL.match(c):
        return c
    return None


_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)*\.[A-Za-z]{2,}$")


def valid_email(text):
    return bool(_EMAIL.match(text))


# ---------------------------------------------------------------------------------------------
# Name normalisation for probable duplicates
# ---------------------------------------------------------------------------------------------
NAME_SUFFIXES = [
    "股份有限公司", "有限责任公司", "有限公司", "co.,ltd.", "co.,ltd", "co.ltd.", "co.ltd",
    "co.,limited", "ltd.", "ltd", "limited", "inc.", "inc", "corp.", "corp", "corporation",
    "llc", "co.",
]
_WS = re.compile(r"\s+")


def normalise_name(name):
    s = _WS.sub("", nfkc(name).casefold())
    changed = True
    while changed:
        changed = False
        for suf in NAME_SUFFIXES:
            if s.endswith(suf) and len(s) > len(suf):
                s = s[: -len(suf)]
                changed = True
                break
    return s


# ---------------------------------------------------------------------------------------------
# Output formatting
# ---------------------------------------------------------------------------------------------
def fixed(x, places):
    """Exact value (Decimal, Fraction or int) rounded half away from zero, `places` decimals."""
    if isinstance(x, Decimal):
        x = Fraction(x)
    x = Fraction(x)
    v = x * (10 ** places)
    neg = v < 0
    a = -v if neg else v
    q, r = divmod(a.numerator, a.denominator)
    if 2 * r >= a.denominator:
        q += 1
    if q == 0:
        neg = False
    s = str(q).rjust(places + 1, "0")
    out = s[:-places] + "." + s[-places:] if places else s
    return ("-" if neg else "") + out
