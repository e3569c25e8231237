"""Appends the source added in the forty-first session of issue 14 to injection.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- tldr-pages: the tldr pages (tldr-pages/tldr, CC-BY-4.0, `LICENSE.md`, "Copyright © 2014—present the tldr-pages team
  and contributors"), the English pages of `pages/common`, `pages/linux`, `pages/osx` and `pages/windows`. A page is
  what a help tool or a documentation fetch hands an agent about a command: a one-line description, a link, and
  examples each introduced by an imperative line ("Send a file to a remote host:", "Upload a package:", "Delete all
  files …", "Set the API key …") with the command below it. Imperatives that name sending, uploading, deleting,
  credentials and remote hosts are what injection detectors read as orders, so these pages are benign look-alikes of
  injected tool calls. No page carries an instruction to an agent, so every row is clean (label 0). Each page is kept
  whole as written; 150 pages are sampled with a fixed seed from all four folders.
"""
import re

from common import append, ls_at, sample, show_at

TARGET = "../injection.jsonl"
SOURCE = "tldr-pages"
REPO, COMMIT = "tldr-pages/tldr", "08e345f42639f67d99282813247ac670dc6e87cb"
LICENCE = "CC-BY-4.0"

paths = sorted(p for p in ls_at(REPO, COMMIT) if re.fullmatch(r"pages/(common|linux|osx|windows)/[^/]+\.md", p))
rows = [{"source": SOURCE, "repo": REPO, "commit": COMMIT, "path": path, "licence": LICENCE, "label": 0,
         "kind": "command help page", "text": show_at(REPO, COMMIT, path).strip()} for path in sample(paths, 150, 41)]
print(len(paths), "pages,", len(rows), "sampled")
print(TARGET, append(TARGET, rows))
