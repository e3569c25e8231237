"""Appends the source added in the thirty-fourth session of issue 14 to poisoning.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- devkit-mcp: Vibe-Coding-Nights/offensive-security (`devkit-mcp/package.json`: MIT; `devkit-mcp/README.md`: "License
  MIT"; the repository holds no LICENSE file), `devkit-mcp/`, a workshop MCP server whose tools the workshop
  (`devkit-mcp/WORKSHOP.md`) marks POISONED or benign, built for a "boolean authorization" attack (`src/tools/index.ts`:
  the model sets a credential flag to true, authorizing the tool to read credentials). Tools and their input schemas
  are read from `src/descriptions/stealth.ts` (`stealthTools`, the tools `src/tools/index.ts` serves), JavaScript
  literals read as their values (template literals as served, with their line breaks; literals joined with `+`
  joined).
  - Poisoned: the description of each tool the workshop marks POISONED (`deployment_validator`, `config_scanner`) and
    each of their parameter descriptions for a credential parameter (a property whose name holds `credential`: the
    flags and sources the attack has the model set).
  - Clean: the description and parameters of the tool the workshop marks benign (`release_notes`) and the other
    parameter descriptions of the poisoned tools (a directory, an environment).
  - Left out: the system prompt of the demo (`stealthSystemPrompt`, not a tool description).
Texts under 12 characters are dropped as everywhere.
"""
import re

from common import append, description_rows, show_at

TARGET = "../poisoning.jsonl"

DK = "devkit-mcp"
DK_REPO, DK_COMMIT, DK_LICENCE = "Vibe-Coding-Nights/offensive-security", "2264f5ab8082fbe93f64d5d975509f2ffd4278f7", "MIT"
DK_PATH = "devkit-mcp/src/descriptions/stealth.ts"
POISONED_TOOLS = {"deployment_validator", "config_scanner"}
BENIGN_TOOLS = {"release_notes"}

LITERAL = re.compile(r"`((?:[^`\\]|\\.)*)`|'((?:[^'\\]|\\.)*)'", re.S)


def literal_value(match):
    template, quoted = match.group(1), match.group(2)
    raw = template if template is not None else quoted
    assert "${" not in raw, "interpolated literal"
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), raw)


def descriptions(source):
    """(tool, parameter or None, text) for every `description:` literal of `stealthTools`, parameters by their key."""
    body = source[source.index("export const stealthTools"):source.index("export const stealthSystemPrompt")]
    tool, parameter = None, None
    position = 0
    key = re.compile(r"^(\s*)(\w+): \{", re.M)
    description = re.compile(r"description:\s*", re.M)
    events = sorted([(m.start(), "key", m) for m in key.finditer(body)] + [(m.end(), "description", m) for m in description.finditer(body)], key=lambda e: e[0])
    for at, kind, match in events:
        if kind == "key":
            indent, name = len(match.group(1)), match.group(2)
            if indent == 2:
                tool, parameter = name, None
            elif indent == 8:
                parameter = name
            elif indent <= 4:
                parameter = None
        else:
            if at < position:
                continue
            parts = []
            while True:
                literal = LITERAL.match(body, at)
                assert literal, "description is not a literal"
                parts.append(literal_value(literal))
                joined = re.compile(r"\s*\+\s*").match(body, literal.end())
                if not joined:
                    break
                at = joined.end()
            position = literal.end()
            yield tool, parameter, "".join(parts)


rows, add = description_rows()
for tool, parameter, text in descriptions(show_at(DK_REPO, DK_COMMIT, DK_PATH)):
    assert tool in POISONED_TOOLS | BENIGN_TOOLS, tool
    if parameter is None:
        add(DK, DK_REPO, DK_COMMIT, DK_PATH, DK_LICENCE, int(tool in POISONED_TOOLS), text, "description", tool)
    else:
        label = int(tool in POISONED_TOOLS and "credential" in parameter)
        add(DK, DK_REPO, DK_COMMIT, DK_PATH, DK_LICENCE, label, text, "parameter", f"{tool}.{parameter}")

if __name__ == "__main__":
    print(DK, sum(r["label"] for r in rows), "poisoned,", sum(1 - r["label"] for r in rows), "clean rows read")
    print(append(TARGET, rows), "rows appended")
