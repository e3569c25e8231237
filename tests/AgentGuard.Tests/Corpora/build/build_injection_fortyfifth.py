"""Appends the source added in the forty-fifth session of issue 14 to injection.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- kubernetes-community: the contributor documentation of Kubernetes (kubernetes/community, Apache-2.0, `LICENSE`):
  `CONTRIBUTING.md`, the contributor guide (`contributors/guide/`), the developer guide (`contributors/devel/`), the
  GitHub management docs (`github-management/`) and the pull-request and issue templates (`.github/`). This is the
  developer text a coding agent reads in a repository it works on: how to fork, rebase and force-push, run and skip
  tests, label, approve, close and retitle issues and pull requests with the bots' slash commands (`/lgtm`,
  `/approve`, `/close`, `/retest`), set up credentials, tokens and environment variables, run install scripts and
  read CI logs. Imperatives about pushing, approving, merging, closing, secrets and environment variables are what an
  injection aimed at a coding agent orders, so these sections are benign look-alikes of such injections. No section
  carries an instruction planted for an agent, so every row is clean (label 0). Markdown files are cut into sections
  at their headings ("#", "##", "###"), as for `rust-book`; an issue template (YAML) is kept whole. Sections under 300
  characters are left out; longer ones are cut at 4,000 characters at a line break; 150 sections are sampled with a
  fixed seed.
"""
import re

from common import append, ls_at, sample, show_at

TARGET = "../injection.jsonl"
SOURCE = "kubernetes-community"
REPO, COMMIT = "kubernetes/community", "24e7d8f5409c1a0121394a613746e524f781e044"
LICENCE = "Apache-2.0"
FILES = r"CONTRIBUTING\.md|contributors/(guide|devel)/.*\.md|github-management/.*\.md|\.github/.*\.(md|ya?ml)"


def cut(section):
    section = re.sub(r"\n{3,}", "\n\n", section).strip()
    if len(section) > 4000:
        section = section[:section.rfind("\n", 0, 4000)].rstrip()
    return section


sections = []
for path in sorted(p for p in ls_at(REPO, COMMIT) if re.fullmatch(FILES, p)):
    text = show_at(REPO, COMMIT, path)
    if not path.endswith(".md"):
        parts = [text]
    else:
        parts, current, fenced = [], [], False
        for line in text.split("\n") + ["# end"]:
            if line.lstrip().startswith("```"):
                fenced = not fenced
            if not fenced and re.match(r"#{1,3} ", line) and current:
                parts.append("\n".join(current))
                current = []
            current.append(line)
    sections += [(path, cut(part)) for part in parts if len(cut(part)) >= 300]

rows = [{"source": SOURCE, "repo": REPO, "commit": COMMIT, "path": path, "licence": LICENCE, "label": 0,
         "kind": "contributor documentation section", "text": text} for path, text in sample(sections, 150, 45)]
print(len(sections), "sections,", len(rows), "sampled")
print(TARGET, append(TARGET, rows))
