"""Appends the sources added in the twentieth session of issue 14 to poisoning.jsonl, before any tuning on them.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. Sources are read at pinned commits.
Labels are the sources' own:

- atr: Agent Threat Rules (ATR), a rule set for AI-agent threats, read from a public fork holding its `rules/` tree
  (willweimike/agent-threat-rules). Each rule carries test cases (`true_positives` expected to trigger,
  `true_negatives` expected not to). Read: the rules whose detection conditions read the `tool_description` field
  (the rules that scan MCP tool descriptions), and of their test cases those whose only text is a
  `tool_description`; a true positive is poisoned, a true negative clean. Test cases of other rules (a user's input,
  a tool's response or arguments, where `tool_description` at most names the tool) are left out.
- firecrawl-mcp: Firecrawl's MCP server (`src/*.ts`): every tool `description:` and zod `.describe(…)` parameter
  description written as literals (a template literal with an interpolation, or a value built in code, left out),
  as the server sends them. Clean.
"""
import re

import yaml

from common import append, description_rows, ls_at, sample, show_at
from js_literals import described

TARGET = "../poisoning.jsonl"

rows, add = description_rows()

# --- atr ----------------------------------------------------------------------------------------------------------
REPO, COMMIT, LICENCE = "willweimike/agent-threat-rules", "d0d407370057378b6080deeb9cf43c6bf992374b", "MIT"
TEXT_KEYS = {"input", "tool_description", "tool_response", "tool_args", "tool_name", "tool_call", "content",
             "agent_output"}


def fields_read(rule):
    conditions = (rule.get("detection") or {}).get("conditions") or []
    items = conditions if isinstance(conditions, list) else list(conditions.values())
    return {c["field"] for c in items if isinstance(c, dict) and "field" in c}


for path in sorted(p for p in ls_at(REPO, COMMIT) if p.startswith("rules/") and p.endswith(".yaml")):
    rule = yaml.safe_load(show_at(REPO, COMMIT, path))
    if "tool_description" not in fields_read(rule):
        continue
    cases = rule.get("test_cases") or {}
    for kind, label in (("true_positives", 1), ("true_negatives", 0)):
        for case in cases.get(kind) or []:
            if not isinstance(case, dict) or set(case) & TEXT_KEYS != {"tool_description"}:
                continue
            add("atr", REPO, COMMIT, path, LICENCE, label, case["tool_description"], "description",
                f"{rule['id']} {kind}")

# --- firecrawl-mcp ------------------------------------------------------------------------------------------------
REPO, COMMIT, LICENCE = "firecrawl/firecrawl-mcp-server", "678c92a430849b8be90e70f3c0607ac1c8b0bee8", "MIT"
found = []
for path in sorted(p for p in ls_at(REPO, COMMIT) if re.fullmatch(r"src/[^/]+\.ts", p)):
    source = show_at(REPO, COMMIT, path)
    found.extend((text, field, path) for text, field in described(source, True))
unique = {}
for text, field, path in found:
    unique.setdefault(text.strip(), (field, path))
for text, (field, path) in sample(sorted(unique.items()), 260, 20):
    add("firecrawl-mcp", REPO, COMMIT, path, LICENCE, 0, text, field, path)

if __name__ == "__main__":
    print(append(TARGET, rows), "rows appended")
