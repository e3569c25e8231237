"""Appends the sources added in the seventeenth session of issue 14 to poisoning.jsonl, before any tuning on them.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. Sources are read at pinned commits.
Labels are the sources' own:

- msb: MCP Security Bench (MSB, ICLR 2026). Its tool-signature and tool-parameter attacks are served as MCP tool
  descriptions by the attack servers under `data/tools/attack_tools/` (FastMCP; the description is the function's
  docstring, cleaned as `inspect.cleandoc` does). Each server directory holds the benign server (a file without a `-`
  in its name) and one file per attack (`<server>-<attack>.py`). A tool description of an attack file that no benign
  file of its directory holds is poisoned: the preference-manipulation sentence put before the description, the
  out-of-scope parameter written into the description's `Args:` (the name of the calling model), or both. Attack files
  whose descriptions equal the benign ones (name overlap, tool transfer: the attack is in the name or in the result)
  add nothing. The benign servers' descriptions are clean. The prompt-injection attack's text (`PROMPT_INJECTION_TEMPLATE`
  of `data/prompt_template.py` with each `implementation` of `data/attack_task.jsonl` as its goal, as `main.py` builds
  `injection_content`) is what the benchmark puts among the tool descriptions: poisoned.
- mcp-audit: the tests of the mcp-audit scanner (`tests/test_scanners/test_tool_poisoning.py`) and the fixture server
  they scan (`fixtures/vulnerable_servers/vuln_tool_poison.py`). The fixture's tools whose description carries the
  instructions the embedded-instruction test counts (`get_weather`, `translate_text`, `summarize_doc`) and the hidden
  Unicode the hidden-Unicode test asserts (`check_balance`) are poisoned; `ping` and `echo`, which the clean-tool test
  asserts free of findings, are clean. The synthetic tests' descriptions: poisoned where the test asserts an
  embedded-instruction finding, clean where it asserts none. Left out: tools whose finding is the name (homoglyph,
  similar names) or the length, and the duplicate-name tests' descriptions (they assert on names only).
- supabase-mcp: the Supabase MCP server (`packages/mcp-server-supabase/src/tools/*.ts`, tests left out): every tool
  `description:` and zod `.describe(…)` parameter description written as one single-quoted literal (texts continued
  with `+`, template literals and interpolations left out). Clean.
"""
import ast
import json
import re

from common import append, description_rows, ls_at, show_at

TARGET = "../poisoning.jsonl"

rows, add = description_rows()

# --- msb ----------------------------------------------------------------------------------------------------------
REPO, COMMIT, LICENCE = "dongsenzhang/MSB", "c1d6a70171e4d2c44c87a2ae909d13df00c6aa8d", "MIT"
SERVERS = "data/tools/attack_tools/"


def tool_descriptions(path):
    """(tool name, description) of each @mcp.tool() function of a FastMCP server file (nested ones too: the Word
    server registers its tools inside a function)."""
    for node in ast.walk(ast.parse(show_at(REPO, COMMIT, path))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                "tool" in ast.unparse(d) for d in node.decorator_list):
            text = ast.get_docstring(node, clean=True)
            if text:
                yield node.name, text


directories = {}
for path in sorted(p for p in ls_at(REPO, COMMIT) if p.startswith(SERVERS) and p.endswith(".py")):
    directory, name = path.rsplit("/", 1)
    if directory + "/" == SERVERS or "/word_document_server/" in path + "/":
        continue  # the package's launcher; the Word server's helper package (no tools of its own served)
    directories.setdefault(directory, []).append((name, path))

for directory, files in sorted(directories.items()):
    benign = [path for name, path in files if "-" not in name]
    benign_texts = set()
    for path in benign:
        for name, text in tool_descriptions(path):
            benign_texts.add(text)
            add("msb", REPO, COMMIT, path, LICENCE, 0, text, "description", name)
    for name, path in files:
        if "-" not in name:
            continue
        for tool, text in tool_descriptions(path):
            if text not in benign_texts:
                add("msb", REPO, COMMIT, path, LICENCE, 1, text, "description", tool)

template = ast.parse(show_at(REPO, COMMIT, "data/prompt_template.py"))
injection = next(n.value.value for n in template.body
                 if isinstance(n, ast.Assign) and n.targets[0].id == "PROMPT_INJECTION_TEMPLATE")
for line in show_at(REPO, COMMIT, "data/attack_task.jsonl").splitlines():
    if line.strip():
        task = json.loads(line)
        add("msb", REPO, COMMIT, "data/prompt_template.py", LICENCE, 1, injection.replace("{goal}", task["implementation"]),
            "description", task["attack_task"])

# --- mcp-audit ----------------------------------------------------------------------------------------------------
REPO, COMMIT, LICENCE = "richardspicer/mcp-audit", "efec13234bf1cb75973c5e58673bb8c4c9539904", "Apache-2.0"
FIXTURE = "fixtures/vulnerable_servers/vuln_tool_poison.py"
FIXTURE_LABELS = {"get_weather": 1, "translate_text": 1, "summarize_doc": 1, "check_balance": 1, "ping": 0, "echo": 0}
for node in ast.parse(show_at(REPO, COMMIT, FIXTURE)).body:
    if isinstance(node, ast.FunctionDef) and node.name in FIXTURE_LABELS:
        add("mcp-audit", REPO, COMMIT, FIXTURE, LICENCE, FIXTURE_LABELS[node.name], ast.get_docstring(node, clean=True),
            "description", node.name)

TESTS = "tests/test_scanners/test_tool_poisoning.py"
# The synthetic embedded-instruction tests: a finding asserted (>= 1) is poisoned, `findings == []` is clean.
SYNTHETIC = {"test_instruction_pattern_important_tag": 1, "test_instruction_pattern_ignore_previous": 1,
             "test_preference_manipulation_detected": 1, "test_clean_description_no_findings": 0}
for node in ast.walk(ast.parse(show_at(REPO, COMMIT, TESTS))):
    if isinstance(node, ast.FunctionDef) and node.name in SYNTHETIC:
        for d in ast.walk(node):
            if isinstance(d, ast.Dict):
                for key, value in zip(d.keys, d.values):
                    if isinstance(key, ast.Constant) and key.value == "description":
                        add("mcp-audit", REPO, COMMIT, TESTS, LICENCE, SYNTHETIC[node.name], value.value, "description",
                            node.name)

# --- supabase-mcp -------------------------------------------------------------------------------------------------
REPO, COMMIT, LICENCE = "supabase-community/supabase-mcp", "17fb90f8655ad1ce7ee320614d22eb68bb26e510", "Apache-2.0"
TOOL = re.compile(r"\bdescription:\s*'((?:[^'\\\n]|\\.)*)'\s*,")
PARAMETER = re.compile(r"\.describe\(\s*'((?:[^'\\\n]|\\.)*)'\s*,?\s*\)")


def unescape(text):
    return re.sub(r"\\(.)", r"\1", text)


for path in sorted(p for p in ls_at(REPO, COMMIT) if p.startswith("packages/mcp-server-supabase/src/tools/")
                   and p.endswith(".ts") and ".test." not in p):
    source = show_at(REPO, COMMIT, path)
    for match in TOOL.finditer(source):
        add("supabase-mcp", REPO, COMMIT, path, LICENCE, 0, unescape(match.group(1)), "description", path)
    for match in PARAMETER.finditer(source):
        add("supabase-mcp", REPO, COMMIT, path, LICENCE, 0, unescape(match.group(1)), "parameter", path)

if __name__ == "__main__":
    print(append(TARGET, rows), "rows appended")
