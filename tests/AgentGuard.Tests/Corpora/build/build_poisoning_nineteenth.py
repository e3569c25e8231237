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
from js_literals import described, literal_at

TARGET = "../poisoning.jsonl"

rows, add = description_rows()

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
    found.extend((text, field, path) for text, field in described(source, "tools" in path))
unique = {}
for text, field, path in found:
    unique.setdefault(text.strip(), (field, path))
for text, (field, path) in sample(sorted(unique.items()), 260, 19):
    add("cloudflare-mcp", REPO, COMMIT, path, LICENCE, 0, text, field, path)

if __name__ == "__main__":
    print(append(TARGET, rows), "rows appended")
