"""Appends the sources added in the ninth session of issue 14 to poisoning.jsonl, before any tuning on them.

The first build (build_poisoning.py) is not re-run: its rows stay as they are, line for line. New rows go after them,
each with its split fixed when written (FNV-1a, common.split_of); a text already in the file is not added again.
Every source is read at a pinned commit. Labels are the sources' own:

- safe-mcp: SAFE-MCP's technique test logs. SAFE-T1001 labels each tool in its detection test (`expected_detections`);
  SAFE-T1008 groups its tools by attack class, `legitimate_tools` being the clean ones (`tool_impersonation` is left
  out: those tools copy a real tool's name and plain description, the attack is not in the text); SAFE-T1402 names its
  tools `shadow-…`, `rogue-…` and `legit-…`.
- medusa: the tool-poisoning check tests of the Medusa scanner. A description is poisoned when it is the only one in a
  test that asserts a failing finding of a check on description text, clean when it is in a test that asserts the
  check passes (or that names it "not flagged"); tests with more than one description and a failing assertion are left
  out (the test does not say which one fails).
- sentry-mcp, grafana-mcp: benign tool and parameter descriptions of two vendors' official MCP servers.
"""
import ast
import json
import random
import re

from common import append, description_rows, ls_at, show_at

TARGET = "../poisoning.jsonl"


show, ls = show_at, ls_at
rows, add = description_rows()


# SAFE-MCP (Apache-2.0 for code and test data, CC-BY-4.0 for prose): technique test logs.
REPO, COMMIT, LICENCE = "SAFE-MCP/safe-mcp", "5be97029951e21b166a9a573d5870b456c7367de", "Apache-2.0"
PATH = "techniques/SAFE-T1001/test-logs.json"
test = show(REPO, COMMIT, "techniques/SAFE-T1001/test_detection_rule.py")
expected = ast.literal_eval(re.search(r"expected_detections = (\{.*?\})", test, re.S).group(1))
for line in show(REPO, COMMIT, PATH).splitlines():
    if line.strip():
        log = json.loads(line)
        add("safe-mcp", REPO, COMMIT, PATH, LICENCE, 1 if expected[log["tool_name"]] else 0, log["tool_description"], "description", log["tool_name"])
PATH = "techniques/SAFE-T1008/test-logs.json"
for group, logs in json.loads(show(REPO, COMMIT, PATH)).items():
    if group == "tool_impersonation":
        continue
    for log in logs:
        add("safe-mcp", REPO, COMMIT, PATH, LICENCE, 0 if group == "legitimate_tools" else 1, log["tool_description"], "description", log["tool_name"])
PATH = "techniques/SAFE-T1402/test-logs.json"
for log in json.loads(show(REPO, COMMIT, PATH)):
    add("safe-mcp", REPO, COMMIT, PATH, LICENCE, 0 if log["tool_id"].startswith("legit-") else 1, log["metadata"]["description"], "description", log["tool_name"])

# Medusa (Apache-2.0): tests of the checks that read description text, at the last commit that has them.
REPO, COMMIT = "joshmaster2165/medusa", "480d7d4a1af74f2a7960e9f18a1f6a822dae0b0c"
PATH = "tests/unit/test_checks/test_tool_poisoning.py"
TEXT_CHECKS = {"TestTP001HiddenInstructions", "TestTP002PromptInjection", "TestSchemaPoisoningCheck", "TestBase64EncodedInstructionsCheck",
               "TestInvisibleUnicodeInDescriptionsCheck", "TestToolDescriptionUrlInjectionCheck", "TestHiddenXmlAttributesCheck",
               "TestMarkdownInjectionCheck", "TestEncodedPayloadInMetadataCheck", "TestCrossToolReferenceCheck"}


def descriptions(function):
    """(field, text) of every constant description in the test's tool dictionaries."""
    found = []

    def visit(node, field):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value == "description":
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        found.append((field, value.value))
                    else:
                        found.append((field, None))
                elif isinstance(key, ast.Constant) and key.value in ("properties", "inputSchema"):
                    visit(value, "parameter")
                else:
                    visit(value, field)
        else:
            for child in ast.iter_child_nodes(node):
                visit(child, field)

    visit(function, "description")
    return found


for cls in ast.parse(show(REPO, COMMIT, PATH)).body:
    if not isinstance(cls, ast.ClassDef) or cls.name not in TEXT_CHECKS:
        continue
    for function in cls.body:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        texts = descriptions(function)
        if not texts:
            continue
        if function.name.startswith(("test_passes", "test_clean")) or "not_flagged" in function.name:
            for field, text in texts:
                if text is not None:
                    add("medusa", REPO, COMMIT, PATH, "Apache-2.0", 0, text, field, cls.name + "." + function.name)
        elif function.name.startswith(("test_fails", "test_detects", "test_genuine", "test_case_insensitive")) and len(texts) == 1 and texts[0][1] is not None:
            add("medusa", REPO, COMMIT, PATH, "Apache-2.0", 1, texts[0][1], texts[0][0], cls.name + "." + function.name)

# Sentry's MCP server (FSL-1.1-Apache-2.0): its generated tool definitions, tool and parameter descriptions.
REPO, COMMIT, PATH = "getsentry/sentry-mcp", "4a109327ef3cc3b20b36ac18edbce68d37010565", "packages/mcp-core/src/toolDefinitions.json"
benign = []


def parameters(schema):
    if isinstance(schema, dict):
        if isinstance(schema.get("description"), str):
            yield schema["description"]
        for key, value in schema.items():
            if key != "description":
                yield from parameters(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from parameters(value)


for tool in json.loads(show(REPO, COMMIT, PATH)):
    benign.append(("description", tool["description"], tool["name"]))
    for text in parameters(tool.get("inputSchema", {}).get("properties", {})):
        benign.append(("parameter", text, tool["name"]))
for field, text, name in random.Random("sentry-mcp").sample(benign, min(260, len(benign))):
    add("sentry-mcp", REPO, COMMIT, PATH, "FSL-1.1-Apache-2.0", 0, text, field, name)

# Grafana's MCP server (Apache-2.0): MustTool descriptions and jsonschema parameter descriptions in tools/*.go.
REPO, COMMIT = "grafana/mcp-grafana", "c6e492b39f493f7e5856eb4ab419bc918b083716"
STRING = r'"((?:[^"\\\n]|\\.)*)"'
benign = []
for path in ls(REPO, COMMIT):
    if not (path.startswith("tools/") and path.endswith(".go")) or path.endswith("_test.go"):
        continue
    text = show(REPO, COMMIT, path)
    for m in re.finditer(r"MustTool\(\s*" + STRING + r",\s*" + STRING + r"(?:\s*\+\s*" + STRING + r")*", text):
        parts = re.findall(STRING, m.group(0))[1:]
        benign.append((path, "description", "".join(json.loads('"' + p + '"') for p in parts), m.group(1)))
    for m in re.finditer(r'jsonschema:"(?:[^"]*?,)?description=((?:[^"\\,]|\\.)*)', text):
        benign.append((path, "parameter", m.group(1).replace("\\,", ","), ""))
for path, field, text, name in random.Random("grafana-mcp").sample(benign, min(260, len(benign))):
    add("grafana-mcp", REPO, COMMIT, path, "Apache-2.0", 0, text, field, name)

print(TARGET, "added", append(TARGET, rows))
