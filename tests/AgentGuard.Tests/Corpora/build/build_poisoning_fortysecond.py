"""Appends the source added in the forty-second session of issue 14 to poisoning.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- mcp-redteam: mcpredteam/mcp-redteam-junit (Apache-2.0, `LICENSE`), a Java red-team kit for MCP servers (a static
  metadata scanner, a rug-pull baseline and an agent harness, with JUnit assertions). Its fixture tools are
  "hand-written, one per attack shape ... original, written against the public OWASP MCP03 taxonomy and the attack
  shapes described in the MCPTox paper" (`PoisonedToolFixtures`). Java literals are read as their values
  (`java_literals.py`). A text is poisoned when the source names it as an attack whose payload is in that text, or its
  tests assert a finding of severity HIGH or CRITICAL by a rule that reads that text; clean when the source names it
  benign or trusted, or its tests assert no finding for it.
  - `mcp-redteam-core/.../fixture/PoisonedToolFixtures.java`: the texts that carry each fixture's attack (the tool
    description; for the schema-poisoning fixture the nested parameter's description and default) poisoned, the
    fixtures' other parameter descriptions and the schema-poisoning fixture's own description ("the description is
    clean") clean; the homoglyph-name and undeclared-destructive fixtures left out (their attack is a name or a missing
    annotation, not a text). `BenignToolFixtures.java`: every text clean.
  - `mcp-redteam-mcp/.../fixture/FixtureCatalog.java`: the trusted finance server's texts clean; after its rug pull the
    `list_invoices` description ("quietly acquired a sentence addressed to the agent") poisoned, its other texts
    clean; the result-injection and result-steering tools' texts clean (their attack is in the returned value, which is
    left out); the credential-phishing tool left out (its file: "No metadata rule is guaranteed to flag this").
  - The rule tests of `mcp-redteam-core/src/test/.../rule/`: `InstructionInjectionRuleTest` (the `@CsvSource` shapes,
    the zero-width and homoglyph evasions and the nested parameter description poisoned; the `@ValueSource`
    documentation and the bare encoding word and bare system-prompt texts clean; the texts asserted only a MEDIUM
    finding or an unstated one left out), `StaticRulesTest` (the egress-destination and sensitive-path texts and the
    zero-width and tag-character texts poisoned, the texts asserted free of findings clean; the sink-parameter,
    destructive-capability and tool-name tests left out), `EncodedPayloadRuleTest` (the encoded instruction, in a
    description and in a schema default, poisoned; the texts it ignores clean), `ToolShadowingRuleTest` (the two
    cross-tool redirection texts poisoned, the benign cross-reference's texts clean; the name-collision tests left out).
  - The example project `examples/scan-only/`: `NotesToolCatalog.java`'s notes server clean, its unreviewed update's
    `export_note` description (the poisoned one) poisoned and the update's other new texts clean;
    `PoisonedVendorTest.java`'s `render_pdf` description poisoned, its parameter descriptions clean.
Texts under 12 characters are dropped as everywhere; parameter descriptions and schema defaults are `parameter` rows.
"""
import base64

from common import append, description_rows, show_at
from java_literals import arguments, bindings, calls, close, method, schema_texts, tokens, value

TARGET = "../poisoning.jsonl"

SRC = "mcp-redteam"
REPO, COMMIT, LICENCE = "mcpredteam/mcp-redteam-junit", "cd35fd7da50726e867a4bad4941eb4114e136392", "Apache-2.0"

CORE = "mcp-redteam-core/src/main/java/io/github/mcpredteam/core/fixture/"
RULES = "mcp-redteam-core/src/test/java/io/github/mcpredteam/core/rule/"
CATALOG = "mcp-redteam-mcp/src/main/java/io/github/mcpredteam/mcp/fixture/FixtureCatalog.java"
NOTES = "examples/scan-only/src/test/java/com/example/notes/"

HELPERS = {"b64": lambda s: base64.b64encode(s.encode("utf-8")).decode("ascii")}

rows, add = description_rows()


