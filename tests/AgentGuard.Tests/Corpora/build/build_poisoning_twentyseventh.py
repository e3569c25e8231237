"""Appends the source added in the twenty-seventh session of issue 14 to poisoning.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.
Labels are the source's own:

- agentnull: jaschadub/AgentNull (MIT), a catalogue of attacks on AI agents with a proof of concept each. The
  proofs of concept that hand an agent MCP tool definitions (read from the code's syntax, as the code builds them):
  * `pocs/MCPRugPull/mcp_rug_pull_agent.py`, four rug-pull strategies serving a tool first as `_get_clean_description`
    builds it, then as `_get_malicious_description` builds it: every text of a clean definition clean; every text
    of a malicious definition that the clean one does not hold poisoned. The gradual strategy's
    `_get_phase_description` serves phase 1 as approved (clean) and asks for a secret file from phase 3 on, with a
    parameter for it (phases 3 and 4 poisoned: the description and the added parameter's description); its phase 2
    text, a step between that asks for nothing, is left out.
  * `pocs/SchemaValidationBypass/schema_validation_bypass_agent.py`, five schemas that carry an instruction past
    a client's validator: the description texts that carry it poisoned (the encoding bypass's tool description,
    an f-string evaluated with the method's own assignment; the nested and pattern-abuse schemas' parameter
    descriptions that ask for a key or configuration file). Schemas whose instruction is in a non-standard field
    (`malicious_instruction`, `x-…` extensions, `additionalProperties`) add nothing, and the plain descriptions
    beside an attack are left out, as elsewhere.
  * `pocs/FullSchemaPoisoning/full_schema_poisoning_agent.py` is left out: its attacks are in parameter names,
    types, `required` arrays, extra fields and defaults, not in a description.
  * `pocs/ToolConfusionAttack`, `NestedFunctionHijack`, `FunctionFlooding`: LangChain tools whose attack is in the
    user's prompt; the tools' descriptions are ordinary ones, clean.
  Texts under 12 characters are dropped as everywhere.
- mcpm-guard: getmcpm/cli (MIT), the fixtures of mcpm's guard (`src/guard/__tests__/fixtures/`), hand-authored from
  public attack write-ups (the README: no MCPTox artefact copied), which its tests feed to the guard's engine:
  * `mcptox/attacks/*.json` whose message is a tools/list result (the fixture MUST be blocked or warned on): the
    tool's description poisoned where the list has one tool; of the multi-tool list, the tool the fixture names
    `poisoned` (its siblings left out). `exfil-param-in-schema.json` is left out (its attack is a property name).
  * `mcptox/benign/*.json` whose message is a tools/list result (MUST pass, no finding): every text clean.
  * `mcptox/drift/*.json`: each tool as first installed clean; as served after the change, the
    `legitimate-upgrade` definition clean, the MCPoison-equivalent rug pull's texts that the installed one does not
    hold poisoned, the schema mutation's left out (its change is the schema).
  * `legitimate-corpus/*.jsonl`, sessions the false-positive test runs through the engine: the tools/list results'
    descriptions and parameter descriptions clean.
  Response, request, sampling, elicitation and `initialize` fixtures are left out: they carry no tool description.
"""
import ast
import json

from common import append, description_rows, ls_at, show_at

TARGET = "../poisoning.jsonl"
SOURCE = "agentnull"
REPO, COMMIT, LICENCE = "jaschadub/AgentNull", "173b3e7351c8f73a4b7a26cba566f301a83a48a3", "MIT"
RUG_PULL = "pocs/MCPRugPull/mcp_rug_pull_agent.py"
BYPASS = "pocs/SchemaValidationBypass/schema_validation_bypass_agent.py"
LANGCHAIN = ["pocs/ToolConfusionAttack/tool_confusion_agent.py", "pocs/NestedFunctionHijack/nested_function_hijack_agent.py",
             "pocs/FunctionFlooding/function_flooding_agent.py"]
rows, add = description_rows()


def methods(path):
    """{(class, method): FunctionDef} of a module."""
    found = {}
    for node in ast.parse(show_at(REPO, COMMIT, path)).body:
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    found[(node.name, item.name)] = item
    return found


def evaluate(function):
    """Runs a method that builds a schema from literals (its `self` unused) and returns what it returns."""
    module = ast.Module([ast.FunctionDef(function.name, ast.arguments([], [ast.arg("self")], None, [], [], None, []),
                                         function.body, [], None)], [])
    ast.fix_missing_locations(module)
    namespace = {}
    exec(compile(module, "<schema>", "exec"), namespace)
    return namespace[function.name](None)


def texts(tool):
    """(field, name, text) of a tool definition's description and every parameter description, nested ones too."""
    found = [("description", tool["name"], tool["description"])] if "description" in tool else []

    def walk(schema, path):
        for key, value in schema.get("properties", {}).items():
            if isinstance(value, dict):
                if isinstance(value.get("description"), str):
                    found.append(("parameter", f"{tool['name']}.{'.'.join(path + [key])}", value["description"]))
                walk(value, path + [key])
        for key, value in schema.get("patternProperties", {}).items():
            if isinstance(value, dict) and isinstance(value.get("description"), str):
                found.append(("parameter", f"{tool['name']}.{'.'.join(path + [key])}", value["description"]))

    walk(tool.get("inputSchema", {}), [])
    return found


