"""Appends semgrep-rules' secret-rule test files to secrets.jsonl (twenty-third session of issue 14).

semgrep/semgrep-rules (LGPL-2.1 with the Commons Clause condition), commit 157ae470: the test file of each rule in
`generic/secrets/security/` (`<rule>.txt`, or `.npmrc`, `.jsx`, `.php`, `.generic`), whose comment annotations say what
semgrep's own test run (`semgrep --test`) must find:
- a line after `ruleid: <rule>` (or `todoruleid:`, a line the rule should report but does not yet) is a positive,
  labelled by line (`secret` null: semgrep reports a match span, not a secret, so any finding in the sample counts);
- a line after `ok: <rule>` (or `todook:`) is a negative, unless the positive pattern of another kept rule matches it
  (an `ok:` means "this rule must not match", not "no secret"; the rules' plain `pattern-regex` patterns are run with
  Python's `re`, as for Nosey Parker's negative examples).
A `-----BEGIN …` line takes in the lines after it up to the next blank or annotation line (the tests hold key bodies
of one or more lines). The rules left out do not report credentials: an AWS account id, a Google OAuth client id, a
bcrypt hash, `/etc/shadow` entries, a SQL dump, and `"type": "service_account"` (a file type, not its key). The
`generic/secrets/gitleaks/` folder is left out too: its rules are copied from gitleaks' rule file.

Run from this folder: `python3 build_secrets_semgrep.py` (needs the mirror of semgrep/semgrep-rules at that commit).
"""
import re

import yaml

from common import append, ls_at, show_at

REPO = "semgrep/semgrep-rules"
COMMIT = "157ae4706d7f54aa33647332f234dd68f30da195"
LICENCE = "LGPL-2.1 with Commons Clause"
FOLDER = "generic/secrets/security/"
LEFT_OUT = {"detected-aws-account-id", "detected-google-oauth", "detected-bcrypt-hash", "detected-etc-shadow",
            "detected-sql-dump", "detected-google-gcm-service-account"}
ANNOTATION = re.compile(r"^\s*(?:#|//|<!--|/\*)\s*(todoruleid|ruleid|todook|ok)\s*:\s*([\w\-., ]+)")


def python_regex(pattern):
    """A semgrep (PCRE) pattern in Python's syntax: named groups `(?<N>` become `(?P<N>`; an inline flag group that is
    not at the start is moved to the start (PCRE applies it from there on, Python only at the start)."""
    pattern = re.sub(r"\(\?<([A-Za-z_]\w*)>", r"(?P<\1>", pattern.strip())
    flags = "".join(re.findall(r"\(\?([aiLmsux]+)\)", pattern))
    pattern = re.sub(r"\(\?[aiLmsux]+\)", "", pattern)
    return f"(?{flags}){pattern}" if flags else pattern


def positive_patterns(rule):
    """The plain positive regexes of a rule (`pattern-regex` alone or under `pattern-either`/`patterns`)."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "pattern-regex" and isinstance(value, str):
                    found.append(value)
                elif key in ("pattern-either", "patterns"):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk({k: v for k, v in rule.items() if k in ("pattern-regex", "pattern-either", "patterns")})
    compiled = []
    for pattern in found:
        try:
            compiled.append(re.compile(python_regex(pattern)))
        except re.error:
            pass
    return compiled


def semgrep_rows():
    files = [p for p in ls_at(REPO, COMMIT) if p.startswith(FOLDER) and p.count("/") == 3]
    rule_files = {p[len(FOLDER):].rsplit(".", 1)[0]: p for p in files if p.endswith((".yaml", ".yml"))}
    test_files = [p for p in files if not p.endswith((".yaml", ".yml"))]
    patterns = {}  # rule id -> its positive regexes, for the kept rules
    for stem, path in rule_files.items():
        if stem in LEFT_OUT:
            continue
        for rule in yaml.safe_load(show_at(REPO, COMMIT, path))["rules"]:
            patterns[rule["id"]] = positive_patterns(rule)

    rows = []
    for path in sorted(test_files):
        stem = path[len(FOLDER):].rsplit(".", 1)[0]
        if stem in LEFT_OUT:
            continue
        lines = show_at(REPO, COMMIT, path).replace("\r\n", "\n").split("\n")
        for index, line in enumerate(lines):
            annotation = ANNOTATION.match(line)
            if not annotation:
                continue
            kind, ids = annotation.group(1), [i.strip() for i in annotation.group(2).split(",") if i.strip()]
            target = index + 1
            while target < len(lines) and (not lines[target].strip() or ANNOTATION.match(lines[target])):
                target += 1
            if target >= len(lines):
                continue
            sample = [lines[target]]
            if lines[target].lstrip().startswith("-----BEGIN"):
                following = target + 1
                while following < len(lines) and lines[following].strip() and not ANNOTATION.match(lines[following]):
                    sample.append(lines[following])
                    following += 1
            text = "\n".join(sample).strip()
            if len(text) < 8:
                continue
            label = 1 if kind.endswith("ruleid") else 0
            if label == 0 and any(p.search(text) for rule_id, compiled in patterns.items() if rule_id not in ids
                                  for p in compiled):
                continue
            rows.append({"source": "semgrep", "repo": REPO, "commit": COMMIT, "path": path, "licence": LICENCE,
                         "label": label, "secret": None, "kind": ",".join(ids), "text": text})
    # A line annotated both ways (by two rules) is a positive.
    positives = {r["text"] for r in rows if r["label"] == 1}
    return [r for r in rows if r["label"] == 1 or r["text"] not in positives]


if __name__ == "__main__":
    rows = semgrep_rows()
    print("added", append("../secrets.jsonl", rows), "of", len(rows))
