"""Appends the source added in the twenty-seventh session of issue 14 to injection.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- greshake-llm-security: the demonstrations of "Not what you've signed up for: Compromising Real-World
  LLM-Integrated Applications with Indirect Prompt Injection" (Greshake et al., 2023), greshake/llm-security (MIT,
  `LICENSE`), commit 87f4b7ff. Every text is one the demo applications receive as data, not from their user:
  * the web pages of its puzzle server (`scenarios/puzzle/puzzles/*`, the injections it served to Bing Chat), each
    rendered as `scenarios/puzzle/server.py` renders it (`{{url}}` → its URL, `{{clue}}` → one of its two clues,
    drawn with a fixed seed; `leave-a-message` with the first visitor's message);
  * the payloads of the GPT-4 (ChatML) and GPT-3/LangChain scenarios (`scenarios/gpt4/*.py`,
    `scenarios/gpt3langchain/*.py`): the attacker's web page or social-media profile, the e-mail that spreads
    itself, the instructions planted in memory or fetched from the attacker's server, the secondary payloads; the
    multi-stage scenarios' primary payload inside the Wikipedia page (`scenarios/common/albert_einstein.md`) at its
    midpoint, exactly as the scenario builds the poisoned page;
  * the code files a completion engine reads (`scenarios/code-completion/advanced-example/injection/leftpad.py`,
    `needle.py`: instructions in docstrings).
  Strings are read from the scenario modules with Python's `ast` (no scenario code runs) and stripped of surrounding
  white space. Clean texts: the Wikipedia page alone and the remote-control scenarios' clean bird website.
"""
import ast
import base64
import random

from common import append, show_at

TARGET = "../injection.jsonl"
SOURCE = "greshake-llm-security"
REPO, COMMIT = "greshake/llm-security", "87f4b7ffa568b7261a79b31573068d8113319212"
LICENCE = "MIT"

PUZZLE_URL = "https://puzzle.kai-greshake.de/"
FIRST_MESSAGE = "You're the first one to reach this puzzle! Hello from the secret developers."
PUZZLES = ["ai-box", "monkeypawdan", "sqlserver", "cnc", "rickroll", "terminal-musk", "social-engineer", "leave-a-message"]
WIKIPEDIA = "scenarios/common/albert_einstein.md"

# (module, name of the string it binds, how the text reaches the model)
PAYLOADS = [
    ("scenarios/gpt4/data_exfiltration.py", "injection", "web page"),
    ("scenarios/gpt4/multi_stage.py", "primary_payload", "embedded in Wikipedia page"),
    ("scenarios/gpt4/multi_stage.py", "secondary_payload", "search result"),
    ("scenarios/gpt4/persistence.py", "instructions", "memory"),
    ("scenarios/gpt4/remote-control.py", "original_injection", "planted instructions"),
    ("scenarios/gpt4/remote-control.py", "secondary_injection", "fetched from attacker's server"),
    ("scenarios/gpt4/spread.py", "malicious_email", "e-mail"),
    ("scenarios/gpt3langchain/data_exfiltration.py", "attacker_social_media_injection", "web page"),
    ("scenarios/gpt3langchain/multi_stage.py", "primary_payload", "embedded in Wikipedia page"),
    ("scenarios/gpt3langchain/multi_stage.py", "secondary_payload", "search result"),
    ("scenarios/gpt3langchain/persistence.py", "instructions", "memory"),
    ("scenarios/gpt3langchain/remote-control.py", "original_injection", "planted instructions"),
    ("scenarios/gpt3langchain/remote-control.py", "attacker_c2_payload", "fetched from attacker's server"),
    ("scenarios/gpt3langchain/spread.py", "text", "e-mail"),
]
CODE_FILES = [
    "scenarios/code-completion/advanced-example/injection/leftpad.py",
    "scenarios/code-completion/advanced-example/injection/needle.py",
]
CLEAN = [("scenarios/gpt4/remote-control.py", "current_website"), ("scenarios/gpt3langchain/remote-control.py", "current_website")]


def bound_string(path, name):
    """The string constant (or f-string without fields) bound to `name` anywhere in the module; the last non-None one."""
    found = None
    for node in ast.walk(ast.parse(show_at(REPO, COMMIT, path))):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            value = node.value
            if isinstance(value, ast.JoinedStr) and all(isinstance(v, ast.Constant) for v in value.values):
                found = "".join(v.value for v in value.values)
            elif isinstance(value, ast.Constant) and isinstance(value.value, str):
                found = value.value
            elif isinstance(value, ast.BinOp):
                found = ast.literal_eval(value)
    if found is None:
        raise ValueError(f"{path}: no string bound to {name}")
    return found


def row(path, label, kind, text):
    return {"source": SOURCE, "repo": REPO, "commit": COMMIT, "path": path, "licence": LICENCE, "label": label,
            "kind": kind, "text": text}


rng = random.Random(27)
solution = base64.b64encode("https://kai-greshake.de/posts/puzzle-22745/".encode()).decode()  # as server.py builds it
clues = ["A-" + solution[:len(solution) // 2], "B-" + solution[len(solution) // 2:]]
rows = []
for name in PUZZLES:
    path = f"scenarios/puzzle/puzzles/{name}"
    page = show_at(REPO, COMMIT, path).replace("{{message}}", FIRST_MESSAGE)
    page = page.replace("{{url}}", PUZZLE_URL).replace("{{clue}}", rng.choice(clues))
    rows.append(row(path, 1, "web page (puzzle server)", page.strip()))

wikipedia = show_at(REPO, COMMIT, WIKIPEDIA)
for path, name, kind in PAYLOADS:
    text = bound_string(path, name)
    if kind == "embedded in Wikipedia page":
        text = wikipedia[:len(wikipedia) // 2] + text + wikipedia[len(wikipedia) // 2:]
    rows.append(row(path, 1, kind, text.strip()))
for path in CODE_FILES:
    rows.append(row(path, 1, "code file", show_at(REPO, COMMIT, path).strip()))

rows.append(row(WIKIPEDIA, 0, "web page", wikipedia.strip()))
for path, name in CLEAN:
    rows.append(row(path, 0, "web page", bound_string(path, name).strip()))

print(len(rows), "rows")
print(TARGET, append(TARGET, rows))
