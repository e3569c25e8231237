"""Appends the sources added in the thirty-second session of issue 14 to poisoning.jsonl, before any tuning on them.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. Each source is read at a pinned commit.

- mcp-lock: ace26597/mcp-lock (published as @blestlabs/mcp-lock; Apache-2.0, `LICENSE`), a lockfile and scanner for
  MCP servers (pins tool descriptions, reports drift, scans descriptions). The test servers its integration tests run
  (`tests/servers/*.mjs`, each a `TOOLS` array served on tools/list) and its rule tests (`tests/unit/rules.test.ts`):
  - `safe-server.mjs` (the test asserts no findings for it): every tool and parameter description clean;
  - `poisoned-server.mjs`: the tool descriptions its comments name as attacks 1-4 (exfiltration directive, instruction
    override, base64 to decode and execute, an HTML comment with a script) poisoned; attack 5, an over-permissioned
    tool whose description honestly says what it can do (found by the capability rule, not in the text's intent), and
    the attack server's parameter descriptions left out;
  - `drifted-server.mjs`, the rug pull the drift tests pin against the safe server: each tool description that differs
    from the safe server's description of the same tool poisoned (the comment names it an exfiltration directive); a
    tool the safe server does not have (drift by addition, not by text) left out; unchanged texts are the safe ones;
  - `rules.test.ts`: the description of each `suspicious-description` or `unicode-obfuscation` test asserting a finding
    in the description (`flags …`) poisoned, of each test asserting none (`passes …`) clean; the tests of a finding in
    the tool's name left out.
- mcp-hacking: tristanhausermannpernet/mcp-hacking (MIT, `LICENSE.txt`, "MCP Security Research"), three MCP attack
  demonstrations (raw JSON-RPC servers in Python; tool dictionaries read with `ast`): the `add_numbers` tool of
  `tool-poisoning-attack/poisoning-server.py` and of `tool-shadowing-attack/poisoning-server.py` poisoned (the README
  names their descriptions as the attack: reading a file, redirecting another server's e-mails); their parameter
  descriptions, every text of `tool-shadowing-attack/email-server.py` (the trusted server) and the plain `add_numbers`
  of `tool-baiting-attack/baiting-server.py` clean; the baiting server's `add_numbers_secure` left out (its attack is an
  appealing, false claim to be chosen, not a text that directs the agent).
- desktop-commander: wonderwhy-er/DesktopCommanderMCP (MIT, `LICENSE`, "Eduard Ruzga and Desktop Commander
  Contributors"), a popular MCP server for the terminal and the file system whose long tool descriptions tell the agent
  how and when to use each tool (capitals, IMPORTANT notes, ALWAYS/NEVER rules, which tool to call first). Every tool
  `description:` template literal of `src/server.ts` whose only interpolation is the constant `CMD_PREFIX_DESCRIPTION`
  (a plain literal in the same file, put in as the server puts it in); the descriptions that also interpolate
  `PATH_GUIDANCE` (computed at run time from the machine's operating system) are left out, and the file holds no literal
  parameter description. Clean, all of them. Added after mcp-lock and mcp-hacking were measured, before any scanner
  change (added in a second commit).
Texts under 12 characters are dropped as everywhere.
"""
import ast
import re

from common import append, description_rows, show_at
from js_literals import cook, literal_at

TARGET = "../poisoning.jsonl"

LOCK = "mcp-lock"
LOCK_REPO, LOCK_COMMIT, LOCK_LICENCE = "ace26597/mcp-lock", "0415c8022d38621744bbe2c6d25066ecefbf3fda", "Apache-2.0"

HACKING = "mcp-hacking"
HACKING_REPO, HACKING_COMMIT, HACKING_LICENCE = "tristanhausermannpernet/mcp-hacking", "b359e16d617805f2c3684c35805acf6eed916a9f", "MIT"

TOOL = re.compile(r"name:\s*\"(\w+)\",\s*((?://[^\n]*\n\s*)*)description:")
ATTACK = re.compile(r"//\s*Attack (\d+):")


def server_texts(path):
    """(tool name, field, text, attack number or None) of every literal description in one test server's TOOLS."""
    source = show_at(LOCK_REPO, LOCK_COMMIT, path)
    tools = list(TOOL.finditer(source))
    tool_at = {m.end(): m for m in tools}
    out = []
    for d in re.finditer(r"\bdescription:", source):
        value = literal_at(source, d.end())
        if not value:
            continue
        if d.end() in tool_at:
            m = tool_at[d.end()]
            before = source[max(0, m.start() - 200):m.start()]
            attacks = ATTACK.findall(before.rsplit("{", 1)[-1]) or ATTACK.findall(before)
            out.append((m.group(1), "description", value[0], int(attacks[-1]) if attacks else None))
        else:
            owner = [m for m in tools if m.end() < d.start()]
            out.append((owner[-1].group(1) if owner else None, "parameter", value[0], None))
    return out


POISONED_TESTS = {"flags exfiltration directives", "flags instruction override attempts",
                  "flags Cyrillic homoglyphs in tool description", "flags zero-width characters in description"}
CLEAN_TESTS = {"passes for normal descriptions", "passes for clean ASCII tools"}


