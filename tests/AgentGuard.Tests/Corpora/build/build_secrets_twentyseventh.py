"""Appends CredSweeper's test samples to secrets.jsonl (twenty-seventh session of issue 14).

Samsung/CredSweeper (MIT), commit 1ed2ca5c: the files of `tests/samples/`, labelled by `tests/data/output.json`, the
report of a default scan of that folder (filters and the machine-learning validation on) that CredSweeper's own tests
assert (`SAMPLES_POST_CRED_COUNT`, `test_main.py`/`test_app.py` compare a fresh scan with it):
- a positive is a line holding a credential that report lists, with the line as it stands in the sample file (its
  context) and the reported `value` as `secret`; a line with several different reported values is labelled by line
  (`secret` null: any finding counts). A PEM key reported over several lines is one sample from its BEGIN line to its
  END line, its `secret` the text from the first reported value to the last (null when the key's lines carry a prefix,
  as in a log, so that the key is not one span). For a finding of two parts on two places (`AWS Multi`, `Google Multi`,
  `Alibaba Multi`, `JWK`: an identifier and its secret) the secret part is the positive;
- left out as not credentials: the findings of CredSweeper's `info` rules (`UUID`, `AWS S3 Bucket`, `Firebase Domain`,
  `Dropbox App secret`, `OTP / 2FA Secret`), of the `Nonce` and `Salt` rules, and of the rules that only identify
  (`AWS Client ID`, `Alibaba Access Key ID`, `Tencent WeChat API App ID`), and the one finding in the sample named for a
  client id (`square_client_id`); findings whose value is not in the file's line (an XML entity decoded) and files that
  are not UTF-8 text (archives, documents, images, the two re-encoded patches);
- a negative is any other line (8 or more characters, stripped) of a UTF-8 text sample that the report does not list
  at all — including lines the default scan's filters or machine-learning step reject, which the tests assert as not
  reported; a line any finding of the report lists (kept or left out) is no negative, nor is the text of a positive,
  nor a line that the other asserted scans report at the default threshold (`depth_3_pedantic.json`; `doc.json`, the
  documentation mode, run at threshold 0, counted where its `ml_probability` is at least the default 0.62204 or the
  rule has no ML step): those are credentials in CredSweeper's stricter modes, not clean lines.
Texts the file already holds keep their first source.

Run from this folder: `python3 build_secrets_twentyseventh.py` (needs the mirror of Samsung/CredSweeper).
"""
import json

from common import append, ls_at, show_at

REPO = "Samsung/CredSweeper"
COMMIT = "1ed2ca5cdd480667b938024464a37589b9af8564"
LICENCE = "MIT"
REPORT = "tests/data/output.json"
# The other scans the tests assert at CredSweeper's default threshold: a deeper pedantic scan, and the documentation
# mode (scanned at threshold 0, so its findings count here at the default "medium" threshold or without an ML step).
OTHER_REPORTS = ["tests/data/depth_3_pedantic.json", "tests/data/doc.json"]
MEDIUM_THRESHOLD = 0.62204  # credsweeper/ml_model/ml_config.json
NOT_CREDENTIALS = {"UUID", "AWS S3 Bucket", "Firebase Domain", "Dropbox App secret", "OTP / 2FA Secret", "Nonce", "Salt",
                   "AWS Client ID", "Alibaba Access Key ID", "Tencent WeChat API App ID"}
IDENTIFIER_SAMPLES = {"tests/samples/square_client_id"}


def text_lines(path):
    """The lines of a UTF-8 text sample, or None for a binary or otherwise encoded file."""
    try:
        text = show_at(REPO, COMMIT, path)
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    return text.replace("\r\n", "\n").split("\n")


def row(path, label, secret, kind, text):
    return {"source": "credsweeper", "repo": REPO, "commit": COMMIT, "path": path, "licence": LICENCE, "label": label,
            "secret": secret, "kind": kind, "text": text}


def credsweeper_rows():
    report = json.loads(show_at(REPO, COMMIT, REPORT))
    files = {}
    reported = set()  # (path, line number) of every finding, kept or not: never a negative
    for finding in report:
        for entry in finding["line_data_list"]:
            reported.add((entry["path"][2:], entry["line_num"]))
    for other in OTHER_REPORTS:
        for finding in json.loads(show_at(REPO, COMMIT, other)):
            if finding["ml_probability"] is None or finding["ml_probability"] >= MEDIUM_THRESHOLD:
                for entry in finding["line_data_list"]:
                    reported.add((entry["path"][2:], entry["line_num"]))

    singles = {}  # (path, line number) -> (rule names, values)
    blocks = []
    for finding in report:
        entries = finding["line_data_list"]
        path = entries[0]["path"][2:]
        if finding["rule"] in NOT_CREDENTIALS or path in IDENTIFIER_SAMPLES:
            continue
        if path not in files:
            files[path] = text_lines(path)
        lines = files[path]
        if lines is None:
            continue
        if "PEM" in finding["rule"] and len(entries) > 1:
            blocks.append((path, finding["rule"], entries))
            continue
        entry = entries[-1]  # a finding of two parts: the secret is its last part
        line = lines[entry["line_num"] - 1]
        if entry["value"] not in line:
            continue
        rules, values = singles.setdefault((path, entry["line_num"]), ([], []))
        rules.append(finding["rule"])
        values.append(entry["value"])

    rows = []
    for (path, number), (rules, values) in sorted(singles.items()):
        text = files[path][number - 1]
        distinct = sorted(set(values), key=len, reverse=True)
        # One secret when every reported value lies inside the longest (the same key found by two rules).
        secret = distinct[0] if all(v in distinct[0] for v in distinct) else None
        rows.append(row(path, 1, secret, " / ".join(sorted(set(rules))), text))

    for path, rule, entries in blocks:
        lines = files[path]
        first, last = entries[0]["line_num"] - 1, entries[-1]["line_num"] - 1
        if last + 1 < len(lines) and "-----END" in lines[last + 1] and "-----END" not in lines[last]:
            last += 1
        text = "\n".join(lines[first:last + 1])
        start = lines[first].find(entries[0]["value"])
        end_line = lines[entries[-1]["line_num"] - 1]
        end = end_line.find(entries[-1]["value"]) + len(entries[-1]["value"])
        whole_lines = all(lines[e["line_num"] - 1].strip() == e["value"].strip() for e in entries[1:-1])
        secret = None
        if start >= 0 and whole_lines:
            offset = sum(len(l) + 1 for l in lines[first:entries[-1]["line_num"] - 1])
            secret = text[start:offset + end]
        rows.append(row(path, 1, secret, rule, text))
        for number in range(first + 1, last + 2):
            reported.add((path, number))

    positives = {r["text"] for r in rows}
    for path in sorted(p for p in ls_at(REPO, COMMIT) if p.startswith("tests/samples/")):
        lines = files[path] if path in files else text_lines(path)
        if lines is None:
            continue
        for number, line in enumerate(lines, 1):
            text = line.strip()
            if len(text) < 8 or (path, number) in reported or text in positives:
                continue
            rows.append(row(path, 0, None, None, text))
    return rows


if __name__ == "__main__":
    rows = credsweeper_rows()
    print("positives", sum(r["label"] for r in rows), "negatives", sum(1 - r["label"] for r in rows),
          "with secret", sum(1 for r in rows if r["secret"]))
    print("added", append("../secrets.jsonl", rows), "of", len(rows))
