"""Appends the source added in the fourteenth session of issue 14 to poisoning.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.
Labels are the source's own:

- pipelock: the tests of Pipelock's MCP tool scanner (`internal/mcp/tools/tools_test.go`). A text is poisoned when
  its test asserts a tool-poisoning or injection finding for it: the instruction-tag, file-exfiltration and
  cross-tool tables of `checkToolPoison`, its Unicode, leetspeak, homoglyph, small-capital and squared-letter bypass
  cases, and the poisoned tool of each `ScanTools` test that asserts the list is not clean (a tool description, or a
  parameter description when the attack is there; the plain description beside it is left out). A text is clean
  when its test asserts no finding: the clean and no-false-positive tables of `checkToolPoison` and the tools of the
  `ScanTools` tests that assert the list clean (and the clean siblings a test asserts unmatched). Left out: the
  dangerous-capability table (a tool that runs code states a capability, not an attack in its text), attacks in a
  schema title, default, enum, example, comment, vendor extension or property name (not a description), drift and
  rug-pull tests (the attack is the change), and the test whose pattern the test itself configures.
"""
import json
import re

from common import append, description_rows, show_at

TARGET = "../poisoning.jsonl"

rows, add = description_rows()

REPO, COMMIT, LICENCE = "luckyPipewrench/pipelock", "408651293dfc175df407662de27216b5ea7cc66b", "Apache-2.0"
PATH = "internal/mcp/tools/tools_test.go"
SOURCE = show_at(REPO, COMMIT, PATH)
FUNCTIONS = {re.match(r"func (\w+)", f).group(1): f for f in re.split(r"\n(?=func )", SOURCE) if f.startswith("func ")}

# A Go string literal: interpreted ("…", with escapes) or raw (`…`).
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"|`([^`]*)`')
ESCAPE = re.compile(r'\\(U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{3}|.)')
SIMPLE = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\", "'": "'", '"': '"'}


def go_string(match):
    if match.group(2) is not None:
        return match.group(2)

    def one(m):
        e = m.group(1)
        if e[0] in "Uu":
            return chr(int(e[1:], 16))
        if e[0] == "x":
            return chr(int(e[1:], 16))
        if e[0] in "01234567":
            return chr(int(e, 8))
        return SIMPLE[e]

    return ESCAPE.sub(one, match.group(1))


def list_items(body):
    """The literals of the first []string{…} table in a test."""
    table = re.search(r"\[\]string\{(.*?)\n\t\}", body, re.S).group(1)
    return [go_string(m) for m in LITERAL.finditer(table)]


def row_texts(body):
    """The text of each row of a struct table: a `text:` or `desc:` field, or the second literal of a positional row."""
    keyed = [go_string(m) for m in re.finditer(r"\b(?:text|desc):\s*(?:" + LITERAL.pattern + ")", body)]
    if keyed:
        return keyed
    return [go_string(list(LITERAL.finditer(row))[1]) for row in re.findall(r"\n\t\t\{(.*?)\},", body)
            if len(list(LITERAL.finditer(row))) >= 2]


def normalized_inputs(body):
    """The literal a test passes to normalize.ForToolText or assigns before it (one per test)."""
    m = re.search(r"normalize\.ForToolText\((?:" + LITERAL.pattern + ")", body) or re.search(r":= (?:" + LITERAL.pattern + r")\n\tnormalized", body)
    return [go_string(m)]


def tools_lists(body):
    """The tools of every tools/list JSON a test builds (whole literal JSON only)."""
    found = []
    for m in re.finditer(r"makeToolsResponse\(`(.*?)`\)", body, re.S):
        found += json.loads(m.group(1))
    for m in re.finditer(r"`(\{\"jsonrpc\"[^`]*)`", body):
        result = json.loads(m.group(1)).get("result")
        found += result["tools"] if isinstance(result, dict) and "tools" in result else []
    return found


def add_tool(tool, label, function, parameters_only=False):
    if not parameters_only:
        add("pipelock", REPO, COMMIT, PATH, LICENCE, label, tool.get("description", ""), "description", f"{function}:{tool['name']}")
    for name, prop in tool.get("inputSchema", {}).get("properties", {}).items():
        if isinstance(prop, dict) and "description" in prop:
            add("pipelock", REPO, COMMIT, PATH, LICENCE, label, prop["description"], "parameter", f"{function}:{tool['name']}.{name}")


for function in ["TestCheckToolPoison_FileExfiltration", "TestCheckToolPoison_CrossTool"]:
    for text in list_items(FUNCTIONS[function]):
        add("pipelock", REPO, COMMIT, PATH, LICENCE, 1, text, "description", function)
for function in ["TestCheckToolPoison_InstructionTag", "TestCheckToolPoison_HomoglyphBypass", "TestCheckToolPoison_CombiningMarkBypass",
                 "TestScanTools_HomoglyphInjectionBypass", "TestScanTools_CombiningMarkInjectionBypass", "TestScanTools_TagsBlockPoisoning"]:
    for text in row_texts(FUNCTIONS[function]):
        add("pipelock", REPO, COMMIT, PATH, LICENCE, 1, text, "description", function)
for function in ["TestCheckToolPoison_UnicodeBypass", "TestCheckToolPoison_LeetspeakIMPORTANT", "TestCheckToolPoison_IPASmallCapsIMPORTANT",
                 "TestCheckToolPoison_NegativeSquaredIMPORTANT"]:
    for text in normalized_inputs(FUNCTIONS[function]):
        add("pipelock", REPO, COMMIT, PATH, LICENCE, 1, text, "description", function)

# ScanTools tests asserting a finding: their tool is poisoned (in its parameter description where the attack is there).
POISONED_TOOLS = {
    "TestScanTools_InjectionInDescription": None, "TestScanTools_PoisonTag": None, "TestScanTools_CurlExecDirective": None,
    "TestScanTools_DataRoutingDirective": None, "TestScanTools_CrossToolManipulation": None, "TestScanTools_InjectionAndPoison": None,
    "TestScanTools_VariationSelectorPoisoning": None, "TestScanTools_BatchPoisoned": None,
    "TestScanTools_SchemaDescriptionPoison": "parameters", "TestScanTools_SchemaCredentialPrepend": "parameters",
    "TestScanTools_MultiplePoisonedTools": "evil_tool", "TestScanTools_EmptyNameToolDoesNotBypass": "evil",
}
for function, which in POISONED_TOOLS.items():
    for tool in tools_lists(FUNCTIONS[function]):
        if which == "parameters":
            add_tool(tool, 1, function, parameters_only=True)
        elif which is None or tool["name"] == which:
            add_tool(tool, 1, function)
        elif tool["name"]:
            add_tool(tool, 0, function)  # a sibling the test asserts unmatched

# Clean: the no-finding tables and the tools of the ScanTools tests that assert the list clean.
for function in ["TestCheckToolPoison_DangerousCapability_NoFalsePositive", "TestCheckToolPoison_Clean", "TestCheckToolPoison_BenignEnvReference"]:
    for text in list_items(FUNCTIONS[function]):
        add("pipelock", REPO, COMMIT, PATH, LICENCE, 0, text, "description", function)
for function in ["TestScanTools_CleanTools", "TestScanTools_BatchClean", "TestScanTools_BenignParamNames",
                 "TestScanTools_AuthParamNoFalsePositive", "TestScanTools_ExtraPoisonClean", "TestScanTools_NilConfig"]:
    for tool in tools_lists(FUNCTIONS[function]):
        add_tool(tool, 0, function)

print(TARGET, "added", append(TARGET, rows))
