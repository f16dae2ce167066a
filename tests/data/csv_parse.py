#!/usr/bin/env python3
"""Reads a CSV file with Python's csv module (an RFC 4180 reader independent of the console) and
prints what it found as JSON on stdout:

  {"bom": bool, "rows": [[cell, ...], ...], "crlf_records": n, "bare_line_breaks": n,
   "ends_with_crlf": bool}

bare_line_breaks counts CR or LF outside quoted fields that are not part of a CRLF record end.
Invalid UTF-8 or malformed quoting (strict mode) ends with a non-zero exit status.
Used by tests/e2e/tst_csv_export.cpp.
"""
import csv
import io
import json
import sys


def main() -> int:
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig" if bom else "utf-8")  # strict decoding
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))

    in_quotes = False
    bare = 0
    crlf = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c == '"':
            in_quotes = not in_quotes  # a doubled quote toggles twice
        elif not in_quotes and c == "\r":
            if text[i + 1:i + 2] == "\n":
                crlf += 1
                i += 1
            else:
                bare += 1
        elif not in_quotes and c == "\n":
            bare += 1
        i += 1

    json.dump({"bom": bom, "rows": rows, "crlf_records": crlf, "bare_line_breaks": bare,
               "ends_with_crlf": text.endswith("\r\n")}, sys.stdout, ensure_ascii=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
