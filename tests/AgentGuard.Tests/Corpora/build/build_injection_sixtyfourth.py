"""Appends the source added in the sixty-fourth session of issue 14 to injection.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- read-no-evil-mcp: the prompt-injection payloads of thekie/read-no-evil-mcp (Apache-2.0, `LICENSE`), an MCP e-mail
  server that scans each message before the model reads it (`tests/integration/prompt_injection/payloads/*.yaml`: 81
  payloads in seven categories — baseline, character tricks, e-mail parts, encodings, invisible characters, semantic
  framing, structure). A payload without an e-mail context is the text as the source's own test scans it; one with an
  e-mail context is the message as its `scan_email_content` reads it: the subject, the plain body and the HTML body,
  each on its own, separated by a blank line. The two payloads the source marks as safe content (`baseline_safe_*`)
  are benign (label 0); every other payload is an attack (label 1), as the source labels it.
"""
import yaml

from common import append, show_at

TARGET = "../injection.jsonl"
SOURCE = "read-no-evil-mcp"
REPO, COMMIT = "thekie/read-no-evil-mcp", "58bf6665cb8258f5c7c54fa575331f6dad051048"
LICENCE = "Apache-2.0"
FOLDER = "tests/integration/prompt_injection/payloads"
FILES = ["baseline", "character", "email_specific", "encoding", "invisible", "semantic", "structural"]


def text_of(payload):
    context = payload.get("email_context")
    if not context:
        return payload["payload"]
    parts = [context.get("subject") or "Test Subject", context.get("body_plain") or payload["payload"], context.get("body_html")]
    return "\n\n".join(part.strip("\n") for part in parts if part)


rows = []
for name in FILES:
    path = f"{FOLDER}/{name}.yaml"
    for payload in yaml.safe_load(show_at(REPO, COMMIT, path))["payloads"]:
        safe = payload["id"].startswith("baseline_safe_")
        rows.append({"source": SOURCE, "repo": REPO, "commit": COMMIT, "path": f"{path}#{payload['id']}", "licence": LICENCE,
                     "label": 0 if safe else 1, "kind": "e-mail content, safe" if safe else f"e-mail content, {payload.get('technique', name)}",
                     "text": text_of(payload)})

print(TARGET, append(TARGET, rows))
