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
import subprocess

from common import MIRROR, emit

TARGET = "../injection.jsonl"


def show(repo, commit, path):
    directory = f"{MIRROR}/{repo.replace('/', '+')}/repo"
    return subprocess.check_output(["git", "--git-dir", directory, "show", f"{commit}:{path}"]).decode("utf-8")


rows = []

REPO = "microsoft/llmail-inject-challenge (via priyaradhakrishnan0/llmail-inject-challenge-1)"
MIRRORED, COMMIT = "priyaradhakrishnan0/llmail-inject-challenge-1", "d62499fb947c463a38a26f3d75af3e50865bdb32"
for name in ["fp_tests", "level1", "level2", "level3", "level4"]:
    path = f"src/agent/data/{name}.json"
    for email in json.loads(show(MIRRORED, COMMIT, path))["emails"]:
        rows.append({"source": "llmail-emails", "repo": REPO, "commit": COMMIT, "path": path, "licence": "MIT", "label": 0,
                     "kind": "clean-email", "text": email.strip()})

with open(TARGET, encoding="utf-8") as existing:
    seen = {json.loads(line)["text"] for line in existing if line.strip()}
with open(TARGET, "a", encoding="utf-8") as out:
    written = emit(out, rows, seen)
print(f"appended {written} of {len(rows)} rows")
