"""Appends the sources added in the twenty-second session of issue 14 to poisoning.jsonl, before any tuning on them.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. Sources are read at pinned commits.
Labels are the sources' own:

- mcp-scanner-tests: the tool-poisoning checker tests of sumododda/mcp-scanner
  (`backend/tests/checkers/test_tool_poisoning.py`). The tests build each tool with `ToolDefinition(...)`, often in a
  loop over a list of phrases, paths or markers. They are run here with the scanner's modules stood in for (the
  checker returns nothing, the assertions are taken out) to read the descriptions each test builds, as the test builds
  them; each test's label is its assertion: a test asserting a finding for its tool makes the tool description
  poisoned (for the two tests of parameter descriptions, the parameter descriptions instead); a test asserting no
  finding, or named a false-positive or clean-tool test and asserting no finding of the class it is about, makes every
  description of its tool clean (tool and parameters). Left out: tests whose attack is in a parameter title, default,
  enum value or name, or in the schema's shape (pass-through objects, parameter counts); the length test (a long text
  is no attack in its words); prompt and resource descriptions; the machine-learning classifier tests (the finding
  comes from a stand-in classifier); the de-duplication test (it asserts a count of findings, not the text's kind).
- azure-devops-mcp: Microsoft's Azure DevOps MCP server (`src/tools/*.ts`): every tool description (the second
  argument of `server.tool(…)`) and zod `.describe(…)` parameter description written as literals (interpolated or
  computed texts left out). Clean; 260 sampled.
"""
import ast
import asyncio
import re
import sys
import tempfile
import types
from pathlib import Path
from types import SimpleNamespace

from common import append, description_rows, ls_at, sample, show_at
from js_literals import described, literal_at

TARGET = "../poisoning.jsonl"

rows, add = description_rows()

# --- mcp-scanner-tests ----------------------------------------------------------------------------------------------
REPO, COMMIT, LICENCE = "sumododda/mcp-scanner", "5770a8aa96c2e921db1831fe08e1e579220bca53", "MIT"
PATH = "backend/tests/checkers/test_tool_poisoning.py"

POISONED_DESCRIPTION = {
    "test_xml_tag_detected", "test_instruction_phrase_detected", "test_base64_payload_detected",
    "test_excessive_whitespace_detected", "test_html_comment_detected", "test_expanded_xml_tags",
    "test_concealment_phrases", "test_tool_shadowing_detected", "test_urgency_manipulation_detected",
    "test_expanded_instruction_phrases", "test_expanded_sensitive_paths", "test_invisible_unicode_detected",
    "test_steganographic_invisible_chars", "test_ansi_escape_detected", "test_system_prompt_marker_detected",
    "test_path_traversal_detected", "test_hex_encoding_detected", "test_invisible_char_ratio_anomaly",
    "test_llm_judge_not_called_from_checker", "test_credential_file_paths_still_detected", "test_invariant_labs_poc",
    "test_source_file_populated_for_source_extracted_tool", "test_source_fields_none_without_source_code_path",
    "test_source_line_found_via_grep", "test_unicode_tags_block_detected", "test_braille_blank_detected",
    "test_unicode_tags_steganographic", "test_destructive_shell_commands_detected",
    "test_reverse_shell_patterns_detected", "test_social_engineering_in_description",
    "test_task_manipulation_in_description", "TestNormalizationIntegration.test_homoglyph_evasion_detected",
    "TestNormalizationIntegration.test_base64_evasion_detected",
    "TestNormalizationIntegration.test_bidi_override_detected",
    "TestNormalizationIntegration.test_rot13_evasion_detected",
}
POISONED_PARAMETERS = {"test_param_description_scanned", "test_social_engineering_in_param_description"}
CLEAN = {
    "test_clean_tool_no_findings", "test_clean_complex_tool_no_anomaly", "test_false_positive_file_manager",
    "test_false_positive_email_tool", "test_false_positive_database_tool",
    "test_false_positive_github_api_credentials_word", "test_legitimate_tool_no_shell_false_positive",
    "test_before_using_tool_no_false_positive", "TestNormalizationIntegration.test_clean_tool_no_normalization_findings",
}


