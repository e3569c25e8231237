"""Appends the sources added in the nineteenth session of issue 14 to poisoning.jsonl, before any tuning on them.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. Sources are read at pinned commits.
Labels are the sources' own:

- inspector-assessment: the description-poisoning tests of MCP Inspector Assessment (a fork of the MCP Inspector
  with an assessment suite): `DescriptionPoisoningDetector.test.ts`, `DescriptionPoisoning-DVMCP.test.ts` and
  `ToolAnnotationAssessor.descriptionPoisoning.test.ts`. Each `it(…)` test that builds one tool is read: its
  description is poisoned when the test asserts the poisoning detected (`detected` true, or a `HIGH` risk level), clean
  when the test asserts it not detected (`detected` false, or a `NONE` risk level). Left out: tests that assert only
  that one pattern is absent, tests whose only finding is the length warning (a long description is no attack in its
  text), tests with a conditional assertion, and tests with several descriptions.
- cloudflare-mcp: Cloudflare's MCP servers (`apps/*/src/**.ts`, `packages/mcp-common/src/**.ts`, tests left out): every
  tool `description:` (in the tool files, `*tools*`) and zod `.describe(…)` parameter description written as literals (a template literal with an
  interpolation, or a value built in code, left out), as the server sends them (a template literal keeps its line
  breaks and indentation; the row's text is stripped at its ends as everywhere). Clean; 260 sampled.
"""
import re

from common import append, description_rows, ls_at, sample, show_at

TARGET = "../poisoning.jsonl"

rows, add = description_rows()

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def cook(body):
    """The value of a JavaScript string or template literal's body (its escapes read, a line continuation dropped)."""
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n == "u" and body[i + 2] == "{":
            end = body.index("}", i)
            out.append(chr(int(body[i + 3:end], 16)))
            i = end + 1
        elif n == "u":
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif n == "x":
            out.append(chr(int(body[i + 2:i + 4], 16)))
            i += 4
        elif n == "\n":
            i += 2
        else:
            out.append(ESCAPES.get(n, n))
            i += 2
    return "".join(out)


def literal_at(src, pos):
    """(value, end) of the string literals joined by `+` that start at pos (after blanks), or None when the expression
    there is anything else (a name, a call, a template literal with an interpolation)."""
    parts = []
    while True:
        m = re.compile(r"\s*").match(src, pos)
        pos = m.end()
        if pos >= len(src) or src[pos] not in "'\"`":
            return None
        quote, i = src[pos], pos + 1
        while src[i] != quote:
            i += 2 if src[i] == "\\" else 1
        body = src[pos + 1:i]
        if quote == "`" and "${" in body:
            return None
        parts.append(cook(body))
        pos = i + 1
        m = re.compile(r"\s*\+\s*").match(src, pos)
        if not m:
            end = re.compile(r"\s*").match(src, pos).end()
            if end < len(src) and src[end] not in ",)};\n":
                return None  # a method call or an operator follows: the value is built in code
            return "".join(parts), pos
        pos = m.end()


# --- inspector-assessment -----------------------------------------------------------------------------------------
REPO, COMMIT, LICENCE = "triepod-ai/inspector-assessment", "21d86227f76f2016c46e2ea7b2017b2f4c9fcc3d", "MIT"
TESTS = ["client/src/services/assessment/__tests__/DescriptionPoisoningDetector.test.ts",
         "client/src/services/assessment/__tests__/DescriptionPoisoning-DVMCP.test.ts",
         "client/src/services/assessment/modules/ToolAnnotationAssessor.descriptionPoisoning.test.ts"]
TEST = re.compile(r"^\s*it\(\s*\"([^\"]*)\"", re.M)


def described(block):
    """The descriptions one test builds: `createTool(name, description)` and `description:` fields; a description
    held in a `const` of the test is read from it."""
    texts = []
    for m in re.finditer(r"createTool\(\s*\"[^\"]*\"\s*,", block):
        value = literal_at(block, m.end())
        if value is None:
            name = re.compile(r"\s*(\w+)\s*\)").match(block, m.end())
            const = name and re.search(r"const " + name.group(1) + r"\s*=", block)
            value = const and literal_at(block, const.end())
        texts.append(value and value[0])
    for m in re.finditer(r"\bdescription:", block):
        value = literal_at(block, m.end())
        texts.append(value and value[0])
    return texts


for path in TESTS:
    source = show_at(REPO, COMMIT, path)
    starts = [m for m in TEST.finditer(source)]
    for k, m in enumerate(starts):
        block = source[m.start():starts[k + 1].start() if k + 1 < len(starts) else len(source)]
        texts = described(block)
        if len(texts) != 1 or texts[0] is None or "if (result.detected)" in block:
            continue
        if "excessive_description_length" in block and "toHaveLength(1)" in block:
            continue  # the length warning alone
        detected = re.search(r"detected\)\.toBe\((true|false)\)", block)
        risk = re.search(r"riskLevel\)\.toBe\(\s*\"(HIGH|MEDIUM|NONE)\"", block)
        if detected:
            label = 1 if detected.group(1) == "true" else 0
        elif risk:
            label = 0 if risk.group(1) == "NONE" else 1
        else:
            continue
        add("inspector-assessment", REPO, COMMIT, path, LICENCE, label, texts[0], "description", m.group(1))

# --- cloudflare-mcp -----------------------------------------------------------------------------------------------
REPO, COMMIT, LICENCE = "cloudflare/mcp-server-cloudflare", "70ff690553722f731849ede6ba9ce98958395a23", "Apache-2.0"
found = []
for path in sorted(p for p in ls_at(REPO, COMMIT) if p.endswith(".ts") and (p.startswith("apps/") and "/src/" in p
                   or p.startswith("packages/mcp-common/src/"))
                   and not re.search(r"\.(spec|test)\.ts$|/(test|tests|__tests__|evals?)/|\.d\.ts$", p)):
    source = show_at(REPO, COMMIT, path)
    for m in re.finditer(r"\bdescription:", source) if "tools" in path else []:
        value = literal_at(source, m.end())
        if value:
            found.append((value[0], "description", path))
    for m in re.finditer(r"\.describe\(", source):
        value = literal_at(source, m.end())
        if value:
            found.append((value[0], "parameter", path))
unique = {}
for text, field, path in found:
    unique.setdefault(text.strip(), (field, path))
for text, (field, path) in sample(sorted(unique.items()), 260, 19):
    add("cloudflare-mcp", REPO, COMMIT, path, LICENCE, 0, text, field, path)

if __name__ == "__main__":
    print(append(TARGET, rows), "rows appended")
