"""Appends the source added in the twenty-fifth session of issue 14 to injection.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- spikee: Spikee, the Simple Prompt Injection Kit for Evaluation and Exploitation (ReversecLabs/spikee, formerly
  WithSecureLabs/spikee; Apache-2.0, `LICENSE.txt`). Its generator (`spikee/generator.py`) builds indirect
  injections from a seed folder: a jailbreak template (`jailbreaks.jsonl`, `<INSTRUCTION>` replaced by an
  instruction of `instructions.jsonl` in the same language, as `_process_permutation_worker` pairs them with its
  default `--match-languages`), wrapped in the default injection delimiter (`\nINJECTION_PAYLOAD\n`) and put at the
  start, middle (the whitespace nearest the midpoint, `find_nearest_whitespace`) or end of a base document
  (`base_user_inputs.jsonl`), as `insert_jailbreak` does. The injected document is what a tool returns to the agent.
  Documents: the seed folders' e-mail (`email-01`) and the mini-test folder's code file (`code-01`); the
  `direct-01` entries (a bare placeholder: a direct prompt, not data) are left out. Jailbreaks: the 69 templates of
  `seeds-cybersec-2026-01` (every other seed folder holds a subset of them), English and four low-resource languages
  (Zulu, Albanian, Irish, Scottish Gaelic). Each template is used ONCE, so that no template is shared between the
  tuning and held-out parts: its instruction (drawn from the instruction files of the indirect seed folders
  `seeds-cybersec-2026-01`, `zzz_LEGACY_seeds-cybersec-2025-04`, `seeds-llm-mailbox` and
  `seeds-sysmsg-extraction-2025-04`, same language), document and position are drawn with a fixed seed. The two
  documents alone are the clean texts.
"""
import json
import random

from common import append, show_at

TARGET = "../injection.jsonl"
SOURCE = "spikee"
REPO, COMMIT = "ReversecLabs/spikee", "454f7a0c21db2dd8779c23408f24700430c71d8b"
SEEDS = "spikee/data/workspace/datasets"
JAILBREAKS = f"{SEEDS}/seeds-cybersec-2026-01/jailbreaks.jsonl"
INSTRUCTION_FOLDERS = ["seeds-cybersec-2026-01", "zzz_LEGACY_seeds-cybersec-2025-04", "seeds-llm-mailbox",
                       "seeds-sysmsg-extraction-2025-04"]
DOCUMENTS = [("seeds-cybersec-2026-01", "email-01"), ("seeds-mini-test", "code-01")]
DELIMITER = "\nINJECTION_PAYLOAD\n"


def jsonl(path):
    return [json.loads(line) for line in show_at(REPO, COMMIT, path).splitlines() if line.strip()]


def nearest_whitespace(text, index):
    """spikee's find_nearest_whitespace: the space nearest the index (on a tie, the one before it)."""
    forward, backward = text.find(" ", index), text.rfind(" ", 0, index)
    if forward == -1 and backward == -1:
        return index
    if forward == -1:
        return backward
    if backward == -1:
        return forward
    return forward if abs(forward - index) < abs(index - backward) else backward


def insert(document, payload, position):
    """spikee's insert_jailbreak with the default delimiter and no placeholder."""
    injected = DELIMITER.replace("INJECTION_PAYLOAD", payload)
    if position == "start":
        return injected + document
    if position == "end":
        return document + injected
    at = nearest_whitespace(document, len(document) // 2)
    return document[:at] + injected + document[at:]


documents = {}
for folder, ident in DOCUMENTS:
    entry = next(e for e in jsonl(f"{SEEDS}/{folder}/base_user_inputs.jsonl") if e["id"] == ident)
    if entry.get("placeholder"):
        raise ValueError(f"{ident} has a placeholder")
    documents[ident] = (f"{SEEDS}/{folder}/base_user_inputs.jsonl", entry["document"])

instructions = {}
for folder in INSTRUCTION_FOLDERS:
    for entry in jsonl(f"{SEEDS}/{folder}/instructions.jsonl"):
        pool = instructions.setdefault(entry.get("lang", "en"), {})
        pool.setdefault(entry["instruction"], entry.get("instruction_type", ""))
pools = {lang: sorted(pool.items()) for lang, pool in instructions.items()}

rng = random.Random(25)
rows = []
for jailbreak in jsonl(JAILBREAKS):
    if "<INSTRUCTION>" not in jailbreak["text"]:
        raise ValueError(f"{jailbreak['id']} has no instruction slot")
    instruction, kind = rng.choice(pools[jailbreak.get("lang", "en")])
    ident = rng.choice(sorted(documents))
    position = rng.choice(["start", "middle", "end"])
    text = insert(documents[ident][1], jailbreak["text"].replace("<INSTRUCTION>", instruction), position)
    rows.append({"source": SOURCE, "repo": REPO, "commit": COMMIT, "path": JAILBREAKS, "licence": "Apache-2.0",
                 "label": 1, "kind": f"{jailbreak['jailbreak_type']}/{kind}/{ident}/{position}", "text": text})
for ident, (path, document) in sorted(documents.items()):
    rows.append({"source": SOURCE, "repo": REPO, "commit": COMMIT, "path": path, "licence": "Apache-2.0",
                 "label": 0, "kind": ident, "text": document})

print(len(rows), "texts:", sum(r["label"] for r in rows), "injected,", sum(1 - r["label"] for r in rows), "clean")
print(TARGET, append(TARGET, rows))
