"""Builds the benign conversation families `api-bank` (API-Bank's level-1 dialogues) and `api-bank-toolsearcher` (its
level-2 dialogues, in which the assistant first finds the API with the `ToolSearcher` API) into api_bank.jsonl and
api_bank_toolsearcher.jsonl, and their tool catalogues into api_bank_catalogue.json and api_bank_toolsearcher_catalogue.json. Run from this folder with the path of a checkout of AlibabaResearch/DAMO-ConvAI
at the commit below:

    python3 build_api_bank.py /path/to/DAMO-ConvAI

Source: API-Bank (AlibabaResearch/DAMO-ConvAI, folder `api-bank`, Apache-2.0 as `api-bank/LICENSE` says), commit
483554eae102996f5ec1f4feab4e78ef29c2a394:
- `api-bank/lv1-lv2-samples/level-1-given-desc/*.jsonl`: 213 annotated dialogues (a 214th file is empty) of a user and an assistant with the
  API calls the assistant made (name, arguments, and the result the API-Bank implementation returned). Each dialogue is
  one session; the APIs in its file name, and any other it calls (GetUserToken), are the tools it was given. User and assistant messages and calls are kept as
  annotated; an assistant message between two calls of one turn is dropped (the replayed model speaks once per turn,
  after its calls), the turn's last one is its reply.
- `api-bank/lv1-lv2-samples/level-2-toolsearcher/*.jsonl`: 50 dialogues of the same kind in which the assistant first
  calls `ToolSearcher` with keywords and reads the API descriptions it returns, then calls the API found.
- `api-bank/apis/*.py`: each API's name (its class), description and input parameters, read from the class attributes'
  literals (with `ast`, nothing is executed); API-Bank's types become JSON schema types.
Calls are kept as annotated, also where an argument's name differs from the API's code at this commit. A result is
the API's `output` as JSON, or `Exception: <message>` when the call raised.

Nothing here is an attack: users ask for calendars, alarms, health records, bank accounts, password changes, account
deletion. The family measures how often AgentGuard interrupts traffic it was not written for.
"""
import ast
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COMMIT = "483554eae102996f5ec1f4feab4e78ef29c2a394"
DIALOGUES = "api-bank/lv1-lv2-samples/level-1-given-desc"
APIS = "api-bank/apis"
FAMILY = "api-bank"
TOOLSEARCHER_DIALOGUES = "api-bank/lv1-lv2-samples/level-2-toolsearcher"
TOOLSEARCHER_FAMILY = "api-bank-toolsearcher"
TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "list": "array", "list(str)": "array",
         "dict": "object", "json": "object", "Union[List[dict], dict]": "object"}


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True).stdout


def list_files(repo, folder):
    return sorted(git(repo, "ls-tree", "--name-only", COMMIT, folder + "/").decode().split())


def api_schemas(repo):
    tools = {}
    for path in list_files(repo, APIS):
        if not path.endswith(".py"):
            continue
        for node in ast.parse(git(repo, "show", f"{COMMIT}:{path}")).body:
            if not isinstance(node, ast.ClassDef) or not any(getattr(b, "id", None) == "API" for b in node.bases):
                continue
            attributes = {t.id: a.value for a in node.body if isinstance(a, ast.Assign) for t in a.targets if isinstance(t, ast.Name)}
            if "description" not in attributes or "input_parameters" not in attributes:
                continue
            parameters = ast.literal_eval(attributes["input_parameters"])
            tools[node.name] = {
                "description": ast.literal_eval(attributes["description"]),
                "parameters": {
                    "type": "object",
                    "properties": {name: {"type": TYPES[spec["type"]], "description": spec["description"]} for name, spec in parameters.items()},
                    "required": list(parameters),
                },
            }
    return tools


def records(text):
    """The dialogue's JSON records; a few files put two on one line (no newline between them)."""
    decoder = json.JSONDecoder()
    at, found = 0, []
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return found
        record, at = decoder.raw_decode(text, at)
        found.append(record)


def result_text(result):
    if result.get("exception"):
        return f"Exception: {result['exception']}"
    return json.dumps(result.get("output"), ensure_ascii=False)


def turns_of(dialogue, tools, allowed):
    turns = []
    for record in dialogue:
        role = record["role"]
        if role == "User":
            turns.append({"user": record["text"], "steps": [], "reply": None})
        elif role == "API":
            name = record["api_name"]
            assert name in tools, name
            if name not in allowed:
                allowed.append(name)  # GetUserToken is called in dialogues whose file name does not list it
            # Kept as annotated even where a name differs from the API's code today (CancelTimedSwitch's `device_id`).
            turns[-1]["steps"].append([{"tool": name, "args": record["param_dict"], "result": result_text(record["result"])}])
            turns[-1]["reply"] = None
        elif role == "AI":
            turns[-1]["reply"] = record["text"]
        else:
            raise ValueError(role)
    return turns


def build(repo, tools, folder, family, target):
    rows = []
    used = set()
    for path in list_files(repo, folder):
        name = os.path.basename(path)[: -len(".jsonl")]
        # A name API-Bank does not implement (GetReminder) is not a tool; a call to one would fail the schema check.
        apis = [a for a in name.split("-level-")[0].split("-") if a in tools]
        turns = turns_of(records(git(repo, "show", f"{COMMIT}:{path}").decode("utf-8")), tools, apis)
        if not turns:
            continue  # SearchEngine-level-1-1.jsonl is empty at this commit
        used.update(apis)
        rows.append({"id": f"{family}-{name}", "task": f"{family}/{name}", "family": family, "source": f"AlibabaResearch/DAMO-ConvAI@{COMMIT[:8]} {folder}",
                     "tools": apis, "turns": turns})

    with open(os.path.join(HERE, target + "_catalogue.json"), "w", encoding="utf-8") as out:
        json.dump({"instructions": "", "tools": {n: tools[n] for n in sorted(used)}}, out, ensure_ascii=False, indent=1)
        out.write("\n")
    with open(os.path.join(HERE, target + ".jsonl"), "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(repo):
    tools = api_schemas(repo)
    build(repo, tools, DIALOGUES, FAMILY, "api_bank")
    build(repo, tools, TOOLSEARCHER_DIALOGUES, TOOLSEARCHER_FAMILY, "api_bank_toolsearcher")


if __name__ == "__main__":
    main(sys.argv[1])
