"""Appends the source added in the forty-fourth session of issue 14 to poisoning.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.
Labels are the source's own:

- mcp-sentinel: beejak/mcp-sentinel (MIT, `LICENSE`, "MCP Sentinel Team"), a multi-engine security scanner for MCP
  servers whose static tool-poisoning detector reads tool descriptions and the files that hold them. Its unit tests
  (`tests/unit/test_tool_poisoning.py`, `tests/unit/test_tool_poisoning_enhanced.py`) each build one text
  (`content = …`) and scan it:
  * poisoned when the test asserts a finding for it (`len(x) >= 1`, `len(x) > 0`, `any(v.type == …TOOL_POISONING …)`):
    invisible Unicode, ignore/override commands, behaviour orders, hidden markers and comments, cross-tool
    precedence phrases, sensitive paths;
  * clean when the test asserts none (`len(x) == 0`): look-alikes the detector is built to spare;
  * left out: the tests whose attack is a tool or parameter name (`…_tool_name`, `…_param_name`: the name, not the
    text, carries it), the description-length tests (`…_description_length…`: a length, not a text), the tests of
    detector metadata and line numbers that reuse an earlier test's shape, and the fixture file
    `tests/fixtures/tool_poisoning_samples.json` (its test asserts findings over the whole file, not per text).
  Texts are read from the tests' syntax with `ast` (no test code runs); texts under 12 characters are dropped as
  everywhere. The author also wrote beejak/Vulnerable-MCP-Server (source `vulnerable-mcp-server`); no text is shared.
"""
import ast

from common import append, description_rows, show_at

TARGET = "../poisoning.jsonl"
SOURCE = "mcp-sentinel"
REPO, COMMIT, LICENCE = "beejak/mcp-sentinel", "063b551ed366bc4e5bbcea75f78370d9a087abcc", "MIT"
TESTS = ["tests/unit/test_tool_poisoning.py", "tests/unit/test_tool_poisoning_enhanced.py"]
LEFT_OUT = ("_tool_name", "_param_name", "description_length", "metadata", "line_number", "code_snippet",
            "remediation", "references", "multiple_vulnerabilities", "fixture_file", "critical_severity")


def label_of(source, function):
    """1 when the test asserts a finding, 0 when it asserts none, None when it asserts neither."""
    asserts = [ast.get_source_segment(source, a.test).replace(" ", "") for a in ast.walk(function)
               if isinstance(a, ast.Assert)]
    if any("==0" in a for a in asserts):
        return 0
    if any(">=1" in a or ">0" in a or a.startswith("any(") for a in asserts):
        return 1
    return None


rows, add = description_rows()
for path in TESTS:
    source = show_at(REPO, COMMIT, path)
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or not function.name.startswith("test"):
            continue
        if any(part in function.name for part in LEFT_OUT):
            continue
        label = label_of(source, function)
        if label is None:
            continue
        for node in ast.walk(function):
            if (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "content" for t in node.targets)
                    and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
                add(SOURCE, REPO, COMMIT, path, LICENCE, label, node.value.value, "description", function.name)

print(SOURCE, len(rows), "rows,", sum(r["label"] for r in rows), "poisoned")
print("appended", append(TARGET, rows))
