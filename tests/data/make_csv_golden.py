#!/usr/bin/env python3
"""Writes tests/data/csv_export_golden.csv: what exporting the "golden" rows of
tests/e2e/tst_csv_export.cpp (kGoldenRows; same values, same order of insertion) must produce.

Written from the documented rules, independently of the console's SQL and C++:
  * records in ("timestamp" DESC, id DESC) order, CRLF after each, a header row first;
  * a field is quoted when it holds , " CR or LF or is an empty (non-null) string; quotes doubled;
  * text cells starting with = + - @ TAB CR LF or ＝ ＋ － ＠ get a leading ' unless the whole cell
    is a number (-5, +3.25, -1e5);
  * details: compact JSON (PostgreSQL's jsonb key order: shorter keys first), secrets masked.
    The compact, masked JSON is written out by hand below.
Run it only when the golden rows change, and review the diff.
"""
import re
import sys

NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
LEADS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20"


def guard(cell):
    if cell is None or cell == "" or cell[0] not in LEADS or NUMBER.match(cell):
        return cell
    return "'" + cell


def field(cell):
    if cell is None:
        return ""
    if cell == "" or any(c in cell for c in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


# (timestamp as exported, user_id, action, event_type, resource_type, resource_id, outcome,
#  compact masked details), already in export order.
ROWS = [
    ("2026-11-23T12:04:05.123456+00:00", "\t=cmd|' /C calc'!A0", "\r=1+2", "auth", "golden", "\n-2+3",
     "\uFF1D1+2", '{"after":{"password":"***"},"before":{"password":"***"}}'),
    ("2026-11-23T12:04:05.123456+00:00", '=1+2";=1+2', "@SUM(1+1)*cmd|' /C calc'!A0", "action", "golden", "+1",
     "-2+3", '{"note":"=1+2","token":"***"}'),
    ("2026-11-23T12:04:05.123455+00:00", "+", "-1e5", "admin", "golden", "@", "=",
     '{"a\\\\b":"c\\\\\\"d","list":[1,{"Authorization":"***"}],"Phone":"***"}'),
    ("2026-11-23T12:04:04.000001+00:00", "-5", "+3.25", "admin", "golden", "\uFF0D5", "\uFF0B1", "-5"),
    ("2026-01-02T03:04:05.000000+00:00", "\uFF20home", 'ok, "quoted"', "action", "golden", "", "line1\nline2",
     '{"n":1.50,"msg":"a \\"token\\": \\"x\\" inside","emails":"***"}'),
    ("1999-12-31T23:59:59.999999+00:00", None, "Gr\u00fc\u00dfe \u65e5\u672c \U0001F600", "auth", "golden",
     '=HYPERLINK("http://x")', "-", "{}"),
]

HEADER = ["timestamp", "user_id", "action", "event_type", "resource_type", "resource_id", "outcome", "details"]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "csv_export_golden.csv"
    lines = [",".join(HEADER)]
    for row in ROWS:
        lines.append(",".join(field(guard(c)) if i > 0 else field(c) for i, c in enumerate(row)))
    with open(out, "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("utf-8"))


if __name__ == "__main__":
    main()