def tool_definitions(body, env):
    """(name, description, [(parameter, key, text)]) for each ToolDefinition built in these tokens."""
    found = []
    for k in calls(body, "of") + calls(body, "ToolDefinition"):
        if body[k - 2][1] == "." and body[k - 3][1] != "ToolDefinition":
            continue  # Map.of, List.of, …
        args = arguments(body, k)
        if len(args) < 4:
            continue
        at = 3 if body[k - 2][1] == "new" or body[k - 1][1] == "ToolDefinition" else 2
        name = value(args[1], env)
        description = value(args[at], env, HELPERS)
        found.append((name, description, schema_texts(args[at + 1], env, HELPERS)))
    return found


def add_tool(path, tool, label_description, label_parameters=0, poisoned_parameters=()):
    name, description, parameters = tool
    if label_description is not None and description is not None:
        add(SRC, REPO, COMMIT, path, LICENCE, label_description, description, "description", name)
    for parameter, key, text in parameters:
        label = 1 if parameter in poisoned_parameters else label_parameters
        suffix = "" if key == "description" else ".default"
        add(SRC, REPO, COMMIT, path, LICENCE, label, text, "parameter", f"{name}.{parameter}{suffix}")


def fixture_file(path):
    src = show_at(REPO, COMMIT, path)
    return src, bindings(list(tokens(src)), helpers=HELPERS)


def tools_of(src, env, name):
    body = method(src, name)
    return tool_definitions(body, bindings(body, env, HELPERS))


def texts_of_calls(src, method_name, callee, env=None):
    """The value of the first argument of each call of callee in the method."""
    body = method(src, method_name)
    env = bindings(body, env, HELPERS)
    return [value(arguments(body, k)[0], env, HELPERS) for k in calls(body, callee)]


def local(src, method_name, variable):
    body = method(src, method_name)
    return bindings(body, helpers=HELPERS)[variable]


def annotation_strings(src, annotation):
    """The string values listed in the first `@annotation(… = { … })` of the file."""
    toks = list(tokens(src))
    for k in range(len(toks) - 1):
        if toks[k][1] == "@" and toks[k + 1][1] == annotation:
            j = k + 2
            while toks[j][1] != "{":
                j += 1
            return [t[1] for t in toks[j + 1:close(toks, j)] if t[0] == "str"]
    raise KeyError(annotation)


# The core fixtures.
path = CORE + "PoisonedToolFixtures.java"
src, env = fixture_file(path)
for name in ("descriptionPoisoning", "exfiltrationChannel", "hiddenUnicodePoisoning", "crossToolRedirection",
             "encodedPayload"):
    (tool,) = tools_of(src, env, name)
    add_tool(path, tool, 1)
(tool,) = tools_of(src, env, "schemaPoisoning")
add_tool(path, tool, 0, poisoned_parameters=("context",))

path = CORE + "BenignToolFixtures.java"
src, env = fixture_file(path)
for name in ("imageTool", "promptLibraryTool", "annotatedDeleteTool", "credentialVaultTool", "webhookTool",
             "searchTool"):
    (tool,) = tools_of(src, env, name)
    add_tool(path, tool, 0)

# The catalog the protocol and agent tests serve.
src, env = fixture_file(CATALOG)
for tool in tools_of(src, env, "finance"):
    add_tool(CATALOG, tool, 0)
for tool in tools_of(src, env, "financeAfterRugPull"):
    add_tool(CATALOG, tool, int(tool[0] == "list_invoices"))
for name in ("resultInjection", "resultSteer"):
    for tool in tools_of(src, env, name):
        add_tool(CATALOG, tool, 0)

# The rule tests.
path = RULES + "InstructionInjectionRuleTest.java"
src = show_at(REPO, COMMIT, path)
for row in annotation_strings(src, "CsvSource"):
    add(SRC, REPO, COMMIT, path, LICENCE, 1, row.rsplit("|", 1)[0].strip(), "description", "detectsKnownPoisoningShapes")
for text in annotation_strings(src, "ValueSource"):
    add(SRC, REPO, COMMIT, path, LICENCE, 0, text, "description", "doesNotFireOnLegitimateDocumentation")
for text in texts_of_calls(src, "bareEncodingWordIsNotAFinding", "scanDescription"):
    add(SRC, REPO, COMMIT, path, LICENCE, 0, text, "description", "bareEncodingWordIsNotAFinding")
