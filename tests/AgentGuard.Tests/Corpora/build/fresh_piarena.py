"""Fresh tuning data for the injection detector from the piarena source (forty-ninth session of issue 14), never added
to injection.jsonl and never read by a test.

PIArena's injected tasks are all distinct, so its cases that were never drawn into the corpus (neither part) are data
nobody here has read that cannot expose a held-out row. Both rounds are built as build_injection_twentyninth_b.py builds
the corpus rows (the same `inject` read from `piarena/utils.py`, the same five heuristic attacks), and any case whose
injected task or context occurs in a corpus row is dropped:

- round 1 (tuned on): 60 undrawn injected and 15 undrawn clean cases per corpus dataset (dolly_closed_qa,
  dolly_information_extraction, dolly_summarization, squad_v2, hotpotqa_rag, nq_rag), seed 4949;
- round 2 (measured once untouched as a check of the round-1 classes, then tuned on): every other case of those six
  datasets and every case of the seven the corpus leaves out (msmarco_rag and the six LongBench sets, contexts cut to
  12,000 characters), one attack each, seed 5050.

Writes /tmp/fresh_piarena_1.jsonl and /tmp/fresh_piarena_2.jsonl (source, label, kind, text).
"""
import ast
import json
import random
import re

from common import show_at

REPO = "sleeepeer/PIArena"
COMMIT = "215dad1cd64e9cfeedcb28b0854abf2d6915c19c"
CORPUS_SETS = ["dolly_closed_qa", "dolly_information_extraction", "dolly_summarization", "squad_v2", "hotpotqa_rag", "nq_rag"]
OTHER_SETS = ["msmarco_rag", "gov_report_long", "hotpotqa_long", "lcc_long", "multi_news_long", "passage_retrieval_en_long", "qasper_long"]

corpus_text = "\n".join(json.loads(line)["text"] for line in open("../injection.jsonl") if line.strip())

utils = ast.parse(show_at(REPO, COMMIT, "piarena/utils.py"))
NEEDED = {"contexts_to_paragraphs", "paragraphs_to_sentences", "split_into_sentences", "contexts_to_sentences", "inject"}
kept = [n for n in utils.body
        if (isinstance(n, ast.Assign) and all(isinstance(t, ast.Name) for t in n.targets))
        or (isinstance(n, ast.FunctionDef) and n.name in NEEDED)]
namespace = {"random": random, "re": re}
exec(compile(ast.Module(body=kept, type_ignores=[]), "piarena/utils.py", "exec"), namespace)
inject = namespace["inject"]

heuristic = ast.parse(show_at(REPO, COMMIT, "piarena/attacks/heuristic.py"))
PREFIXES = {}
for cls in (n for n in heuristic.body if isinstance(n, ast.ClassDef)):
    name = next(s.value.value for s in cls.body if isinstance(s, ast.Assign) and s.targets[0].id == "name")
    template = next(s.value for s in ast.walk(cls)
                    if isinstance(s, ast.Assign) and isinstance(s.targets[0], ast.Name) and s.targets[0].id == "injected_prompt")
    PREFIXES[name] = "".join(v.value for v in template.values if isinstance(v, ast.Constant))
ATTACKS = sorted(PREFIXES)


def cases(name, max_chars=None):
    found = json.loads(show_at(REPO, COMMIT, f"datasets/{name}.json"))
    return [c for c in found if max_chars is None or len(c["context"]) <= max_chars]


def unseen(case, seen):
    return not any(part[:n] in text for part, n in ((case["injected_task"], 60), (case["context"], 200)) for text in seen)


def injected(name, case, attack, limit=None):
    context = case["context"] if limit is None else case["context"][:limit]
    return {"source": "piarena-fresh", "label": 1, "kind": f"{name}/{attack}/{case['category']}",
            "text": inject(context, PREFIXES[attack] + case["injected_task"], "random", 1)}


# Round 1: the corpus's own draw replayed (seed 2912) so that drawn cases are known, then undrawn ones sampled.
draw, fresh = random.Random(2912), random.Random(4949)
round1 = []
for name in CORPUS_SETS:
    found = cases(name, 6000)
    chosen = set(draw.sample(range(len(found)), 47))
    for _ in range(35):
        draw.choice(ATTACKS)
    rest = [i for i in range(len(found)) if i not in chosen]
    for i in fresh.sample(rest, min(60, len(rest))):
        if unseen(found[i], [corpus_text]):
            round1.append(injected(name, found[i], fresh.choice(ATTACKS)))
    for i in fresh.sample(rest, min(15, len(rest))):
        if unseen(found[i], [corpus_text]):
            round1.append({"source": "piarena-fresh", "label": 0, "kind": name, "text": found[i]["context"]})

# Round 2: every other case.
round1_text = "\n".join(r["text"] for r in round1)
rng = random.Random(5050)
round2 = [injected(name, case, rng.choice(ATTACKS), 12000)
          for name in CORPUS_SETS + OTHER_SETS for case in cases(name)
          if unseen(case, [corpus_text, round1_text])]

for path, rows in (("/tmp/fresh_piarena_1.jsonl", round1), ("/tmp/fresh_piarena_2.jsonl", round2)):
    with open(path, "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    print(path, len(rows), "rows,", sum(r["label"] for r in rows), "injected")