def rule_test_texts(path):
    """(test name, text) of the description literal in each `it(…)` block of the rule tests."""
    source = show_at(LOCK_REPO, LOCK_COMMIT, path)
    blocks = list(re.finditer(r"\bit\(\"([^\"]+)\"", source))
    for i, block in enumerate(blocks):
        end = blocks[i + 1].start() if i + 1 < len(blocks) else len(source)
        for d in re.finditer(r"\bdescription:", source[block.end():end]):
            value = literal_at(source, block.end() + d.end())
            if value:
                yield block.group(1), value[0]


def hack_tools(path):
    """(tool name, description, [parameter descriptions]) of every tool dictionary (one with `inputSchema`)."""
    tree = ast.parse(show_at(HACKING_REPO, HACKING_COMMIT, path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        keys = [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
        if "inputSchema" not in keys or "description" not in keys:
            continue
        name = node.values[keys.index("name")].value
        description = node.values[keys.index("description")].value
        parameters = []
        for inner in ast.walk(node.values[keys.index("inputSchema")]):
            if isinstance(inner, ast.Dict):
                inner_keys = [k.value if isinstance(k, ast.Constant) else None for k in inner.keys]
                if "description" in inner_keys:
                    value = inner.values[inner_keys.index("description")]
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        parameters.append(value.value)
        yield name, description, parameters


rows, add = description_rows()

safe_path, poisoned_path, drifted_path = ("tests/servers/safe-server.mjs", "tests/servers/poisoned-server.mjs",
                                          "tests/servers/drifted-server.mjs")
safe = server_texts(safe_path)
safe_tool_text = {name: text for name, field, text, _ in safe if field == "description"}
for name, field, text, _ in safe:
    add(LOCK, LOCK_REPO, LOCK_COMMIT, safe_path, LOCK_LICENCE, 0, text, field, name)
for name, field, text, attack in server_texts(poisoned_path):
    if field == "description" and attack in (1, 2, 3, 4):
        add(LOCK, LOCK_REPO, LOCK_COMMIT, poisoned_path, LOCK_LICENCE, 1, text, field, name)
for name, field, text, _ in server_texts(drifted_path):
    if field == "description" and name in safe_tool_text and text != safe_tool_text[name]:
        add(LOCK, LOCK_REPO, LOCK_COMMIT, drifted_path, LOCK_LICENCE, 1, text, field, name)
rules_path = "tests/unit/rules.test.ts"
for test, text in rule_test_texts(rules_path):
    if test in POISONED_TESTS:
        add(LOCK, LOCK_REPO, LOCK_COMMIT, rules_path, LOCK_LICENCE, 1, text, "description", test)
    elif test in CLEAN_TESTS:
        add(LOCK, LOCK_REPO, LOCK_COMMIT, rules_path, LOCK_LICENCE, 0, text, "description", test)

ATTACK_TOOLS = {"tool-poisoning-attack/poisoning-server.py": {"add_numbers"},
                "tool-shadowing-attack/poisoning-server.py": {"add_numbers"},
                "tool-shadowing-attack/email-server.py": set(),
                "tool-baiting-attack/baiting-server.py": set()}
LEFT_OUT = {("tool-baiting-attack/baiting-server.py", "add_numbers_secure")}
for path, attacks in ATTACK_TOOLS.items():
    for name, description, parameters in hack_tools(path):
        if (path, name) in LEFT_OUT:
            continue
        add(HACKING, HACKING_REPO, HACKING_COMMIT, path, HACKING_LICENCE, 1 if name in attacks else 0, description, "description", name)
        for text in parameters:
            add(HACKING, HACKING_REPO, HACKING_COMMIT, path, HACKING_LICENCE, 0, text, "parameter", name)

DC = "desktop-commander"
DC_REPO, DC_COMMIT, DC_LICENCE = "wonderwhy-er/DesktopCommanderMCP", "1eccc8b09cc09805202a1737fd20d605356c3671", "MIT"
DC_PATH = "src/server.ts"
dc_source = show_at(DC_REPO, DC_COMMIT, DC_PATH)
prefix = literal_at(dc_source, re.search(r"const CMD_PREFIX_DESCRIPTION\s*=", dc_source).end())[0]
for m in re.finditer(r"name:\s*\"(\w+)\",\s*description:\s*`", dc_source):
    i = m.end()
    while dc_source[i] != "`":
        i += 2 if dc_source[i] == "\\" else 1
    body = dc_source[m.end():i]
    if set(re.findall(r"\$\{([^}]*)\}", body)) != {"CMD_PREFIX_DESCRIPTION"}:
        continue  # PATH_GUIDANCE is computed at run time: such texts are left out
    text = cook(body.replace("${CMD_PREFIX_DESCRIPTION}", "\x00")).replace("\x00", prefix)
    add(DC, DC_REPO, DC_COMMIT, DC_PATH, DC_LICENCE, 0, text, "description", m.group(1))

if __name__ == "__main__":
    for source in (LOCK, HACKING, DC):
        mine = [r for r in rows if r["source"] == source]
        print(source, sum(r["label"] for r in mine), "poisoned,", sum(1 - r["label"] for r in mine), "clean rows read")
    print(append(TARGET, rows), "rows appended")
