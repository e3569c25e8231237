"""Appends octarinesec/secret-detector's detector tests to secrets.jsonl (thirty-second session of issue 14).

octarinesec/secret-detector (Apache-2.0, `LICENSE`), commit c95dd332: a Go secret scanner (Octarine, later VMware
Carbon Black) with one detector per credential kind, each tested by `pkg/detectors/*/*_test.go` over a table of
`tests.TestCase{Name, Input, ExpectDetection}` that `tests.TestScan` runs: a case with `ExpectDetection` true must give
exactly one finding of the detector's type. Each such case's input, read from the Go literal as written (raw or
interpreted string; a case whose input is built by an expression, `"amzn.mws." + generateRandomUUID()`, is left out),
is a positive. Where the input is the credential alone (provider tokens, JWTs, the high-entropy strings) it is the
`secret`; where it holds a name, a scheme or a URL around the value (keyword, Basic/Bearer headers, URL passwords,
npm's `_authToken`, Azure's `AccountKey=`, the AWS secret-key rule's `aws"…"`) and for private-key blocks, the row is
labelled by line (any finding counts).
Positives only: a case with `ExpectDetection` false only says that detector must not match; the scanner's default
configuration also runs a generic high-entropy detector that may report the same input, and running the Go scanner was
not possible here, so those inputs are not labelled clean. Left out as not credentials: the AWS client id detector
(`AKIA…` identifiers) and the Twilio detector (its cases are account SIDs `AC…` and API key SIDs `SK…`, identifiers
whose secret is a separate auth token), as for the other sources. Many test values are placeholders
(`AKCabcXYZ1234`, `1234567890abcdef`, a key block with the body `wxyz+ABC=`), as the source writes them.

Run from this folder: `python3 build_secrets_thirtysecond.py` (needs the mirror of the repository at that commit).
"""
import re
import sys

from common import append, ls_at, show_at

REPO = "octarinesec/secret-detector"
COMMIT = "c95dd33250a452b25dffce869cbe3c38fa2894d8"
LICENCE = "Apache-2.0"
LEFT_OUT = {"pkg/detectors/aws/aws_client_id_detector_test.go", "pkg/detectors/twilio/twilio_auth_detector_test.go"}
BY_LINE = {"keyword", "basicauth", "bearerauth", "npm", "azure", "privatekey", "url_password", "aws_secret_key"}

LITERAL = r'(`[^`]*`|"(?:[^"\\\n]|\\.)*")'
CASE = re.compile(r'\{\s*' + LITERAL + r'\s*,\s*' + LITERAL + r'\s*,\s*(true|false)\s*\}')


def go_string(literal):
    if literal.startswith("`"):
        return literal[1:-1]
    body = literal[1:-1]
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "'": "'"}
    return re.sub(r"\\(.)", lambda m: escapes[m.group(1)], body)


def positives():
    rows = []
    for path in sorted(p for p in ls_at(REPO, COMMIT) if p.startswith("pkg/detectors/") and p.endswith("_detector_test.go")):
        if path in LEFT_OUT:
            continue
        detector = path.split("/")[-1].removesuffix("_detector_test.go")
        folder = path.split("/")[2]
        for m in CASE.finditer(show_at(REPO, COMMIT, path)):
            name, text, expected = go_string(m.group(1)), go_string(m.group(2)), m.group(3) == "true"
            if not expected or not text.strip():
                continue
            by_line = folder in BY_LINE or detector in BY_LINE
            rows.append({"source": "octarine-secret-detector", "repo": REPO, "commit": COMMIT, "path": path,
                         "licence": LICENCE, "label": 1, "secret": None if by_line else text,
                         "kind": f"{folder}: {name}", "text": text})
    return rows


if __name__ == "__main__":
    rows = positives()
    if "--dry" in sys.argv:
        for r in rows:
            print(r["label"], r["kind"], "|", repr(r["secret"])[:40], "|", r["text"][:100].replace("\n", "\\n"))
        print(len(rows))
    else:
        print("added", append("../secrets.jsonl", rows), "of", len(rows))
