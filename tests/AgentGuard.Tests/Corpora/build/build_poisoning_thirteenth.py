"""Appends the sources added in the thirteenth session of issue 14 to poisoning.jsonl, before any tuning on them.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. Every source is read at a pinned commit.
Labels are the sources' own:

- tool-scan: the tests of the Tool-Scan MCP scanner. A description is poisoned when the attack is in its text and
  the test (or the test using the fixture) asserts a threat for that tool (prompt injection, covert action, fake
  system tags, script and javascript: markup, credential access and exfiltration, hidden Unicode, instruction
  density); clean when the test asserts the tool is safe (or, for the token look-alike, that no poisoning is
  reported). Tests whose attack is in a default or enum value (command, SQL, path, SSRF), tests that assert only
  that the scan completed (homoglyph, base64, hex, Unicode obfuscation, "best-effort") and the batch test that
  asserts two of three are left out.
- agent-audit-kit: the tests and example configuration of AgentAuditKit's tool-poisoning scanner
  (`tests/test_tool_poisoning.py`, `examples/vulnerable-configs/06-tool-poisoning`): each tool its vulnerable tests
  build for a rule (invisible Unicode, prompt injection, cross-tool reference, encoded content, URL or file path in
  the description) is poisoned; the tools of the clean test are clean. The length rule's tools are left out (a long
  description is not an attack in its text), as is the plain tool description beside a poisoned schema description.
- terraform-mcp-server: benign tool descriptions (`mcp.WithDescription(…)`) and parameter descriptions
  (`mcp.Description(…)`) of HashiCorp's Terraform MCP server, every one written as a single literal.
"""
import ast
import json
import re

from common import append, description_rows, ls_at, show_at

TARGET = "../poisoning.jsonl"

rows, add = description_rows()