# Rug pulls: clean as first served, then the texts only the malicious definition holds.
rug = methods(RUG_PULL)
for strategy in ("TimeBasedRugPull", "UsageBasedRugPull", "ContextAwareRugPull"):
    clean = texts(evaluate(rug[(strategy, "_get_clean_description")]))
    malicious = texts(evaluate(rug[(strategy, "_get_malicious_description")]))
    held = {text for _, _, text in clean}
    for field, name, text in clean:
        add(SOURCE, REPO, COMMIT, RUG_PULL, LICENCE, 0, text, field, f"{strategy}.{name}")
    for field, name, text in malicious:
        if text not in held:
            add(SOURCE, REPO, COMMIT, RUG_PULL, LICENCE, 1, text, field, f"{strategy}.{name}")


class Phase:
    def __init__(self, phase):
        self.phase = phase


phase_method = rug[("GradualRugPull", "_get_phase_description")]
module = ast.Module([phase_method], [])
namespace = {"Dict": dict, "Any": object}
exec(compile(module, "<phase>", "exec"), namespace)
first = texts(namespace[phase_method.name](Phase(1)))
approved = {text for _, _, text in first}
for field, name, text in first:
    add(SOURCE, REPO, COMMIT, RUG_PULL, LICENCE, 0, text, field, f"GradualRugPull.phase1.{name}")
for phase in (3, 4):
    for field, name, text in texts(namespace[phase_method.name](Phase(phase))):
        if text not in approved:
            add(SOURCE, REPO, COMMIT, RUG_PULL, LICENCE, 1, text, field, f"GradualRugPull.phase{phase}.{name}")

# Schema validation bypass: the description texts that carry the instruction.
bypass = methods(BYPASS)
CARRIERS = {"create_encoding_bypass_schema": "encoding_tool",
            "create_nested_bypass_schema": "nested_tool.config.auth.credentials.key_file",
            "create_pattern_abuse_schema": "pattern_tool.options..*"}
for method, carrier in CARRIERS.items():
    for field, name, text in texts(evaluate(bypass[("SchemaValidationBypassAgent", method)])):
        if name == carrier:
            add(SOURCE, REPO, COMMIT, BYPASS, LICENCE, 1, text, field, f"{method}.{name}")

# LangChain tools whose attack is in the user's prompt: clean descriptions.
for path in LANGCHAIN:
    for call in ast.walk(ast.parse(show_at(REPO, COMMIT, path))):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "Tool":
            keywords = {k.arg: k.value for k in call.keywords}
            add(SOURCE, REPO, COMMIT, path, LICENCE, 0, ast.literal_eval(keywords["description"]), "description",
                ast.literal_eval(keywords["name"]))

# mcpm's guard fixtures.
MCPM_SOURCE = "mcpm-guard"
MCPM_REPO, MCPM_COMMIT, MCPM_LICENCE = "getmcpm/cli", "27ac5e4e6035a9c604b9a7d04075175ef80a7da7", "MIT"
FIXTURES = "src/guard/__tests__/fixtures/"


def mcpm_add(path, label, tool, only_description=False, leave=frozenset()):
    for field, name, text in texts(tool):
        if (only_description and field != "description") or text in leave:
            continue
        add(MCPM_SOURCE, MCPM_REPO, MCPM_COMMIT, path, MCPM_LICENCE, label, text, field, name)


for path in sorted(ls_at(MCPM_REPO, MCPM_COMMIT)):
    if not path.startswith(FIXTURES):
        continue
    if path.startswith(FIXTURES + "mcptox/") and path.endswith(".json"):
        fixture = json.loads(show_at(MCPM_REPO, MCPM_COMMIT, path))
        if "/drift/" in path:
            installed, served = fixture["install_time_definition"], fixture["post_install_definition"]
            mcpm_add(path, 0, installed)
            if path.endswith("/legitimate-upgrade.json"):
                mcpm_add(path, 0, served)
            elif path.endswith("/mcpoison-cve-2025-54136-equivalent.json"):
                mcpm_add(path, 1, served, leave={text for _, _, text in texts(installed)})
            continue
        result = fixture.get("message", {}).get("result")
        tools = result.get("tools") if isinstance(result, dict) else None
        if not tools or path.endswith("/exfil-param-in-schema.json"):
            continue
        if "/attacks/" in path:
            chosen = tools if len(tools) == 1 else [t for t in tools if t["name"] == "poisoned"]
            for tool in chosen:
                mcpm_add(path, 1, tool, only_description=True)
        elif "/benign/" in path:
            for tool in tools:
                mcpm_add(path, 0, tool)
    elif path.startswith(FIXTURES + "legitimate-corpus/") and path.endswith(".jsonl"):
        for line in show_at(MCPM_REPO, MCPM_COMMIT, path).splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            result = json.loads(line).get("result")
            for tool in (result.get("tools") or []) if isinstance(result, dict) else []:
                mcpm_add(path, 0, tool)

if __name__ == "__main__":
    print(append(TARGET, rows), "rows appended")
