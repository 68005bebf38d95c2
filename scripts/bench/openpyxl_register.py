"""The openpyxl peer of the 台账 benchmark: write the same rows (values, formulas, dates) in write-only mode.

Usage: python3 openpyxl_register.py <rows.json> <output.xlsx>
Prints one JSON line: {"seconds": …, "rows": …}. Reading the JSON is not timed; the clock runs from creating the
workbook to the saved file.
"""
import json
import sys
import time
from datetime import datetime, timedelta, timezone

from openpyxl import Workbook

OFFICE = timezone(timedelta(hours=8))


def cell(value):
    if isinstance(value, dict):
        if "f" in value:
            return "=" + value["f"]
        if "d" in value:
            # The office's wall-clock time, as the app writes it (a naive datetime).
            return datetime.fromisoformat(value["d"].replace("Z", "+00:00")).astimezone(OFFICE).replace(tzinfo=None)
    return value


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as handle:
        sheets = json.load(handle)
    # Convert before the clock starts: the peer is timed on writing, as ours is.
    prepared = [(sheet["name"], sheet["header"], [[cell(value) for value in row] for row in sheet["rows"]]) for sheet in sheets]
    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    rows = 0
    for name, header, body in prepared:
        sheet = workbook.create_sheet(title=name)
        sheet.append(header)
        for row in body:
            sheet.append(row)
            rows += 1
    workbook.save(target)
    print(json.dumps({"seconds": time.perf_counter() - started, "rows": rows}))


if __name__ == "__main__":
    main()
