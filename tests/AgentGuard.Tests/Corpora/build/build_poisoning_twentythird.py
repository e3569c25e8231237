"""Appends the source added in the twenty-third session of issue 14 to poisoning.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. Sources are read at pinned commits.
Labels are the source's own:

- unitone-guards: UnitOne AI's MCP security guards for agentgateway, from two of its repositories.
  * UnitOneAI/agentgateway (Apache-2.0, the fork that carries the guards):
    `crates/agentgateway/src/mcp/security/native/tool_poisoning.rs`, the unit tests of the native tool-poisoning guard.
    A description is poisoned when its test asserts the guard denies the tool list (`GuardDecision::Deny`) with the
    guard's built-in patterns (the pattern tables, the case-insensitivity table, the single-tool tests, the tool the
    mixed-list test names `malicious`, the description-field tool of the all-fields test); clean when its test asserts
    the list allowed (`test_allows_benign_tools`, the false-positive table) or, in the mixed-list test, names it
    `benign`. Left out: the custom-pattern test (the test configures the pattern itself), the alert-threshold test
    (allowed or denied by a count), the name-field and schema-field tests (the attack is in the name or the schema,
    and the description beside it is denied or allowed only by which fields the test scans), the name and schema tools
    of the all-fields test.
  * UnitOneAI/unitone-agentgateway (MIT): the test servers its end-to-end guard tests run against.
    `testservers/src/tool_poisoning_test/server.py`: the tools `tests/e2e_tool_poisoning_guard_test.py` lists as its
    attack categories' poisoned tools poisoned, the server's "Clean / Benign Tools (should NOT be blocked)" clean
    (descriptions are the FastMCP docstrings, cleaned as `inspect.cleandoc` does).
    `testservers/src/rug_pull_test/server.py`: the tools (and parameters) of `_get_benign_tools` and the utility tools
    clean as first served; the tools and parameters of the `_get_malicious_tools_*` definitions the server serves after
    the rug pull poisoned (a text the benign definitions also hold stays clean).
"""
import ast
import re

from common import append, description_rows, show_at

TARGET = "../poisoning.jsonl"
SOURCE = "unitone-guards"

rows, add = description_rows()

# --- UnitOneAI/agentgateway: the native guard's unit tests --------------------------------------------------------
GUARD_REPO, GUARD_COMMIT, GUARD_LICENCE = "UnitOneAI/agentgateway", "f2f99875b882a66be304f29c5a6957f6af8abe21", "Apache-2.0"
GUARD_PATH = "crates/agentgateway/src/mcp/security/native/tool_poisoning.rs"

POISONED_TABLES = {
    "test_prompt_injection_ignore_previous", "test_prompt_injection_disregard_previous",
    "test_prompt_injection_forget_previous", "test_system_override_patterns", "test_safety_bypass_patterns",
    "test_role_manipulation_patterns", "test_hidden_instruction_patterns", "test_prompt_leaking_patterns",
    "test_encoding_tricks_patterns", "test_case_insensitivity",
}
CLEAN_TABLES = {"test_false_positive_prevention"}
POISONED_SINGLE = {"test_detects_prompt_injection", "test_deny_reason_details"}
CLEAN_SINGLE = {"test_allows_benign_tools"}

STRING = re.compile(r'r(#*)"(.*?)"\1|"((?:[^"\\]|\\.)*)"', re.S)


