"""Appends the benign source added in the forty-fourth session of issue 14 to poisoning.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- gmail-mcp: GongRzhe/Gmail-MCP-Server (MIT, `LICENSE`, "GongRzhe"), a popular MCP server for Gmail whose tools send,
  draft, search, label, filter and download mail: real descriptions that speak of recipients, CC and BCC, sending on,
  attachments saved to local paths, and the user's account (the look-alikes of a recipient swapped inside a tool's own
  call and of data sent elsewhere). `src/index.ts`: every tool `description:` and zod `.describe(…)` parameter
  description written as literals (template literals as served; interpolated or computed texts left out), each
  distinct text once. Clean, all of them (no sampling). Texts under 12 characters are dropped as everywhere.
"""
from common import append, description_rows, show_at
from js_literals import described

TARGET = "../poisoning.jsonl"
SOURCE = "gmail-mcp"
REPO, COMMIT, LICENCE = "GongRzhe/Gmail-MCP-Server", "a890d19189bbc1325b8728fab830fc278cfd8804", "MIT"
PATH = "src/index.ts"

rows, add = description_rows()
seen = set()
for value, field in described(show_at(REPO, COMMIT, PATH)):
    if value.strip() in seen:
        continue
    seen.add(value.strip())
    add(SOURCE, REPO, COMMIT, PATH, LICENCE, 0, value, field, PATH)

if __name__ == "__main__":
    print(len(rows), "clean rows read")
    print(append(TARGET, rows), "rows appended")