class _Stub(types.ModuleType):
    """A stand-in module: any name it is asked for is a harmless class."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return type(name, (), {"__init__": lambda self, *a, **k: None, "__getattr__": lambda self, n: None})


class _Checker:
    def __init__(self, *args, **kwargs):
        pass

    async def check(self, context):
        return SimpleNamespace(findings=[])


built = []  # (test, tool definition keyword arguments) in the order the tests build them


def _tool_definition(**fields):
    built.append((_current[0], fields))
    return SimpleNamespace(**fields)


_current = [None]
for name in ["mcp_scanner", "mcp_scanner.checkers", "mcp_scanner.checkers.base", "mcp_scanner.checkers.tool_poisoning",
             "mcp_scanner.models", "mcp_scanner.models.scan_context", "mcp_scanner.config", "mcp_scanner.services",
             "mcp_scanner.services.ml_classifier", "mcp_scanner.services.llm_judge"]:
    sys.modules[name] = _Stub(name)
sys.modules["pytest"] = types.SimpleNamespace(mark=types.SimpleNamespace(asyncio=lambda function: function))
sys.modules["mcp_scanner.checkers.tool_poisoning"].ToolPoisoningChecker = _Checker
sys.modules["mcp_scanner.models.scan_context"].ToolDefinition = _tool_definition
sys.modules["mcp_scanner.checkers.base"].Severity = SimpleNamespace(CRITICAL="critical", HIGH="high", MEDIUM="medium",
                                                                    LOW="low")


class _NoAsserts(ast.NodeTransformer):
    def visit_Assert(self, node):
        return ast.Pass()


def _tests(tree):
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            yield node.name, None, node.name
        if isinstance(node, ast.ClassDef):
            for member in node.body:
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)) and member.name.startswith("test"):
                    yield f"{node.name}.{member.name}", node.name, member.name


source = show_at(REPO, COMMIT, PATH)
tree = _NoAsserts().visit(ast.parse(source))
ast.fix_missing_locations(tree)
module = {"__name__": "mcp_scanner_tests"}
exec(compile(tree, PATH, "exec"), module)
for test, owner, function in _tests(ast.parse(source)):
    if test not in POISONED_DESCRIPTION | POISONED_PARAMETERS | CLEAN:
        continue
    _current[0] = test
    call = getattr(module[owner](), function) if owner else module[function]
    arguments = {"tmp_path": Path(tempfile.mkdtemp())} if "tmp_path" in call.__code__.co_varnames else {}
    result = call(**arguments)
    if asyncio.iscoroutine(result):
        asyncio.run(result)

for test, fields in built:
    properties = (fields.get("input_schema") or {}).get("properties") or {}
    parameters = [p["description"] for p in properties.values() if isinstance(p, dict) and isinstance(p.get("description"), str)]
    if test in POISONED_DESCRIPTION:
        add("mcp-scanner-tests", REPO, COMMIT, PATH, LICENCE, 1, fields["description"], "description", test)
    elif test in POISONED_PARAMETERS:
        for text in parameters:
            add("mcp-scanner-tests", REPO, COMMIT, PATH, LICENCE, 1, text, "parameter", test)
    else:
        add("mcp-scanner-tests", REPO, COMMIT, PATH, LICENCE, 0, fields["description"], "description", test)
        for text in parameters:
            add("mcp-scanner-tests", REPO, COMMIT, PATH, LICENCE, 0, text, "parameter", test)

# --- azure-devops-mcp -----------------------------------------------------------------------------------------------
REPO, COMMIT, LICENCE = "microsoft/azure-devops-mcp", "7ecd6f77bc33482f2455eb7283217636267291d8", "MIT"


def tool_descriptions(text):
    """The literal second argument of each `server.tool(name, description, …)` call."""
    found = []
    for m in re.finditer(r"\bserver\.tool\(", text):
        depth, i = 0, m.end()
        while i < len(text):
            c = text[i]
            if c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
            elif c == "," and depth == 0:
                break
            i += 1
        value = literal_at(text, i + 1)
        if value:
            found.append((value[0], "description"))
    return found


unique = {}
for path in sorted(p for p in ls_at(REPO, COMMIT) if re.fullmatch(r"src/tools/[^/]+\.ts", p)):
    text = show_at(REPO, COMMIT, path)
    for value, field in tool_descriptions(text) + described(text, False):
        unique.setdefault(value.strip(), (field, path))
for value, (field, path) in sample(sorted(unique.items()), 260, 22):
    add("azure-devops-mcp", REPO, COMMIT, path, LICENCE, 0, value, field, path)

if __name__ == "__main__":
    print(append(TARGET, rows), "rows appended")