def string_of(node):
    """The text of a string literal, or of literals joined with +; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = string_of(node.left), string_of(node.right)
        return None if left is None or right is None else left + right
    return None


def functions(source):
    return {n.name: n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.FunctionDef)}


def descriptions(function, with_parameters):
    """(field, name, text) for each literal description in the tool dictionaries a test or fixture builds."""
    found = []
    for node in ast.walk(function):
        if not isinstance(node, ast.Dict):
            continue
        members = {string_of(k): v for k, v in zip(node.keys, node.values) if k is not None}
        name = string_of(members.get("name")) if "name" in members else None
        if "description" in members and "name" in members:
            text = string_of(members["description"])
            if text is not None:
                found.append(("description", name, text))
            elif isinstance(members["description"], ast.Name):
                # the test loops over a list of descriptions
                for inner in ast.walk(function):
                    if isinstance(inner, ast.List):
                        found += [("description", name, s) for s in map(string_of, inner.elts) if s is not None]
        if with_parameters and "properties" in members and isinstance(members["properties"], ast.Dict):
            for key, value in zip(members["properties"].keys, members["properties"].values):
                if isinstance(value, ast.Dict):
                    inner = {string_of(k): v for k, v in zip(value.keys, value.values) if k is not None}
                    text = string_of(inner.get("description")) if "description" in inner else None
                    if text is not None:
                        found.append(("parameter", string_of(key), text))
    return found


# Tool-Scan (MIT): its security scanner's tests.
REPO, COMMIT, LICENCE = "mcp-tool-shop/tool-scan", "81f2061d4335a4ca6dbf7899af55dff205f56c80", "MIT"
TESTS = {
    "tests/conftest.py": {
        "prompt_injection_tool": 1, "role_manipulation_tool": 1, "covert_action_tool": 1, "xss_script_tool": 1,
        "data_exfiltration_tool": 1, "hidden_unicode_tool": 1, "valid_minimal_tool": 0, "valid_complete_tool": 0,
    },
    "tests/test_security_scanner.py": {
        "test_detect_instruction_override_variations": 1, "test_detect_fake_system_tags": 1,
        "test_detect_javascript_protocol_xss": 1, "test_detect_credential_access": 1,
        "test_detect_instruction_density": 1,
    },
    "tests/test_security_scanner_batch3.py": {
        "test_pattern_at_line_boundaries": 1, "test_pattern_with_multiple_whitespace": 1,
        "test_pattern_case_variations": 1, "test_multiple_threat_categories": 1,
        "test_encoding_false_positives_tokens": 0,
    },
    "tests/test_integration.py": {
        "test_case_variations": 1, "test_split_keywords": 1, "test_database_query_tool": 0,
        "test_file_upload_tool": 0, "test_api_integration_tool": 0,
    },
}
for path, labels in TESTS.items():
    defined = functions(show_at(REPO, COMMIT, path))
    for function, label in labels.items():
        for field, name, text in descriptions(defined[function], with_parameters=label == 0):
            add("tool-scan", REPO, COMMIT, path, LICENCE, label, text, field, f"{function}:{name}")
# the mixed batch: its good tool is asserted safe, its bad tool unsafe
PATH = "tests/test_integration.py"
for field, name, text in descriptions(functions(show_at(REPO, COMMIT, PATH))["test_batch_validation_mixed"], False):
    add("tool-scan", REPO, COMMIT, PATH, LICENCE, 0 if name == "good_tool" else 1, text, field, f"test_batch_validation_mixed:{name}")

# AgentAuditKit (MIT): its tool-poisoning scanner's tests and example configuration.
REPO, COMMIT, LICENCE = "sattyamjjain/agent-audit-kit", "e75934d49bc2a75baaef255d3c7661d56b762d82", "MIT"
PATH = "tests/test_tool_poisoning.py"
LENGTH_ONLY = {"overly_long_tool", "analyze_project", "exactly_500", "over_500"}
defined = functions(show_at(REPO, COMMIT, PATH))
for function, label in {"test_vulnerable_triggers_rules": 1, "test_clean_zero_findings": 0,
                        "test_poison_001_invisible_unicode_variants": 1, "test_poison_002_injection_patterns": 1,
                        "test_poison_003_cross_tool_references": 1, "test_poison_004_hex_encoded_content": 1,
                        "test_poison_006_file_path_in_description": 1}.items():
    for field, name, text in descriptions(defined[function], with_parameters=False):
        if name not in LENGTH_ONLY:
            add("agent-audit-kit", REPO, COMMIT, PATH, LICENCE, label, text, field, f"{function}:{name}")
for node in ast.walk(defined["test_tool_descriptions_map_format"]):
    if isinstance(node, ast.Dict) and "toolDescriptions" in map(string_of, node.keys):
        tools = node.values[[string_of(k) for k in node.keys].index("toolDescriptions")]
        for key, value in zip(tools.keys, tools.values):
            add("agent-audit-kit", REPO, COMMIT, PATH, LICENCE, 1, string_of(value), "description",
                "test_tool_descriptions_map_format:" + string_of(key))
for node in ast.walk(defined["test_input_schema_description_checked"]):
    if isinstance(node, ast.Dict) and "inputSchema" in map(string_of, node.keys):
        schema = node.values[[string_of(k) for k in node.keys].index("inputSchema")]
        for key, value in zip(schema.keys, schema.values):
            if string_of(key) == "description":
                add("agent-audit-kit", REPO, COMMIT, PATH, LICENCE, 1, string_of(value), "parameter",
                    "test_input_schema_description_checked:inputSchema")
PATH = "examples/vulnerable-configs/06-tool-poisoning/.mcp.json"
for server in json.loads(show_at(REPO, COMMIT, PATH))["mcpServers"].values():
    for tool in server["tools"]:
        if tool["name"] not in LENGTH_ONLY:
            add("agent-audit-kit", REPO, COMMIT, PATH, LICENCE, 1, tool["description"], "description", tool["name"])

# HashiCorp's Terraform MCP server (MPL-2.0): tool and parameter descriptions.
REPO, COMMIT, LICENCE = "hashicorp/terraform-mcp-server", "42b9fe7d8438f2d86fc6ffd43039b23b5737148a", "MPL-2.0"
LITERAL = r'(?:"((?:[^"\\\n]|\\.)*)"|`([^`]*)`)'
for path in ls_at(REPO, COMMIT):
    if not path.startswith("pkg/tools/") or not path.endswith(".go") or path.endswith("_test.go"):
        continue
    source = show_at(REPO, COMMIT, path)
    for pattern, field in ((r"mcp\.WithDescription\(\s*" + LITERAL + r"\s*\)", "description"),
                           (r"mcp\.Description\(\s*" + LITERAL + r"\s*\)", "parameter")):
        for m in re.finditer(pattern, source):
            text = json.loads('"' + m.group(1) + '"') if m.group(1) is not None else m.group(2)
            add("terraform-mcp-server", REPO, COMMIT, path, LICENCE, 0, text, field, "")

print(TARGET, "added", append(TARGET, rows))
