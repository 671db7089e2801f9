"""RFC 4180 CSV reading with physical line numbers, and the export writer."""
import os


class InputError(Exception):
    """A file that cannot be read at all (exit status 2)."""


DELIMITERS = [",", ";", "\t", "|"]


def decode(path):
    with open(path, "rb") as f:
        data = f.read()
    if b"\x00" in data:
        raise InputError(f"{path}: binary file, not a CSV table")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{path}: has a UTF-8 BOM but is not valid UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(f"{path}: neither UTF-8 nor GB18030; save it as UTF-8 CSV")


def detect_delimiter(text):
    """Most frequent of , ; TAB | on the first record (outside quotes); ties in that order."""
    counts = {d: 0 for d in DELIMITERS}
    in_q = False
    seen = False
    for ch in text:
        if ch == '"':
            in_q = not in_q
            seen = True
        elif not in_q and ch in "\r\n":
            if seen:
                break
        elif not in_q and ch in counts:
            counts[ch] += 1
            seen = True
        elif not ch.isspace():
            seen = True
    best = ","
    for d in DELIMITERS:
        if counts[d] > counts[best]:
            best = d
    return best


def parse_records(text, delim):
    """Yield (start_line, fields) for each record; blank lines are skipped but counted.

    A blank line is a record made of one unquoted field that is empty or only whitespace.
    """
    i, n, line = 0, len(text), 1
    while i < n:
        start = line
        fields, field = [], []
        quoted = False  # the current field started with a quote
        in_q = False
        field_start = True
        while True:
            if i >= n:
                fields.append("".join(field))
                break
            c = text[i]
            if in_q:
                if c == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        field.append('"')
                        i += 2
                    else:
                        in_q = False
                        i += 1
                    continue
                if c == "\r":
                    if i + 1 < n and text[i + 1] == "\n":
                        field.append("\r\n")
                        i += 2
                    else:
                        field.append("\r")
                        i += 1
                    line += 1
                    continue
                if c == "\n":
                    line += 1
                field.append(c)
                i += 1
                continue
            if c == '"' and field_start:
                in_q = True
                quoted = True
                field_start = False
                i += 1
                continue
            if c == delim:
                fields.append("".join(field))
                field = []
                field_start = True
                quoted = False
                i += 1
                continue
            if c == "\r" or c == "\n":
                if c == "\r" and i + 1 < n and text[i + 1] == "\n":
                    i += 2
                else:
                    i += 1
                line += 1
                fields.append("".join(field))
                break
            field.append(c)
            field_start = False
            i += 1
        if len(fields) == 1 and not quoted and fields[0].strip() == "":
            continue
        yield start, fields


def read_table(path):
    """Return (header_fields, [(line, fields)])."""
    text = decode(path)
    delim = detect_delimiter(text)
    recs = list(parse_records(text, delim))
    if not recs:
        return [], []
    return recs[0][1], recs[1:]


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------
GUARD_CHARS = ("=", "+", "-", "@", "\t", "\r")


def guard(text):
    """Formula-injection guard for text that comes from the data."""
    if text and text.startswith(GUARD_CHARS):
        return "'" + text
    return text


def _quote(cell):
    if any(ch in cell for ch in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff")
        f.write(",".join(_quote(h) for h in header) + "\n")
        for row in rows:
            f.write(",".join(_quote("" if c is None else str(c)) for c in row) + "\n")


def find_table_file(data_dir, table):
    """`TABLE.csv` in the data folder, file names compared case-insensitively."""
    want = table + ".csv"
    matches = sorted(n for n in os.listdir(data_dir) if n.casefold() == want)
    for n in matches:
        p = os.path.join(data_dir, n)
        if os.path.isfile(p):
            return p
    return None
