"""Appends the sources added in the tenth session of issue 14 to injection.jsonl, before any tuning on them.

The first build (build_injection.py) is not re-run: its rows stay as they are, line for line. New rows go after them,
each with its split fixed when written (FNV-1a, common.split_of); a text already in the file is not added again.
Every source is read at a pinned commit.

- llmail-emails: the clean e-mails of Microsoft's LLMail-Inject challenge (MIT), as its e-mail agent hands them to the
  model ("Subject of the email: ….   Body: …"): `fp_tests.json`, the e-mails the challenge's defences were checked not
  to flag, and the inboxes of its four levels (`level1.json` … `level4.json`). Read from a fork that keeps the agent's
  `data/` folder; benign tool results (label 0).
"""
import json

from common import append, show_at

TARGET = "../injection.jsonl"


rows = []

REPO = "microsoft/llmail-inject-challenge (via priyaradhakrishnan0/llmail-inject-challenge-1)"
MIRRORED, COMMIT = "priyaradhakrishnan0/llmail-inject-challenge-1", "d62499fb947c463a38a26f3d75af3e50865bdb32"
for name in ["fp_tests", "level1", "level2", "level3", "level4"]:
    path = f"src/agent/data/{name}.json"
    for email in json.loads(show_at(MIRRORED, COMMIT, path))["emails"]:
        rows.append({"source": "llmail-emails", "repo": REPO, "commit": COMMIT, "path": path, "licence": "MIT", "label": 0,
                     "kind": "clean-email", "text": email.strip()})

print(f"appended {append(TARGET, rows)} of {len(rows)} rows")
