"""Builds the benign conversation family `tooltalk` (Microsoft's ToolTalk conversations) into tooltalk.jsonl, and its
tool catalogue into tooltalk_catalogue.json. Run from this folder with the path of a checkout of microsoft/ToolTalk at
the commit below:

    python3 build_tooltalk.py /path/to/ToolTalk

Source: ToolTalk, "An Evaluation of Tool-Use for Conversational Agents" (microsoft/ToolTalk, MIT as `LICENSE` says),
commit e05f4ce6132c80ed33392b81535b077d56ab28fd:
- `data/tooltalk/*.json`: 50 conversations written by the authors, each of a user and an assistant using tools of
  three suites (accounts, alarms, calendar, e-mail, messages, reminders, weather), with every API call the assistant
  made: its name, parameters and the response (or exception) ToolTalk's implementation gave.
- `data/easy/*.json`: 28 shorter conversations, one API each.
- `src/tooltalk/apis/*.py`: each API's name (its class), `description` and `parameters`, and the suites (`*Suite`
  classes: `name`, `apis`), read from the class attributes' literals with `ast` (nothing is executed). A session is
  given every API of the suites its file lists in `suites_used`.
A user message starts a turn; each API call of an assistant message is one step (the replayed model makes one call per
model turn, as ToolTalk's assistant called them in order); the assistant's text is the turn's reply. Two assistant
messages in a row join one turn, the later text its reply. A result is the response as JSON, or `Exception: <message>`.
ToolTalk's executor adds the session token to the parameters of an API that requires a log-in (`tool_executor.py`),
and the recorded request is that same dictionary; the token is no parameter of any API, and the assistant never wrote
it, so it is left out of the calls: they carry what the assistant wrote.

Nothing here is an attack: users register accounts, change passwords, delete accounts, send e-mails and messages,
book events and set reminders. The family measures how often AgentGuard interrupts traffic it was not written for.
"""
import ast
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COMMIT = "e05f4ce6132c80ed33392b81535b077d56ab28fd"
FOLDERS = ["data/tooltalk", "data/easy"]
APIS = "src/tooltalk/apis"
FAMILY = "tooltalk"


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True).stdout


def list_files(repo, folder):
    return sorted(git(repo, "ls-tree", "--name-only", COMMIT, folder + "/").decode().split())


def schemas_and_suites(repo):
    tools, suites = {}, {}
    for path in list_files(repo, APIS):
        if not path.endswith(".py"):
            continue
        for node in ast.parse(git(repo, "show", f"{COMMIT}:{path}")).body:
            if not isinstance(node, ast.ClassDef):
                continue
            attributes = {t.id: a.value for a in node.body if isinstance(a, ast.Assign) for t in a.targets if isinstance(t, ast.Name)}
            if "apis" in attributes and "name" in attributes:
                suites[ast.literal_eval(attributes["name"])] = [n.id for n in attributes["apis"].elts]
            elif "description" in attributes and "parameters" in attributes:
                parameters = ast.literal_eval(attributes["parameters"])
                tools[node.name] = {
                    "description": ast.literal_eval(attributes["description"]),
                    "parameters": {
                        "type": "object",
                        "properties": {name: {"type": spec["type"], "description": spec["description"]} for name, spec in parameters.items()},
                        "required": [name for name, spec in parameters.items() if spec.get("required")],
                    },
                }
    return tools, suites


def result_text(api):
    if api.get("exception"):
        return f"Exception: {api['exception']}"
    return json.dumps(api.get("response"), ensure_ascii=False)


def turns_of(conversation, tools):
    turns = []
    for message in conversation:
        if message["role"] == "user":
            turns.append({"user": message["text"], "steps": [], "reply": None})
            continue
        assert message["role"] == "assistant", message["role"]
        for api in message.get("apis", []):
            name = api["request"]["api_name"]
            assert name in tools, name
            declared = tools[name]["parameters"]["properties"]
            arguments = {k: v for k, v in api["request"]["parameters"].items() if k in declared or k != "session_token"}
            turns[-1]["steps"].append([{"tool": name, "args": arguments, "result": result_text(api)}])
        turns[-1]["reply"] = message.get("text")
    return turns


def main(repo):
    tools, suites = schemas_and_suites(repo)
    rows, used = [], set()
    for folder in FOLDERS:
        for path in list_files(repo, folder):
            if not path.endswith(".json"):
                continue
            data = json.loads(git(repo, "show", f"{COMMIT}:{path}"))
            given = [api for suite in data["suites_used"] for api in suites[suite]]
            turns = turns_of(data["conversation"], tools)
            for turn in turns:
                for step in turn["steps"]:
                    assert all(call["tool"] in given for call in step), (path, step)
            used.update(given)
            name = os.path.basename(path)[: -len(".json")]
            kind = os.path.basename(folder)
            rows.append({"id": f"{FAMILY}-{kind}-{name}", "task": f"{FAMILY}/{kind}/{name}", "family": FAMILY,
                         "source": f"microsoft/ToolTalk@{COMMIT[:8]} {path}", "tools": given, "turns": turns})

    with open(os.path.join(HERE, "tooltalk_catalogue.json"), "w", encoding="utf-8") as out:
        json.dump({"instructions": "", "tools": {n: tools[n] for n in sorted(used)}}, out, ensure_ascii=False, indent=1)
        out.write("\n")
    with open(os.path.join(HERE, "tooltalk.jsonl"), "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(rows), "sessions,", sum(len(s) for r in rows for t in r["turns"] for s in t["steps"]), "calls")


if __name__ == "__main__":
    main(sys.argv[1])
