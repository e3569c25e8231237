"""Would a learned bag-of-words model do better than the structural injection detector? An analysis, not a build step.

Reads only the `tuning` rows of injection.jsonl (held-out rows are never read). A logistic regression over hashed word
unigrams and bigrams (plain Python, fixed seeds, so the figures repeat) is trained two ways:

- mixed: 5 folds drawn across all sources, so every test row has rows of its own source in training — the way a
  detector tuned on its own sources' templates is measured;
- leave one source out: each source is tested by a model trained on every other source — the way a detector meets
  text from a source nobody here read.

The threshold is the training benign rows' 98th percentile (about 2 % of benign flagged on training data). Run from
this folder: `python3 analyse_injection_bag_of_words.py`. The figures are quoted in docs/history/detection-log.md
(thirty-second session).
"""

import collections
import json
import math
import pathlib
import random
import re
import zlib

DIMENSIONS = 1 << 18
WORD = re.compile(r"[a-z0-9']+")


def features(text):
    words = WORD.findall(text.lower())[:3000]
    found = set()
    for i, word in enumerate(words):
        found.add(zlib.crc32(word.encode()) % DIMENSIONS)
        if i + 1 < len(words):
            found.add(zlib.crc32((word + " " + words[i + 1]).encode()) % DIMENSIONS)
    return list(found)


def train(rows, indices, epochs=8, rate=0.2, l2=1e-5):
    weights = collections.defaultdict(float)
    bias = 0.0
    order = list(indices)
    for epoch in range(epochs):
        random.Random(epoch).shuffle(order)
        for i in order:
            x, y = rows[i]
            z = bias + sum(weights[j] for j in x)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            gradient = p - y
            step = rate / math.sqrt(len(x) + 1)
            for j in x:
                weights[j] -= step * gradient + rate * l2 * weights[j]
            bias -= rate * gradient * 0.1
    return weights, bias


def score(model, x):
    weights, bias = model
    return bias + sum(weights.get(j, 0.0) for j in x)


def evaluate(rows, train_indices, test_indices):
    model = train(rows, train_indices)
    benign = sorted(score(model, rows[i][0]) for i in train_indices if rows[i][1] == 0)
    threshold = benign[int(len(benign) * 0.98)]
    counts = collections.Counter()
    for i in test_indices:
        flagged = score(model, rows[i][0]) > threshold
        label = rows[i][1]
        counts["injected" if label else "benign"] += 1
        counts["injected flagged" if label else "benign flagged"] += flagged
    return counts


def report(name, counts):
    injected = f"{counts['injected flagged']} / {counts['injected']}" if counts["injected"] else "—"
    benign = f"{counts['benign flagged']} / {counts['benign']}" if counts["benign"] else "—"
    print(f"| {name} | {injected} | {benign} |")


def main():
    corpus = pathlib.Path(__file__).resolve().parent.parent / "injection.jsonl"
    samples = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    samples = [s for s in samples if s["split"] == "tuning"]
    rows = [(features(s["text"]), s["label"]) for s in samples]
    sources = sorted({s["source"] for s in samples})

    print("mixed (5 folds across sources)")
    print("| fold | injected flagged | benign flagged |\n|---|---|---|")
    shuffled = list(range(len(rows)))
    random.Random(32).shuffle(shuffled)
    total = collections.Counter()
    for fold in range(5):
        test = shuffled[fold::5]
        held = set(test)
        counts = evaluate(rows, [i for i in shuffled if i not in held], test)
        report(str(fold + 1), counts)
        total += counts
    report("**all**", total)

    print("\nleave one source out")
    print("| source | injected flagged | benign flagged |\n|---|---|---|")
    total = collections.Counter()
    for source in sources:
        test = [i for i, s in enumerate(samples) if s["source"] == source]
        counts = evaluate(rows, [i for i, s in enumerate(samples) if s["source"] != source], test)
        report(source, counts)
        total += counts
    report("**all**", total)


if __name__ == "__main__":
    main()
