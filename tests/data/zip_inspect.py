#!/usr/bin/env python3
"""Opens a ZIP file with Python's zipfile module (a reader independent of the console) and prints
what it found as JSON on stdout:

  {"bad_crc": null | name, "entries": [{"name", "size", "compress_type", "utf8_flag"}, ...],
   "texts": {name: content decoded as UTF-8 (invalid bytes replaced)}}

bad_crc is zipfile.testzip()'s answer: the first entry whose CRC-32 does not match, or null.
A file that is not a valid ZIP ends with a non-zero exit status.
Used by tests/unit/tst_supportbundle.cpp.
"""
import json
import sys
import zipfile


def main() -> int:
    with zipfile.ZipFile(sys.argv[1]) as z:
        bad = z.testzip()
        entries = []
        texts = {}
        for info in z.infolist():
            entries.append({
                "name": info.filename,
                "size": info.file_size,
                "compress_type": info.compress_type,
                "utf8_flag": bool(info.flag_bits & 0x800),
            })
            texts[info.filename] = z.read(info).decode("utf-8", errors="replace")
    json.dump({"bad_crc": bad, "entries": entries, "texts": texts}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
