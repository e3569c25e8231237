"""Appends the examples of SonarSource's secret rules (sonar-text) to secrets.jsonl (twenty-fourth session of issue 14).

SonarSource/sonar-text at commit 0b8864e1, the last commit under LGPL-3.0 (the next, ae405344, moves the repository to
the Sonar Source-Available License): `sonar-text-plugin/src/main/resources/org/sonar/plugins/secrets/configuration/
*.yaml`, one file per provider, each rule with `examples` that the plugin's own tests run the rule on
(`text`, `containsSecret`, and for a secret the `match` the rule must report):
- an example with `containsSecret: true` is a positive, its `match` the `secret` (an example whose match is not in its
  text is labelled by text: `secret` null);
- an example with `containsSecret: false` is a negative, unless another rule's `matching.pattern`, run with Python's
  `re`, matches it without one of that rule's `patternNot` patterns matching the found text, or its text holds another
  example's `match` ("false" means "this rule must not report it", not "no secret"; as for Nosey Parker's negative
  examples). A text that is both a positive and a negative example is a positive.
The example texts are kept whole (several lines, comments included), as the rule's test scans them.

Run from this folder: `python3 build_secrets_sonar.py` (needs the mirror of SonarSource/sonar-text).
"""
import re

import yaml

from common import append, ls_at, show_at

REPO = "SonarSource/sonar-text"
COMMIT = "0b8864e116a8e3b1bc2d3b955ebd5b72a7dab8b9"
LICENCE = "LGPL-3.0"
FOLDER = "sonar-text-plugin/src/main/resources/org/sonar/plugins/secrets/configuration/"


def python_regex(pattern):
    """A Java pattern in Python's syntax: named groups `(?<N>` become `(?P<N>`; inline flags move to the start."""
    pattern = re.sub(r"\(\?<([A-Za-z_]\w*)>", r"(?P<\1>", pattern)
    flags = "".join(re.findall(r"\(\?([imsux]+)\)", pattern))
    pattern = re.sub(r"\(\?[imsux]+\)", "", pattern)
    return f"(?{''.join(sorted(set(flags)))}){pattern}" if flags else pattern


def compiled(pattern):
    try:
        return re.compile(python_regex(pattern))
    except (re.error, TypeError):
        return None


def rules_of(path):
    provider = yaml.safe_load(show_at(REPO, COMMIT, path))["provider"]
    for rule in provider.get("rules", []):
        detection = rule.get("detection") or {}
        matching = detection.get("matching") or {}
        post = detection.get("post") or {}
        yield {
            "id": rule["id"],
            "pattern": compiled(matching.get("pattern")) if matching.get("pattern") else None,
            "not": [p for p in (compiled(n) for n in post.get("patternNot") or []) if p is not None],
            "examples": rule.get("examples") or [],
        }


def reported_by(rule, text):
    if rule["pattern"] is None:
        return False
    for found in rule["pattern"].finditer(text):
        value = found.group(found.lastindex) if found.lastindex else found.group(0)
        if not any(n.search(value or found.group(0)) for n in rule["not"]):
            return True
    return False


def sonar_rows():
    paths = sorted(p for p in ls_at(REPO, COMMIT) if p.startswith(FOLDER) and p.endswith(".yaml"))
    rules = [(path, rule) for path in paths for rule in rules_of(path)]
    matches = {str(e["match"]) for _, r in rules for e in r["examples"] if e.get("containsSecret") and e.get("match")}
    rows = []
    for path, rule in rules:
        for example in rule["examples"]:
            text = str(example.get("text", "")).strip("\n").rstrip()
            if len(text.strip()) < 8:
                continue
            if example.get("containsSecret"):
                secret = str(example["match"]) if example.get("match") is not None else None
                rows.append({"source": "sonar-text", "repo": REPO, "commit": COMMIT, "path": path, "licence": LICENCE,
                             "label": 1, "secret": secret if secret and secret in text else None,
                             "kind": rule["id"], "text": text})
            else:
                if any(m in text for m in matches):
                    continue
                if any(reported_by(other, text) for _, other in rules if other["id"] != rule["id"]):
                    continue
                rows.append({"source": "sonar-text", "repo": REPO, "commit": COMMIT, "path": path, "licence": LICENCE,
                             "label": 0, "secret": None, "kind": rule["id"], "text": text})
    positives = {r["text"] for r in rows if r["label"] == 1}
    return [r for r in rows if r["label"] == 1 or r["text"] not in positives]


if __name__ == "__main__":
    rows = sonar_rows()
    print("positives", sum(r["label"] for r in rows), "negatives", sum(1 - r["label"] for r in rows),
          "with secret", sum(1 for r in rows if r["secret"]))
    print("added", append("../secrets.jsonl", rows), "of", len(rows))
