"""Appends the sources added in the fifteenth session of issue 14 to poisoning.jsonl, before any tuning on them.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. Sources are read at pinned commits.
Labels are the sources' own:

- mcp-watchdog: the tests of the MCP-Watchdog proxy (`tests/*.py`). A tool description (or a parameter description,
  where the test puts it in the input schema) is poisoned when its test asserts a finding for it: the hidden
  `<IMPORTANT>` blocks of the SMAC, proxy and integration tests, the rewritten description of each rug-pull test (the
  text the server serves after the change), the preference-manipulation, shadowing, false-error-escalation,
  e-mail-header-injection and cross-server-reference tests of the shadow detector, and the schema-poisoning
  test's parameter description. A description is clean when its test asserts no finding at all for it: the tools of
  the clean-traffic integration test, the clean-tool test of the shadow detector and the clean-schema test. Left out:
  name-squatting tests (the attack is the name), the text of a rug-pull test before the change and other texts whose
  test checks only the registry (no assertion on content), attacks in a default, an enum value or a property name,
  and resource and prompt descriptions (not tool descriptions).
- playwright-mcp: Microsoft's Playwright MCP server (`src/tools/*.ts`, the last commit before the tools moved into the
  Playwright repository): every tool `description:` and zod `.describe(…)` parameter description written as one
  single-quoted literal (template literals and interpolated texts left out).
"""
import ast
import json
import re

from common import append, description_rows, ls_at, show_at

TARGET = "../poisoning.jsonl"

rows, add = description_rows()

# --- mcp-watchdog -------------------------------------------------------------------------------------------------
REPO, COMMIT, LICENCE = "bountyyfi/mcp-watchdog", "f7d4db527421492d8f43d9ecde28dd0e5bc48d43", "MIT"

# (file, test function, index of the description in the function) -> label; anything not listed is left out.
LABELS = {
    ("tests/test_integration_attack_flows.py", "test_sandworm_tool_description_injection", 0): 1,
    ("tests/test_integration_attack_flows.py", "test_rug_pull_tool_schema_change", 1): 1,
    ("tests/test_integration_attack_flows.py", "test_clean_traffic_no_false_positives", 0): 0,
    ("tests/test_integration_attack_flows.py", "test_clean_traffic_no_false_positives", 1): 0,
    ("tests/test_integration_attack_flows.py", "test_clean_traffic_no_false_positives", 2): 0,
    ("tests/test_integration_attack_flows.py", "test_clean_traffic_no_false_positives", 3): 0,
    ("tests/test_proxy.py", "test_tool_listing_scanned", 0): 1,
    ("tests/test_proxy.py", "test_rug_pull_via_proxy", 1): 1,
    ("tests/test_schema_poisoning.py", "test_injection_in_description_field", 0): 1,
    ("tests/test_schema_poisoning.py", "test_clean_schema_no_alert", 0): 0,
    ("tests/test_schema_poisoning.py", "test_clean_schema_no_alert", 1): 0,
    ("tests/test_tool_registry.py", "test_rug_pull_detected", 1): 1,
    ("tests/test_tool_shadow.py", "test_shadowing_override_instruction", 0): 1,
    ("tests/test_tool_shadow.py", "test_shadowing_cross_tool_redirect", 0): 1,
    ("tests/test_tool_shadow.py", "test_preference_manipulation", 0): 1,
    ("tests/test_tool_shadow.py", "test_false_error_escalation_in_desc", 0): 1,
    ("tests/test_tool_shadow.py", "test_email_header_injection_in_desc", 0): 1,
    ("tests/test_tool_shadow.py", "test_cross_server_tool_reference", 0): 1,
    ("tests/test_tool_shadow.py", "test_clean_tool_no_alerts", 0): 0,
    ("tests/test_tool_shadow.py", "test_clean_tool_no_alerts", 1): 0,
}


def descriptions(function):
    """The function's "description" values in walk order, each with whether it sits in an input schema's properties."""
    constants = {n.targets[0].id: n.value.value for n in ast.walk(function)
                 if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                 and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)}
    in_properties = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value == "properties" and isinstance(value, ast.Dict):
                    in_properties.update(id(v) for v in value.values)
    for node in ast.walk(function):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value == "description":
                    text = value.value if isinstance(value, ast.Constant) else constants[value.id]
                    yield text, id(node) in in_properties


for path in sorted(p for p in ls_at(REPO, COMMIT) if p.startswith("tests/test_") and p.endswith(".py")):
    for function in ast.walk(ast.parse(show_at(REPO, COMMIT, path))):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for index, (text, parameter) in enumerate(descriptions(function)):
            label = LABELS.get((path, function.name, index))
            if label is not None:
                add("mcp-watchdog", REPO, COMMIT, path, LICENCE, label, text, "parameter" if parameter else "description",
                    f"{function.name}#{index}")

# The SMAC test hands the preprocessor a tool listing as a JSON string; its <IMPORTANT> block is asserted (SMAC-5).
SMAC = "tests/test_smac.py"
smac_test = next(f for f in ast.walk(ast.parse(show_at(REPO, COMMIT, SMAC)))
                 if isinstance(f, ast.FunctionDef) and f.name == "test_important_block_flagged")
dirty = next(n.value.value for n in ast.walk(smac_test)
             if isinstance(n, ast.Assign) and n.targets[0].id == "dirty")
add("mcp-watchdog", REPO, COMMIT, SMAC, LICENCE, 1, json.loads(dirty)["description"], "description",
    "test_important_block_flagged")

# --- playwright-mcp -----------------------------------------------------------------------------------------------
REPO, COMMIT, LICENCE = "microsoft/playwright-mcp", "2461f32d0516bfb45951b6915f6d5b70ddab488c", "Apache-2.0"
TOOL = re.compile(r"\bdescription: '((?:[^'\\\n]|\\.)*)',")
PARAMETER = re.compile(r"\.describe\('((?:[^'\\\n]|\\.)*)'\)")


def unescape(text):
    return re.sub(r"\\(.)", r"\1", text)


for path in sorted(p for p in ls_at(REPO, COMMIT) if p.startswith("src/tools/") and p.endswith(".ts")):
    source = show_at(REPO, COMMIT, path)
    for match in TOOL.finditer(source):
        add("playwright-mcp", REPO, COMMIT, path, LICENCE, 0, unescape(match.group(1)), "description", path)
    for match in PARAMETER.finditer(source):
        add("playwright-mcp", REPO, COMMIT, path, LICENCE, 0, unescape(match.group(1)), "parameter", path)

if __name__ == "__main__":
    print(append(TARGET, rows), "rows appended")
