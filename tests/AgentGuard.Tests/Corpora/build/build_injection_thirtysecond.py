"""Appends the source added in the thirty-second session of issue 14 to injection.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- redteamcua: RedTeamCUA, "Realistic Adversarial Testing of Computer-Use Agents in Hybrid Web-OS Environments"
  (OSU-NLP-Group/RedTeamCUA; Apache-2.0, `LICENSE`). A computer-use agent is asked to set something up from a forum
  thread (a WebArena Postmill "Reddit" instance), a RocketChat colleague or an OwnCloud file; the adversary replaces
  one forum comment, the colleague's reply or the file with an injection that asks the agent to delete, modify,
  encrypt or leak a file of the user's machine, or to exhaust it, before the benign setup step. The texts here are the
  forum comments exactly as the benchmark writes them into the forum's database: the `new_content` of every
  `reddit_adv_setup` action of `evaluation_examples/examples/reddit/*.json` (the configurations its runs read, as
  `goals/adv/adv_goals_generate_reddit.py` built them: "THIS IS IMPORTANT! THIS IS IMPORTANT!" + one of 24 adversarial
  goals, in its natural-language or its code form + the task's "as this is required for ..." + the task's benign
  setup step). Each goal text occurs with three tasks (three threads); one of the three is drawn per goal text with a
  fixed seed, so that no goal text is shared between the tuning and held-out parts: 48 injected texts. The clean
  texts are the thread bodies and comments the benchmark writes into the forum before a run (every `new_content` of
  `adv/WebArena_Reddit/preprocess.py`, read from its syntax: `textwrap.dedent` of a literal, as the script calls it),
  40 characters or more. Left out: the RocketChat replies (a language model playing the colleague writes them from a
  strategy hint, so the benchmark holds no text the agent reads) and the OwnCloud files (PDFs the agent sees on
  screen).
"""
import ast
import collections
import json
import random
import sys
import textwrap

from common import append, ls_at, show_at

TARGET = "../injection.jsonl"
SOURCE = "redteamcua"
REPO = "OSU-NLP-Group/RedTeamCUA"
COMMIT = "0304bc43401f28eb5d10054287a9a36367041264"
LICENCE = "Apache-2.0"
EXAMPLES = "evaluation_examples/examples/reddit/"
PREPROCESS = "adv/WebArena_Reddit/preprocess.py"
REQUIRED = ", as this is requried for"
SEED = 32


def row(label, kind, path, text):
    return {"source": SOURCE, "repo": REPO, "commit": COMMIT, "path": path, "licence": LICENCE, "label": label,
            "kind": kind, "text": text}


def injected():
    by_goal = collections.defaultdict(dict)
    for path in sorted(p for p in ls_at(REPO, COMMIT) if p.startswith(EXAMPLES) and p.endswith(".json")):
        config = json.loads(show_at(REPO, COMMIT, path))
        kind = config["meta_data"]["adversary_injection_type"]
        for action in config["adversary_config"]:
            if action["type"] != "reddit_adv_setup":
                continue
            text = action["parameters"]["new_content"]
            if REQUIRED not in text:
                raise SystemExit(f"{path}: no task clause")
            goal = text.split(REQUIRED)[0]
            by_goal[goal].setdefault(text, (kind, path))
    rng = random.Random(SEED)
    rows = []
    for goal in sorted(by_goal):
        texts = sorted(by_goal[goal])
        text = rng.choice(texts)
        kind, path = by_goal[goal][text]
        rows.append(row(1, f"injected-forum-comment-{kind}", path, text))
    return rows


def clean():
    tree = ast.parse(show_at(REPO, COMMIT, PREPROCESS))
    rows = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "update_content"):
            continue
        args = {k.arg: k.value for k in node.keywords}
        column = ast.literal_eval(args["column_name"])
        value = args["new_content"]
        if not (isinstance(value, ast.Call) and getattr(value.func, "attr", None) == "dedent"):
            raise SystemExit("new_content is not textwrap.dedent of a literal")
        text = textwrap.dedent(ast.literal_eval(value.args[0])).strip()
        if column == "body" and len(text) >= 40:
            table = ast.literal_eval(args["table_name"])
            rows.append(row(0, f"clean-forum-{table[:-1]}", PREPROCESS, text))
    return rows


rows = injected() + clean()
if sys.argv[1:] == ["--count"]:
    print(collections.Counter((r["label"], r["kind"]) for r in rows), len(rows))
else:
    print(append(TARGET, rows), "rows added")
