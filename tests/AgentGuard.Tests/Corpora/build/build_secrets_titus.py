"""Appends the examples of Titus's secret rules to secrets.jsonl (twenty-fifth session of issue 14).

praetorian-inc/titus (Apache-2.0), commit 369d8dc4: `pkg/rule/rules/*.yml`, the rules of Praetorian's Go successor to
Nosey Parker (the same rule format; Nosey Parker's rules carried over, several hundred of its own added since). Read as
Nosey Parker's and Kingfisher's rules are read (`build_secrets.py`):
- each rule's `examples` is a positive, its `secret` the last group the rule's own pattern captures in the example (in
  a URL the password before `@`; in a captured connection string its `Password` value; a separator a lazy gap lets
  into the capture stripped), null when Python cannot run the pattern or it does not match the example (any finding in
  the line counts);
- each rule's `negative_examples` is a negative, unless another kept rule's pattern matches it (a negative example
  means "this rule must not match", not "no secret"), or the rule's text marks its negatives with a FIXME (credentials
  the rule misses, not clean text);
- left out: helper rules that only identify (`visible: false`), rules that only identify (category `identifier`
  without `secret`: account ids, client ids) or are public by design (`Public` in the name), and examples whose text
  the file already holds (the first copy keeps its source: most of Nosey Parker's and many of Kingfisher's examples).

Run from this folder: `python3 build_secrets_titus.py` (needs the mirror of praetorian-inc/titus).
"""
import re

import yaml

from common import append, ls_at, show_at

REPO = "praetorian-inc/titus"
COMMIT = "369d8dc4359a2d70629e0fe7732d3244a3315efc"
LICENCE = "Apache-2.0"


def secret_of(match, example):
    """The last captured group; in a URL the group right before '@'; in a captured connection string its Password."""
    spans = [(match.start(i), match.end(i)) for i in range(1, (match.re.groups or 0) + 1) if match.group(i)]
    if not spans:
        return match.group(0)
    start, end = next(((a, b) for a, b in spans if example[b:b + 1] == "@"), spans[-1])
    secret = example[start:end]
    password = re.search(r"(?i)password\s*=\s*([^;\s]+)", secret)
    secret = password.group(1) if password and secret != password.group(1) else secret
    userinfo = re.match(r"^(?:[a-z][a-z0-9+.\-]*:)+(?://)?[^:/@\s]+:(\S+)@[^@\s]*$", secret)
    return (userinfo.group(1) if userinfo else secret).lstrip(" \t=")


def titus_rules():
    rules = []
    for path in sorted(p for p in ls_at(REPO, COMMIT) if re.match(r"pkg/rule/rules/[^/]+\.yml$", p)):
        text = show_at(REPO, COMMIT, path)
        # A rule's own text runs from its `- name:` line to the next (files indent their rule lists differently).
        chunks = re.split(r"\n(?=[ \t]*- name:)", text)
        for rule in (yaml.safe_load(text) or {}).get("rules") or []:
            categories = rule.get("categories") or []
            if rule.get("visible") is False or ("identifier" in categories and "secret" not in categories) \
                    or "Public" in rule["name"]:
                continue
            own = next((c for c in chunks if re.search(r"id:\s*['\"]?" + re.escape(rule["id"]) + r"\b", c)), "")
            try:
                pattern = re.compile(rule["pattern"])
            except re.error:
                pattern = None
            rules.append((path, rule, pattern, "FIXME" in own))
    return rules


def row(path, label, secret, kind, text):
    return {"source": "titus", "repo": REPO, "commit": COMMIT, "path": path, "licence": LICENCE, "label": label,
            "secret": secret, "kind": kind, "text": text}


def titus_rows():
    rules = titus_rules()
    rows = []
    for path, rule, pattern, fixme in rules:
        for example in rule.get("examples") or []:
            text = example.strip("\n").rstrip("\r")
            if not text.strip() or len(text) > 4000:
                continue
            match = pattern.search(example) if pattern else None
            secret = secret_of(match, example) if match else None
            rows.append(row(path, 1, secret if secret and secret in text else None, rule["id"], text))
        if fixme:
            continue
        for example in rule.get("negative_examples") or []:
            text = example.strip("\n").rstrip("\r")
            if len(text.strip()) < 8:
                continue
            if any(other is not rule and other_pattern and other_pattern.search(example)
                   for _, other, other_pattern, _ in rules):
                continue
            rows.append(row(path, 0, None, rule["id"], text))
    positives = {r["text"] for r in rows if r["label"] == 1}
    return [r for r in rows if r["label"] == 1 or r["text"] not in positives]


if __name__ == "__main__":
    rows = titus_rows()
    print("positives", sum(r["label"] for r in rows), "negatives", sum(1 - r["label"] for r in rows),
          "with secret", sum(1 for r in rows if r["secret"]))
    print("added", append("../secrets.jsonl", rows), "of", len(rows))
