"""Lists the tuning part's poisoning misses and false alarms from a verdict snapshot.

Reads poisoning.jsonl and a verdict file (default: the Mcp tests' recorded poisoning.txt, or a poisoning.actual.txt
given as the first argument) and prints, for split == "tuning" rows ONLY, the poisoned rows with no finding and the
benign rows with one. Held-out rows are never printed (their text, or whether they were missed); only totals of the
tuning part are given.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
CORPUS = os.path.join(ROOT, "tests", "AgentGuard.Tests", "Corpora", "poisoning.jsonl")
DEFAULT = os.path.join(ROOT, "tests", "AgentGuard.Mcp.Tests", "Corpora", "verdicts", "poisoning.txt")


def main() -> None:
    verdict_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    show = sys.argv[2] if len(sys.argv) > 2 else "misses"
    verdicts = {}
    with open(verdict_path, encoding="utf-8") as f:
        for line in f:
            key, findings = line.rstrip("\n").split("\t", 1)
            verdicts[key] = findings
    rows = [json.loads(l) for l in open(CORPUS, encoding="utf-8")]
    tp = fn = fp = tn = 0
    for i, r in enumerate(rows, 1):
        if r["split"] != "tuning":
            continue
        flagged = verdicts[f"poisoning.jsonl:{i}"] != "-"
        if r["label"] == 1:
            tp += flagged
            fn += not flagged
            if not flagged and show in ("misses", "all"):
                print(f"=== MISS line {i} [{r['source']}] field={r['field']}\n{r['text']}\n")
        else:
            fp += flagged
            tn += not flagged
            if flagged and show in ("alarms", "all"):
                print(f"=== ALARM line {i} [{r['source']}] {verdicts[f'poisoning.jsonl:{i}']}\n{r['text'][:600]}\n")
    print(f"tuning: poisoned {tp}/{tp + fn} flagged, benign {fp}/{fp + tn} flagged")


if __name__ == "__main__":
    main()
