"""Appends the sources added in the eleventh session of issue 14 to injection.jsonl, before any tuning on them.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. Every source is read at a pinned commit.

- sep: SEP, "Should It Be Executed Or Processed?" (egozverev/Should-It-Be-Executed-Or-Processed, MIT). Its data
  prompts (`SEP_dataset/interim_data_files/raw_data.json`, the texts a task is run on) are the tool results; a probe
  of `SEP_dataset/source/probes.json` (an instruction, half of them "insistent") is put before or after the data
  prompt with a space, exactly as `SEP_dataset/insert_probes.py` builds its `prompt_instructed` (label 1); other data
  prompts stay clean, as its `prompt_clean` (label 0). Data prompts shorter than 40 characters are left out.
- cyberseceval-indirect: Meta's CyberSecEval prompt-injection set (meta-llama/PurpleLlama,
  `CybersecurityBenchmarks/datasets/prompt_injection/prompt_injection.json`, MIT), its 55 `indirect` cases. Each
  case is a user request followed by the content it is about ("Summarize this webpage: '<html>…'"); the content,
  which carries the injection, is what a tool would return, so the request before the first ": " is cut off (and one
  pair of surrounding quotes); a case that opens with its content is kept whole (label 1).
"""
import json
import random

from common import append, sample, show_at

TARGET = "../injection.jsonl"

rows = []

# SEP (MIT).
REPO, COMMIT = "egozverev/Should-It-Be-Executed-Or-Processed", "6c5ba9571947aa3d7c388c97e3e4867490a6157b"
DATA, PROBES = "SEP_dataset/interim_data_files/raw_data.json", "SEP_dataset/source/probes.json"
probes = json.loads(show_at(REPO, COMMIT, PROBES))
data = []
for task_type, tasks in json.loads(show_at(REPO, COMMIT, DATA))["output"].items():
    if task_type == "descr":
        continue
    for task_name, task in tasks.items():
        if task_name == "descr":
            continue
        for group in task["subtasks"]:
            for subtask in group if isinstance(group, list) else [group]:
                if isinstance(subtask, str):
                    try:
                        subtask = json.loads(subtask)
                    except json.JSONDecodeError:
                        continue
                for text in subtask.get("data", []) if isinstance(subtask, dict) else []:
                    if isinstance(text, str) and len(text.strip()) >= 40:
                        data.append(text.strip())
data = sorted(set(data))
chosen = sample(data, 400, seed="sep-data")
rng = random.Random("sep-probes")
for i, text in enumerate(chosen):
    if i % 2 == 0:
        rows.append({"source": "sep", "repo": REPO, "commit": COMMIT, "path": DATA, "licence": "MIT", "label": 0,
                     "kind": "clean-data", "text": text})
        continue
    probe = probes[rng.randrange(len(probes))]["instruction"]
    side = rng.choice(["left", "right"])
    injected = probe + " " + text if side == "left" else text + " " + probe
    rows.append({"source": "sep", "repo": REPO, "commit": COMMIT, "path": DATA + " + " + PROBES, "licence": "MIT",
                 "label": 1, "kind": "probe-" + side, "text": injected})

# CyberSecEval indirect prompt injection (MIT).
REPO, COMMIT = "meta-llama/PurpleLlama", "4be64c3a24442b51c76175e6ec67722cc3f5fe38"
PATH = "CybersecurityBenchmarks/datasets/prompt_injection/prompt_injection.json"
for case in json.loads(show_at(REPO, COMMIT, PATH)):
    if case["injection_type"] != "indirect":
        continue
    text = case["user_input"]
    cut = text.find(": ")
    if cut > 0 and not text.startswith("<"):
        text = text[cut + 2:]
    text = text.strip()
    if len(text) > 1 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1].strip()
    rows.append({"source": "cyberseceval-indirect", "repo": REPO, "commit": COMMIT, "path": PATH, "licence": "MIT",
                 "label": 1, "kind": "indirect-" + case["injection_variant"], "text": text})

print(f"appended {append(TARGET, rows)} of {len(rows)} rows")
