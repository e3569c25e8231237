"""Builds a pool of benign texts outside the injection corpus, for measuring false alarms of a change (never tuned on
as a set; a flagged text is read, and a fix must hold on the pool as a whole). Texts are markdown sections (split at
headings) of documentation that speaks to its reader in the imperative: command help pages, a programming book, a
project's contributor guides, security cheat sheets. Texts equal to a corpus row are left out.

Usage: python3 benign_pool.py OUT.jsonl GIT_DIR:COMMIT:PATH_PREFIX[,PREFIX...]:NAME ...
  e.g. /work/.mirror/tldr-pages+tldr/repo:08e345f42639f67d99282813247ac670dc6e87cb:pages/common,pages/linux,pages/osx,pages/windows:tldr-pages
The pool this repository's sessions measure is named, with its commits, in docs/history/detection-log.md.
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def corpus_texts():
    with open(os.path.join(HERE, "..", "injection.jsonl"), encoding="utf-8") as f:
        return {json.loads(line)["text"].strip() for line in f}


def files(git_dir, commit, prefixes):
    listing = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only", commit], check=True, capture_output=True, text=True).stdout
    for path in listing.splitlines():
        if path.endswith(".md") and any(path.startswith(p) for p in prefixes):
            yield path


def sections(markdown):
    """Splits at headings; a section keeps its heading. Sections under 80 characters are skipped."""
    parts = re.split(r"(?m)^(?=#{1,6} )", markdown)
    for part in parts:
        part = part.strip()
        if len(part) >= 80:
            yield part


def main():
    out, sources = sys.argv[1], sys.argv[2:]
    skip = corpus_texts()
    count = 0
    with open(out, "w", encoding="utf-8") as w:
        for source in sources:
            git_dir, commit, prefixes, name = source.rsplit(":", 3)
            for path in files(git_dir, commit, prefixes.split(",")):
                blob = subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}"], check=True, capture_output=True).stdout
                text = blob.decode("utf-8", errors="replace")
                # A tldr page is one text; other documents are read section by section.
                pieces = [text.strip()] if name == "tldr-pages" else sections(text)
                for i, piece in enumerate(pieces):
                    if piece in skip:
                        continue
                    w.write(json.dumps({"source": name, "path": f"{path}#{i}", "text": piece}, ensure_ascii=False) + "\n")
                    count += 1
    print(f"{count} texts -> {out}")


if __name__ == "__main__":
    main()
