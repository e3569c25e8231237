"""Appends the source added in the thirty-fourth session of issue 14 to injection.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- rust-book: "The Rust Programming Language" (rust-lang/book, MIT OR Apache-2.0, `LICENSE-MIT`, `LICENSE-APACHE`), the
  chapters under `src/` (`chNN-NN-*.md`), cut into sections at their Markdown headings ("#", "##", "###"). A section
  is what a documentation fetch or a web search hands an agent: help prose written to the reader in the imperative
  ("Run the following command", "Open src/main.rs and enter …", "Make sure to add …", "Note that …", "you should …"),
  with shell commands, file paths and error messages. No section carries an instruction to an agent, so every row is
  clean (label 0). mdBook's include directives (lines opening with "{{#") stand where the rendered page shows a code
  listing from another file and are dropped; everything else is kept as written. Sections under 300 characters
  (a heading and one line) are left out; longer ones are cut at 4,000 characters at a line break; 80 sections are
  sampled with a fixed seed from all chapters.
"""
import re

from common import append, ls_at, sample, show_at

TARGET = "../injection.jsonl"
SOURCE = "rust-book"
REPO, COMMIT = "rust-lang/book", "917544888a55e4da7109bdba8c88c893c0da70f4"
LICENCE = "MIT OR Apache-2.0"

sections = []
for path in sorted(p for p in ls_at(REPO, COMMIT) if re.fullmatch(r"src/ch\d\d-\d\d-[^/]+\.md", p)):
    text = show_at(REPO, COMMIT, path)
    lines = [line for line in text.split("\n") if not line.startswith("{{#")]
    current = []
    for line in lines + ["# end"]:
        if re.match(r"#{1,3} ", line) and current:
            section = re.sub(r"\n{3,}", "\n\n", "\n".join(current)).strip()
            if len(section) > 4000:
                section = section[:section.rfind("\n", 0, 4000)].rstrip()
            if len(section) >= 300:
                sections.append((path, section))
            current = []
        current.append(line)

rows = [{"source": SOURCE, "repo": REPO, "commit": COMMIT, "path": path, "licence": LICENCE, "label": 0,
         "kind": "documentation section", "text": text} for path, text in sample(sections, 80, 34)]
print(len(sections), "sections,", len(rows), "sampled")
print(TARGET, append(TARGET, rows))
