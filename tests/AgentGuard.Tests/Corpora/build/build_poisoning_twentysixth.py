"""Appends the source added in the twenty-sixth session of issue 14 to poisoning.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.
Labels are the source's own:

- redcell: Blute122/redcell (Apache-2.0), an OWASP-mapped red-team scanner whose tool-poisoning probe inspects the
  metadata an MCP server advertises. Its tests (`tests/test_tool_poisoning.py`) label each description:
  * a description is poisoned when its test asserts an indicator for it (`"x" in _indicators(...)`, or an
    `any(...)`/non-empty check over the signals of `det.inspect(...)`);
  * clean when its test asserts an indicator absent (`"x" not in _indicators(...)`, the loops over clean
    descriptions): look-alikes the detector is built to spare;
  * the mock server the end-to-end tests run (`tests/mock_mcp_server.py`): with `--poisoned`, the tools
    `get_weather`, `translate` and `log_event` are asserted flagged (their descriptions poisoned), `get_forecast`
    and `summarize_chat` asserted not flagged; the base tools (`list_files`, `delete_account`, `wire_transfer`) are
    asserted clean by the clean-server test. Every text of a clean tool (description and parameter descriptions) is
    clean; of a poisoned tool, its description.
  Descriptions are read from the tests' syntax (a description built with an f-string is evaluated with the test's
  own preceding assignments); texts under 12 characters are dropped as everywhere.
"""
import ast

from common import append, description_rows, show_at

TARGET = "../poisoning.jsonl"
SOURCE = "redcell"
REPO, COMMIT, LICENCE = "Blute122/redcell", "0f79c878cceabc03152e70777ad85c17fb4cc29c", "Apache-2.0"
TESTS = "tests/test_tool_poisoning.py"
SERVER = "tests/mock_mcp_server.py"
POISONED_TOOLS = {"get_weather", "translate", "log_event"}
CLEAN_TOOLS = {"get_forecast", "summarize_chat", "list_files", "delete_account", "wire_transfer"}
rows, add = description_rows()


def spec_descriptions(node):
    """The description expressions of every `_spec(description=...)` call under `node`."""
    found = []
    for call in ast.walk(node):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "_spec":
            found += [k.value for k in call.keywords if k.arg == "description"]
    return found


def evaluate(expression, namespace):
    if isinstance(expression, ast.Constant):
        return expression.value
    return eval(compile(ast.Expression(expression), TESTS, "eval"), dict(namespace))


def labelled(function):
    """(label, text) of each description a test function asserts on."""
    namespace = {}
    loop_texts = {}
    inspected = []
    found = []
    for statement in function.body:
        if isinstance(statement, ast.Import):
            exec(compile(ast.Module([statement], []), TESTS, "exec"), namespace)
        elif isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name):
            specs = spec_descriptions(statement.value)
            if specs:
                inspected += specs  # signals = det.inspect(_spec(...))
                continue
            try:
                exec(compile(ast.Module([statement], []), TESTS, "exec"), namespace)
            except NameError:
                pass  # a value from the module under test (the probe, the detector): not a description
        elif isinstance(statement, ast.For) and isinstance(statement.target, ast.Name) and isinstance(statement.iter, ast.Tuple):
            loop_texts[statement.target.id] = [evaluate(e, namespace) for e in statement.iter.elts]
    for statement in ast.walk(function):
        if not isinstance(statement, ast.Assert):
            continue
        test = statement.test
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.In, ast.NotIn)):
            label = 1 if isinstance(test.ops[0], ast.In) else 0
            for expression in spec_descriptions(test.comparators[0]):
                if isinstance(expression, ast.Name) and expression.id in loop_texts:
                    found += [(label, text) for text in loop_texts[expression.id]]
                else:
                    found.append((label, evaluate(expression, namespace)))
        elif inspected:
            # any(s.indicator == ... for s in signals), exfil and exfil[0]...: a finding asserted on the inspected spec.
            found += [(1, evaluate(e, namespace)) for e in inspected]
    return found


tests = ast.parse(show_at(REPO, COMMIT, TESTS))
for node in tests.body:
    if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
        seen = set()
        for label, text in labelled(node):
            if (label, text) in seen:
                continue
            seen.add((label, text))
            add(SOURCE, REPO, COMMIT, TESTS, LICENCE, label, text, "description", node.name)

server = ast.parse(show_at(REPO, COMMIT, SERVER))
for node in server.body:
    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id in ("_TOOLS", "_POISONED_TOOLS"):
        for tool in ast.literal_eval(node.value):
            name = tool["name"]
            if name in POISONED_TOOLS:
                add(SOURCE, REPO, COMMIT, SERVER, LICENCE, 1, tool["description"], "description", name)
            elif name in CLEAN_TOOLS:
                add(SOURCE, REPO, COMMIT, SERVER, LICENCE, 0, tool["description"], "description", name)
                for parameter, schema in tool.get("inputSchema", {}).get("properties", {}).items():
                    if isinstance(schema, dict) and "description" in schema:
                        add(SOURCE, REPO, COMMIT, SERVER, LICENCE, 0, schema["description"], "parameter", f"{name}.{parameter}")
            else:
                raise SystemExit(f"{name}: no label in the tests")

if __name__ == "__main__":
    print(append(TARGET, rows), "rows appended")
