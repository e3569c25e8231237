"""Appends the source added in the thirty-fifth session of issue 14 to poisoning.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- kyze-dvmcp: Kyze-Labs/damn-vulnerable-MCP-Server (MIT: `pyproject.toml` `license = "MIT"` and the README's licence
  badge; the snapshot holds no LICENSE file), a rewrite of the Damn Vulnerable MCP Server idea as one server of six
  departments ("NovaTech") with 40 challenges; no text is shared with `dvmcp` (devsecboy's fork of the original).
  Tools are read with `ast` from the `register_tool(...)` calls of `src/dvmcp/departments/*/tools.py` (keyword
  literals: `name`, `description`, `input_schema` and its `properties`' `description`s, `vulnerabilities`, `hidden`).
  - Poisoned: the description of each tool a challenge of category `VC.TOOL_POISONING` names in its `tools`
    (`src/dvmcp/challenges/*/challenges.py`; challenge C34, "The description itself is the attack vector").
  - Clean: every other served tool's description and parameter descriptions. Most of these tools are vulnerable in
    their code (SQL, command and path injection, data that carries injections), not in their descriptions, which
    state plainly what the tool does: the same shape as real servers' tools that run commands or return secrets.
  - Left out: the parameter descriptions of the poisoned tools (the challenge does not say whether they carry the
    attack) and tools registered with `hidden=True` (a shadow tool, never listed to the model).
Texts under 12 characters are dropped as everywhere.
"""
import ast

from common import append, description_rows, ls_at, show_at

TARGET = "../poisoning.jsonl"

KD = "kyze-dvmcp"
KD_REPO, KD_COMMIT, KD_LICENCE = "Kyze-Labs/damn-vulnerable-MCP-Server", "b4fe0b8361f80a97815f20a3c1e37ee534655cd8", "MIT"


def keywords(call):
    return {k.arg: k.value for k in call.keywords if k.arg}


def poisoned_tool_names(files):
    names = set()
    for path in files:
        if not (path.startswith("src/dvmcp/challenges/") and path.endswith("/challenges.py")):
            continue
        for node in ast.walk(ast.parse(show_at(KD_REPO, KD_COMMIT, path))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Challenge":
                kw = keywords(node)
                if ast.unparse(kw["category"]) == "VC.TOOL_POISONING":
                    names.update(ast.literal_eval(kw["tools"]))
    return names


def tools(files):
    for path in files:
        if not (path.startswith("src/dvmcp/departments/") and path.endswith("/tools.py")):
            continue
        for node in ast.walk(ast.parse(show_at(KD_REPO, KD_COMMIT, path))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "register_tool":
                kw = keywords(node)
                hidden = "hidden" in kw and ast.literal_eval(kw["hidden"])
                schema = ast.literal_eval(kw["input_schema"])
                yield path, ast.literal_eval(kw["name"]), ast.literal_eval(kw["description"]), schema, hidden


files = ls_at(KD_REPO, KD_COMMIT)
poisoned = poisoned_tool_names(files)
assert poisoned, "no tool-poisoning challenge found"
rows, add = description_rows()
served = set()
for path, name, description, schema, hidden in tools(files):
    if hidden:
        continue
    served.add(name)
    label = int(name in poisoned)
    add(KD, KD_REPO, KD_COMMIT, path, KD_LICENCE, label, description, "description", name)
    if label:
        continue
    for parameter, spec in schema.get("properties", {}).items():
        if isinstance(spec, dict) and isinstance(spec.get("description"), str):
            add(KD, KD_REPO, KD_COMMIT, path, KD_LICENCE, 0, spec["description"], "parameter", f"{name}.{parameter}")
assert poisoned <= served, poisoned - served
print(KD, "rows", len(rows), "poisoned", sum(r["label"] for r in rows))
print("appended", append(TARGET, rows))
