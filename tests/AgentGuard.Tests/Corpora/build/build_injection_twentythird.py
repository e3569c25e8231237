"""Appends the source added in the twenty-third session of issue 14 to injection.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- moltshield: MoltShield (gtech/moltshield, MIT as its README and `package.json` state; the snapshot holds no LICENSE
  file), the curated indirect-injection cases of its benchmark framework (`tests/benchmarks/framework/datasets.ts`,
  `INDIRECT_INJECTION_CASES`). Each case pairs a user's request ("Summarize this document for me") with the content
  the request is about (`maliciousContent`: a document, an e-mail, a log, a README, a JSON or YAML file, a tool's
  result); its benchmark (`tests/benchmarks/experiments/indirect-injection.ts`) hands the model
  "User request: …\n\nContent to process:\n{maliciousContent}". The content is what a tool returns, so it alone is
  the text; the request is left out, as the CyberSecEval and garak rows leave theirs out. Cases of category
  `benign` (empty `injectionGoal`) are clean (label 0), every other case is injected (label 1), as the file labels
  them. The `BENIGN_PROMPTS` list of the same file holds user prompts, not content, and is left out.
"""
import re

from common import append, show_at
from js_literals import literal_at

TARGET = "../injection.jsonl"
SOURCE = "moltshield"
REPO, COMMIT = "gtech/moltshield", "8bba101b7dfc57052c43ea17960eaccd2f15aaa8"
PATH = "tests/benchmarks/framework/datasets.ts"


def field(block, name):
    """The value of `name: <string literal>` in one case's object literal."""
    m = re.search(rf"\b{name}:", block)
    value = literal_at(block, m.end())
    if value is None:
        raise ValueError(f"{name} is not a literal")
    return value[0]


src = show_at(REPO, COMMIT, PATH)
start = src.index("export const INDIRECT_INJECTION_CASES")
end = src.index("\n];", start)
body = src[start:end]
blocks = re.split(r"\n  \{\n", body)[1:]
rows = []
for block in blocks:
    category = field(block, "category")
    goal = field(block, "injectionGoal")
    text = field(block, "maliciousContent")
    label = 0 if category == "benign" else 1
    if (label == 0) != (goal == ""):
        raise ValueError(f"case {field(block, 'id')}: category and goal disagree")
    rows.append({"source": SOURCE, "repo": REPO, "commit": COMMIT, "path": PATH, "licence": "MIT", "label": label,
                 "kind": f"{category}", "text": text})

print(len(rows), "cases:", sum(r["label"] for r in rows), "injected,", sum(1 - r["label"] for r in rows), "clean")
print(TARGET, append(TARGET, rows))
