"""Appends the sources added in the eleventh session of issue 14 to poisoning.jsonl, before any tuning on them.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. Every source is read at a pinned commit.
Labels are the sources' own:

- mcp-shield: the example servers of the MCP-Shield scanner. `bad-mcp-server.js` names the vulnerability of each
  tool in a comment above it: the tools whose attack is in the description (hidden instructions, shadowing, sensitive
  file access, the description served once a trigger file exists) are poisoned; the fact tool as first served and the
  WhatsApp server's tool are clean; the weather tool is left out (its attack is in parameter names, its description
  is plain).
- mcp-poison: the fixtures of the mcp-poison scanner, one tool list per technique (`t1_…`, `t3_…`, `t4_…_a`, `t8_…`
  poisoned; `clean_calculator.json` and the cross-server target `t4_…_b` clean); `t6_param_names.json` is left out
  (its attack is a property name, its texts are plain).
- tool-poisoning-bench: the scenarios of a tool-poisoning benchmark. The descriptions its
  `tool_description_injection` scenarios put in place of a tool's are poisoned; the base tools' descriptions clean
  (its tool-output scenarios carry tool results, not descriptions, and are left out).
- mongodb-mcp-server: benign tool descriptions (`description = "…"`) and zod parameter descriptions (`.describe("…")`)
  of MongoDB's official MCP server, every one written as a single literal (a text built with an interpolation or a
  concatenation is left out). Added after the session's scanner changes, to check them on descriptions nobody here had
  read; measured once before any further change.
"""
import ast
import json
import re

from common import append, description_rows, ls_at, show_at

TARGET = "../poisoning.jsonl"

rows, add = description_rows()

# MCP-Shield (MIT): its example servers.
REPO, COMMIT = "riseandignite/mcp-shield", "379140c3555bf35c6f8f451ee320da24302e792e"
PATH = "mcp-servers-example/bad-mcp-server.js"
source = show_at(REPO, COMMIT, PATH)
POISONED = {"calculateSum", "sendEmail", "readFile"}
for match in re.finditer(r"server\.tool\(\s*'(\w+)',\s*`([^`]*)`", source):
    name, text = match.groups()
    if name in POISONED:
        add("mcp-shield", REPO, COMMIT, PATH, "MIT", 1, text, "description", name)
first, triggered = re.findall(r"factDescription = `([^`]*)`", source)
add("mcp-shield", REPO, COMMIT, PATH, "MIT", 0, first, "description", "getFactOfTheDay")
add("mcp-shield", REPO, COMMIT, PATH, "MIT", 1, triggered, "description", "getFactOfTheDay (after its trigger)")
PATH = "mcp-servers-example/mcp-whatsapp.js"
for name, text in re.findall(r"server\.tool\(\s*'(\w+)',\s*`([^`]*)`", show_at(REPO, COMMIT, PATH)):
    add("mcp-shield", REPO, COMMIT, PATH, "MIT", 0, text, "description", name)

# mcp-poison (MIT): its scanner's fixtures, one tool list each.
REPO, COMMIT = "SamsonCyber/mcp-poison", "19ddfa8c686e6aacf697d2e42e0c85efaca78fe5"
FIXTURES = {"fixtures/t1_description_poison.json": 1, "fixtures/t3_line_jump.json": 1, "fixtures/t4_cross_server_a.json": 1,
            "fixtures/t8_ansi.json": 1, "fixtures/clean_calculator.json": 0, "fixtures/t4_cross_server_b.json": 0}
for path, label in FIXTURES.items():
    for tool in json.loads(show_at(REPO, COMMIT, path))["tools"]:
        for member in ("title", "description"):
            if member in tool:
                add("mcp-poison", REPO, COMMIT, path, "MIT", label, tool[member], "description", tool["name"])
        for name, schema in tool.get("inputSchema", {}).get("properties", {}).items():
            if "description" in schema:
                add("mcp-poison", REPO, COMMIT, path, "MIT", label, schema["description"], "parameter", tool["name"] + "." + name)

# tool-poisoning-bench (MIT): the descriptions of its scenarios.
REPO, COMMIT, PATH = "harryc295/tool-poisoning-bench", "9a5c49669f2e50da8e7cfc571ff35dc77cccb034", "scenarios.py"
for node in ast.walk(ast.parse(show_at(REPO, COMMIT, PATH))):
    if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "BASE_TOOLS" for t in node.targets):
        for name, tool in ast.literal_eval(node.value).items():
            add("tool-poisoning-bench", REPO, COMMIT, PATH, "MIT", 0, tool["function"]["description"], "description", name)
    elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Scenario":
        keywords = {k.arg: k.value for k in node.keywords}
        if ast.literal_eval(keywords["category"]) == "tool_description_injection":
            for name, text in ast.literal_eval(keywords["description_override"]).items():
                add("tool-poisoning-bench", REPO, COMMIT, PATH, "MIT", 1, text, "description", ast.literal_eval(keywords["id"]) + ":" + name)

# MongoDB's MCP server (Apache-2.0): tool and parameter descriptions of its tool packages.
REPO, COMMIT = "mongodb-js/mongodb-mcp-server", "36a405e33817577f0c5a34d6d9479c0285fac5e4"
LITERAL = r'(?:"((?:[^"\\\n]|\\.)*)"|`([^`$]*)`)'
for path in ls_at(REPO, COMMIT):
    if not path.startswith("packages/tools-") or not path.endswith(".ts") or "test" in path.lower():
        continue
    source = show_at(REPO, COMMIT, path)
    for pattern, field in ((r"\.describe\(\s*" + LITERAL + r"\s*\)", "parameter"),
                           (r"(?:public |override |readonly )*description\s*=\s*" + LITERAL + r"\s*;", "description")):
        for m in re.finditer(pattern, source):
            text = m.group(1) if m.group(1) is not None else m.group(2)
            if m.group(1) is not None:
                text = json.loads('"' + text.replace("\\'", "'") + '"')
            add("mongodb-mcp-server", REPO, COMMIT, path, "Apache-2.0", 0, text, field, "")

print(TARGET, "added", append(TARGET, rows))