def rust_string(match):
    """The value of a Rust string literal (raw or with escapes)."""
    if match.group(2) is not None and match.group(0).startswith("r"):
        return match.group(2)
    body = match.group(3)
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n == "u":
            end = body.index("}", i)
            out.append(chr(int(body[i + 3:end], 16)))
            i = end + 1
        elif n == "x":
            out.append(chr(int(body[i + 2:i + 4], 16)))
            i += 4
        elif n == "\n":
            i += 2
            while i < len(body) and body[i] in " \t\n":
                i += 1
        else:
            out.append({"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}[n])
            i += 2
    return "".join(out)


def test_bodies(text):
    """(test name, body) of each `#[test] fn name()` in the tests module."""
    module = text[text.index("mod tests {"):]
    heads = list(re.finditer(r"#\[test\]\s*fn (\w+)\(\)", module))
    for k, head in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else len(module)
        yield head.group(1), module[head.end():end]


def table(body):
    """The string literals of the body's `test_cases` / `benign_descriptions` vector."""
    m = re.search(r"let (?:test_cases|benign_descriptions) = vec!\[(.*?)\];", body, re.S)
    return [rust_string(s) for s in STRING.finditer(m.group(1))]


def tool_description(body, variable):
    """The description of `let <variable> = create_test_tool("name", Some("…"))`."""
    m = re.search(r"let " + variable + r"\s*=\s*create_test_tool\(\s*(\"(?:[^\"\\]|\\.)*\")\s*,\s*Some\(\s*(\"(?:[^\"\\]|\\.)*\")\s*\)",
                  body, re.S)
    return rust_string(STRING.match(m.group(1))), rust_string(STRING.match(m.group(2)))


guard = show_at(GUARD_REPO, GUARD_COMMIT, GUARD_PATH)
for name, body in test_bodies(guard):
    if name in POISONED_TABLES or name in CLEAN_TABLES:
        label = 1 if name in POISONED_TABLES else 0
        for value in table(body):
            add(SOURCE, GUARD_REPO, GUARD_COMMIT, GUARD_PATH, GUARD_LICENCE, label, value, "description", name)
    elif name in POISONED_SINGLE or name in CLEAN_SINGLE:
        variable = re.search(r"let (\w+)\s*=\s*create_test_tool\(", body).group(1)
        _, value = tool_description(body, variable)
        add(SOURCE, GUARD_REPO, GUARD_COMMIT, GUARD_PATH, GUARD_LICENCE, 1 if name in POISONED_SINGLE else 0, value,
            "description", name)
    elif name == "test_multiple_tools_mixed":
        for variable, label in (("benign1", 0), ("benign2", 0), ("benign3", 0), ("malicious", 1)):
            _, value = tool_description(body, variable)
            add(SOURCE, GUARD_REPO, GUARD_COMMIT, GUARD_PATH, GUARD_LICENCE, label, value, "description",
                f"{name} ({variable})")
    elif name == "test_scan_all_fields":
        _, value = tool_description(body, "tool_with_bad_desc")
        add(SOURCE, GUARD_REPO, GUARD_COMMIT, GUARD_PATH, GUARD_LICENCE, 1, value, "description", name)

# --- UnitOneAI/unitone-agentgateway: the end-to-end test servers --------------------------------------------------
SERVER_REPO, SERVER_COMMIT, SERVER_LICENCE = "UnitOneAI/unitone-agentgateway", "8af0b5da17804735ec699aa31d205bff80033aae", "MIT"
POISON_SERVER = "testservers/src/tool_poisoning_test/server.py"
E2E_TEST = "tests/e2e_tool_poisoning_guard_test.py"
RUG_SERVER = "testservers/src/rug_pull_test/server.py"


def e2e_poisoned_tools():
    """The tool names the end-to-end test's attack-category table lists."""
    tree = ast.parse(show_at(SERVER_REPO, SERVER_COMMIT, E2E_TEST))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value == "tools" and isinstance(value, ast.List):
                    names.update(element.value for element in value.elts)
    return names


poisoned_tools = e2e_poisoned_tools()
server_text = show_at(SERVER_REPO, SERVER_COMMIT, POISON_SERVER)
clean_section = server_text.index("Clean / Benign Tools (should NOT be blocked)")
for node in ast.parse(server_text).body:
    if not isinstance(node, ast.FunctionDef) or not any("tool" in ast.unparse(d) for d in node.decorator_list):
        continue
    offset = sum(len(line) + 1 for line in server_text.split("\n")[:node.lineno - 1])
    if node.name in poisoned_tools:
        label = 1
    elif offset > clean_section:
        label = 0
    else:
        continue
    add(SOURCE, SERVER_REPO, SERVER_COMMIT, POISON_SERVER, SERVER_LICENCE, label, ast.get_docstring(node, clean=True),
        "description", node.name)


def served_tools(function):
    """(tool name, field, text) of every tool built in `function`: its description and its parameters' descriptions."""
    found = []
    for call in ast.walk(function):
        if not isinstance(call, ast.Call):
            continue
        keywords = {k.arg: k.value for k in call.keywords}
        if "description" not in keywords or "name" not in keywords:
            continue
        name = ast.literal_eval(keywords["name"])
        found.append((name, "description", ast.literal_eval(keywords["description"])))
        schema = keywords.get("inputSchema") or keywords.get("input_schema")
        if schema is None:
            continue
        for d in ast.walk(schema):
            if isinstance(d, ast.Dict):
                for key, value in zip(d.keys, d.values):
                    if isinstance(key, ast.Constant) and key.value == "description" and isinstance(value, ast.Constant):
                        found.append((name, "parameter", value.value))
    return found


rug_tree = ast.parse(show_at(SERVER_REPO, SERVER_COMMIT, RUG_SERVER))
functions = {f.name: f for f in rug_tree.body if isinstance(f, ast.FunctionDef)}
for fname in ("_get_benign_tools", "_get_utility_tools"):
    for name, field, value in served_tools(functions[fname]):
        add(SOURCE, SERVER_REPO, SERVER_COMMIT, RUG_SERVER, SERVER_LICENCE, 0, value, field, name)
for fname in sorted(f for f in functions if f.startswith("_get_malicious_tools_")):
    for name, field, value in served_tools(functions[fname]):
        add(SOURCE, SERVER_REPO, SERVER_COMMIT, RUG_SERVER, SERVER_LICENCE, 1, value, field, f"{name} (after the rug pull)")

if __name__ == "__main__":
    print(append(TARGET, rows), "rows appended")
