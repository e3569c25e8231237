"""Shared helpers for the corpus builders: reading mirrored public repositories and the held-out split.

The split is decided here, when a sample is first written, from a stable hash of its text (FNV-1a 32-bit over the
UTF-8 bytes): hash % 10 < 3 is held out. The C# tests recompute the same hash and fail when a sample's recorded split
disagrees, so a sample cannot be moved between tuning and held-out parts after the fact.
"""
import json
import random
import subprocess

MIRROR = "/work/.mirror"


def git_show(repo, path):
    """The text of `path` at HEAD of the mirrored `repo` (owner/name)."""
    directory = f"{MIRROR}/{repo.replace('/', '+')}/repo"
    return subprocess.check_output(["git", "--git-dir", directory, "show", f"HEAD:{path}"]).decode("utf-8")


def git_ls(repo):
    directory = f"{MIRROR}/{repo.replace('/', '+')}/repo"
    return subprocess.check_output(["git", "--git-dir", directory, "ls-tree", "-r", "--name-only", "HEAD"]).decode("utf-8").split("\n")


def fnv1a(text):
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def split_of(text):
    return "heldout" if fnv1a(text) % 10 < 3 else "tuning"


def sample(items, n, seed):
    items = list(items)
    if len(items) <= n:
        return items
    return random.Random(seed).sample(items, n)


def emit(out, rows, seen):
    """Writes each row whose text is not in seen (adding it), with its split; returns how many were written."""
    written = 0
    for row in rows:
        if row["text"] in seen:
            continue
        seen.add(row["text"])
        row["split"] = split_of(row["text"])
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        written += 1
    return written


def write(path, rows):
    seen = set()
    with open(path, "w", encoding="utf-8") as out:
        emit(out, rows, seen)
    print(path, len(seen))


def show_at(repo, commit, path):
    """The text of `path` at `commit` of the mirrored `repo` (owner/name): sources added later are read at a pinned commit."""
    directory = f"{MIRROR}/{repo.replace('/', '+')}/repo"
    return subprocess.check_output(["git", "--git-dir", directory, "show", f"{commit}:{path}"]).decode("utf-8")


def ls_at(repo, commit):
    directory = f"{MIRROR}/{repo.replace('/', '+')}/repo"
    return subprocess.check_output(["git", "--git-dir", directory, "ls-tree", "-r", "--name-only", commit]).decode("utf-8").split("\n")


def description_row(source, repo, commit, path, licence, label, text, field, name):
    """A poisoning.jsonl row for a tool or parameter description, or None when the text is too short to judge."""
    text = text.strip()
    if len(text) < 12:
        return None
    return {"source": source, "repo": repo, "commit": commit, "path": path, "licence": licence, "label": label,
            "field": field, "name": name, "text": text}


def description_rows():
    """An empty row list and the add(source, repo, commit, path, licence, label, text, field, name) that fills it."""
    rows = []

    def add(*fields):
        row = description_row(*fields)
        if row is not None:
            rows.append(row)

    return rows, add


def append(target, rows):
    """Appends the rows whose text the file does not hold yet, keeping every earlier line as it is; returns how many."""
    with open(target, encoding="utf-8") as existing:
        seen = {json.loads(line)["text"] for line in existing if line.strip()}
    with open(target, "a", encoding="utf-8") as out:
        return emit(out, rows, seen)

