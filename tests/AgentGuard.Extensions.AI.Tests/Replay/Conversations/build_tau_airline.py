"""Builds the benign conversation family `tau-airline` (tau-bench's recorded gpt-4o airline sessions) into
tau_airline.jsonl and its tool catalogue into tau_airline_catalogue.json. Run from this folder with the path of a
checkout of sierra-research/tau-bench at the commit below:

    python3 build_tau_airline.py /path/to/tau-bench

Source: sierra-research/tau-bench (MIT licence), commit 59a200c6d575d595120f1cb70fea53cef0632f6b:
- `historical_trajectories/gpt-4o-airline.json`: 200 recorded sessions (50 tasks x 4 trials) of a gpt-4o tool-calling
  agent serving simulated airline customers (SHA-256 checked below). Every message is kept as recorded: the user's
  turns, each assistant step's tool calls with their arguments, each tool's result, the assistant's replies.
- `tau_bench/envs/airline/tools/*.py`: each tool's name, description and JSON schema, read from the dictionary literal
  its `get_info()` returns (with `ast`, nothing is executed).
The system prompt (the airline's policy, the same in all 200 sessions) is kept once, in the catalogue.

Nothing here is an attack: the customers are simulated by a model following a task, and the agent acts for them. The
family measures how often AgentGuard interrupts real agent traffic it was not written for.
"""
import ast
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COMMIT = "59a200c6d575d595120f1cb70fea53cef0632f6b"
TRAJECTORIES = "historical_trajectories/gpt-4o-airline.json"
TRAJECTORIES_SHA256 = "e9e6c0297660c537f83d4fd9c476ce7a9a86ecd2784874b7bfc13be598e37bfa"
TOOLS = "tau_bench/envs/airline/tools"
FAMILY = "tau-airline"
SOURCE = f"sierra-research/tau-bench@{COMMIT[:8]} {TRAJECTORIES}"


def read_at_commit(repo, path):
    return subprocess.run(["git", "-C", repo, "show", f"{COMMIT}:{path}"], check=True, capture_output=True).stdout


def tool_schemas(repo):
    names = subprocess.run(["git", "-C", repo, "ls-tree", "--name-only", COMMIT, TOOLS + "/"],
                           check=True, capture_output=True, text=True).stdout.split()
    tools = {}
    for path in sorted(names):
        if not path.endswith(".py") or path.endswith("__init__.py"):
            continue
        tree = ast.parse(read_at_commit(repo, path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "get_info":
                returned = next(n for n in ast.walk(node) if isinstance(n, ast.Return))
                info = ast.literal_eval(returned.value)["function"]
                tools[info["name"]] = {"description": info["description"], "parameters": info["parameters"]}
    return tools


def turns_of(trajectory, tools):
    """Splits a session into turns: a user message, the agent's tool-call steps, and its reply (None if it ended on a tool)."""
    turns = []
    results = {m["tool_call_id"]: m["content"] for m in trajectory if m["role"] == "tool"}
    for message in trajectory[1:]:
        role = message["role"]
        if role == "user":
            turns.append({"user": message["content"], "steps": [], "reply": None})
        elif role == "assistant" and message.get("tool_calls"):
            step = []
            for call in message["tool_calls"]:
                name = call["function"]["name"]
                arguments = json.loads(call["function"]["arguments"])
                unknown = set(arguments) - set(tools[name]["parameters"].get("properties", {}))
                assert not unknown, (name, unknown)
                step.append({"tool": name, "args": arguments, "result": results[call["id"]]})
            turns[-1]["steps"].append(step)
        elif role == "assistant":
            turns[-1]["reply"] = message["content"] or ""
    if turns and not turns[-1]["steps"] and turns[-1]["reply"] is None:
        turns.pop()  # the simulated customer's closing line (`###STOP###`), which ends the episode unanswered
    return turns


def main(repo):
    raw = read_at_commit(repo, TRAJECTORIES)
    assert hashlib.sha256(raw).hexdigest() == TRAJECTORIES_SHA256, "not the recorded file"
    sessions = json.loads(raw)
    tools = tool_schemas(repo)
    instructions = sessions[0]["traj"][0]["content"]
    assert all(s["traj"][0]["role"] == "system" and s["traj"][0]["content"] == instructions for s in sessions)

    with open(os.path.join(HERE, "tau_airline_catalogue.json"), "w", encoding="utf-8") as out:
        json.dump({"instructions": instructions, "tools": tools}, out, ensure_ascii=False, indent=1)
        out.write("\n")

    with open(os.path.join(HERE, "tau_airline.jsonl"), "w", encoding="utf-8") as out:
        for session in sorted(sessions, key=lambda s: (s["task_id"], s["trial"])):
            row = {
                "id": f"{FAMILY}-{session['task_id']:02d}-{session['trial']}",
                "task": f"{FAMILY}/{session['task_id']}",
                "family": FAMILY,
                "source": SOURCE,
                "turns": turns_of(session["traj"], tools),
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