clean_system_prompt = texts_of_calls(src, "systemPromptAloneIsNotAFinding", "scanDescription")[0]
add(SRC, REPO, COMMIT, path, LICENCE, 0, clean_system_prompt, "description", "systemPromptAloneIsNotAFinding")
for name in ("detectsPayloadHiddenWithZeroWidthCharacters", "detectsPayloadHiddenWithHomoglyphs"):
    add(SRC, REPO, COMMIT, path, LICENCE, 1, local(src, name, "evaded"), "description", name)
(tool,) = tool_definitions(method(src, "detectsPayloadNestedInParameterDescription"), {})
add_tool(path, tool, None, poisoned_parameters=("ctx",))

path = RULES + "StaticRulesTest.java"
src = show_at(REPO, COMMIT, path)
for name in ("detectsHardCodedEgressDestination", "detectsSensitiveLocalPaths"):
    for text in texts_of_calls(src, name, "scan"):
        add(SRC, REPO, COMMIT, path, LICENCE, 1, text, "description", name)
for name in ("doesNotFireOnDescriptionsWithoutADestination", "doesNotFireOnOrdinaryParameterNames"):
    for text in texts_of_calls(src, name, "scan"):
        add(SRC, REPO, COMMIT, path, LICENCE, 0, text, "description", name)
for name, label in (("detectsZeroWidthCharacters", 1), ("detectsUnicodeTagCharactersAsCritical", 1),
                    ("doesNotFireOnCleanAsciiMetadata", 0)):
    body = method(src, name)
    (k,) = calls(body, "scan")
    add(SRC, REPO, COMMIT, path, LICENCE, label, value(arguments(body, k)[1], {}), "description", name)

path = RULES + "EncodedPayloadRuleTest.java"
src = show_at(REPO, COMMIT, path)
for name, label in (("detectsEncodedInstruction", 1), ("ignoresTheWordBase64", 0), ("ignoresBenignEncodedContent", 0),
                    ("ignoresOpaqueIdentifiers", 0)):
    for text in texts_of_calls(src, name, "scan"):
        add(SRC, REPO, COMMIT, path, LICENCE, label, text, "description", name)
thumbnail = "Thumbnail bytes: " + base64.b64encode(bytes(i % 7 for i in range(64))).decode("ascii")
assert '"Thumbnail bytes: " + Base64.getEncoder().encodeToString(binary)' in src
add(SRC, REPO, COMMIT, path, LICENCE, 0, thumbnail, "description", "ignoresBinaryBlobsThatDecodeToNonPrintableBytes")
(tool,) = tool_definitions(method(src, "detectsEncodedPayloadNestedInSchema"), {})
add_tool(path, tool, None, poisoned_parameters=("opts",))

path = RULES + "ToolShadowingRuleTest.java"
src = show_at(REPO, COMMIT, path)
for name, wanted, label in (("detectsCrossToolRedirection", "helper_utils", 1),
                            ("detectsRedirectionAgainstHomoglyphName", "helper_utils", 1),
                            ("doesNotFlagBenignCrossReferences", None, 0)):
    body = method(src, name)
    for k in calls(body, "tool"):
        args = arguments(body, k)
        if wanted is None or value(args[1], {}) == wanted:
            add(SRC, REPO, COMMIT, path, LICENCE, label, value(args[2], {}), "description", f"{name}.{value(args[1], {})}")

# The example project.
path = NOTES + "NotesToolCatalog.java"
src, env = fixture_file(path)
for name in ("createNote", "searchNotes", "exportNote", "deleteNote"):
    (tool,) = tools_of(src, env, name)
    add_tool(path, tool, 0)
for tool in tools_of(src, env, "afterUnreviewedUpdate"):
    add_tool(path, tool, int(tool[0] == "export_note"))

path = NOTES + "PoisonedVendorTest.java"
src, env = fixture_file(path)
(tool,) = tools_of(src, env, "poisonedVendorTool")
add_tool(path, tool, 1)

assert all(r["text"] for r in rows)
print(SRC, "rows", len(rows), "poisoned", sum(r["label"] for r in rows))
print("appended", append(TARGET, rows))
