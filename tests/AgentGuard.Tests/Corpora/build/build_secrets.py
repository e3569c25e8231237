"""Builds secrets.jsonl: lines with their usual context, labelled by public secret scanners' own rule tests.

Positives carry "secret": the exact text that must be redacted whole (null when the source labels only the line).
Negatives are lines the sources label as not secret, plus look-alikes from real files (hashes, ids, placeholders).
"""
import json
import re
import subprocess
import sys
import types

import yaml

from common import git_ls, git_show, sample, write
from whispers_rows import whispers_rows

rows = []


def password_of(secret):
    """For credentials in URLs the secret is the password: user names and hosts are not secrets. Likewise for a whole
    connection string labelled as the secret: its Password value is (the same rule as for Nosey Parker's captures)."""
    if isinstance(secret, str):
        userinfo = re.match(r"^(?:[a-z][a-z0-9+.\-]*:)+(?://)?[^:/@\s]+:(\S+)@[^@\s]*$", secret)
        if userinfo:
            return userinfo.group(1)
        password = re.search(r"(?i)(?:^|;)\s*password\s*=\s*([^;\s]+)", secret)
        if password and secret != password.group(1):
            return password.group(1)
    return secret


def add(source, repo, path, licence, line, secret, kind):
    line = line.rstrip("\r\n")
    secret = password_of(secret)
    if not line.strip() or len(line) > 4000:
        return
    if isinstance(secret, str) and secret not in line:
        return
    rows.append({"source": source, "repo": repo, "path": path, "licence": licence, "label": 0 if secret is False else 1,
                 "secret": secret if isinstance(secret, str) else None, "kind": kind, "text": line})


# secretlint (MIT): rule snapshots; ng.* inputs with the exact ranges the rule reports, ok.* inputs are clean.
REPO = "secretlint/secretlint"
SKIP = ("no-homedir", "no-dotenv", "no-k8s-kind-secret", "filter-comments", "pattern", "example", "preset-")
for path in git_ls(REPO):
    m = re.match(r"packages/@secretlint/secretlint-rule-([^/]+)/test/snapshots/((ng|ok)\.[^/]+)/input\.[^/]+$", path)
    if not m or m.group(1).startswith(SKIP):
        continue
    rule, case, kind = m.group(1), m.group(2), m.group(3)
    try:
        text = git_show(REPO, path)
    except UnicodeDecodeError:
        continue  # binary fixtures (keystores)
    if kind == "ok":
        for line in text.splitlines():
            if len(line.strip()) >= 8:
                add("secretlint", REPO, path, "MIT", line, False, rule)
        continue
    output = json.loads(git_show(REPO, path.rsplit("/", 1)[0] + "/output.json"))
    content = output.get("sourceContent", text)
    starts = [0]
    for i, c in enumerate(content):
        if c == "\n":
            starts.append(i + 1)
    for message in output["messages"]:
        a, b = message["range"]
        secret = content[a:b]
        if "\n" in secret.strip("\n"):
            # A multi-line secret (a PEM block) is one sample: the whole block in its file.
            add("secretlint", REPO, path, "MIT", content.strip("\n"), secret.strip("\n"), rule)
            continue
        line_start = max(s for s in starts if s <= a)
        line_end = content.find("\n", a)
        line = content[line_start:line_end if line_end >= 0 else len(content)]
        # For credentials in URLs the secret is the password: user names and hosts are not secrets.
        userinfo = re.match(r"^(?:[a-z][a-z0-9+.\-]*:)+(?://)?[^:/@\s]+:(\S+)@[^@\s]*$", secret)
        if userinfo:
            secret = userinfo.group(1)
        add("secretlint", REPO, path, "MIT", line, secret, rule)

# detect-secrets (Apache-2.0): the plugins' parametrized line tests, collected by running the test modules with
# pytest and the plugins stubbed out (only the parameter lists are evaluated).
REPO = "Yelp/detect-secrets"
cases = []


class Mark:
    def parametrize(self, names, values, **kwargs):
        cases.append((names, values))
        return lambda f: f

    def __getattr__(self, name):
        return lambda *a, **k: (lambda f: f)


def stub_imports(source):
    """Stands in a mock for every module the test imports except the standard library's."""
    from unittest import mock
    for name in re.findall(r"^\s*(?:from|import)\s+([\w.]+)", source, flags=re.M):
        if name.split(".")[0] in ("detect_secrets", "testing", "responses", "requests"):
            parts = name.split(".")
            for i in range(1, len(parts) + 1):
                sys.modules.setdefault(".".join(parts[:i]), mock.MagicMock())


pytest = types.ModuleType("pytest")
pytest.mark = Mark()
pytest.fixture = lambda *a, **k: (a[0] if a and callable(a[0]) else (lambda f: f))
pytest.raises = lambda *a, **k: None
sys.modules["pytest"] = pytest
for path in git_ls(REPO):
    # ip_public flags public IP addresses, which are not credentials.
    if not re.match(r"tests/plugins/\w+_test\.py$", path) or path.endswith(("base_test.py", "ip_public_test.py")):
        continue
    before = len(cases)
    try:
        module = git_show(REPO, path)
        stub_imports(module)
        exec(compile(module, path, "exec"), {"__name__": "corpus"})
    except Exception as error:  # a module that needs more than stubs: its lists before the failure still count
        print("partial", path, error, file=sys.stderr)
    for names, values in cases[before:]:
        names = [n.strip() for n in (names.split(",") if isinstance(names, str) else names)]
        for value in values:
            value = value if isinstance(value, (tuple, list)) else (value,)
            params = dict(zip(names, value))
            line = next((params[n] for n in ("payload", "line", "secret", "content", "token") if isinstance(params.get(n), str)), None)
            if line is None:
                continue
            expected = next((params[n] for n in ("should_flag", "expected", "expected_result", "should_match") if n in params), None)
            plugin = path.rsplit("/", 1)[1][:-8]
            if expected is True:
                add("detect-secrets", REPO, path, "Apache-2.0", line, True, plugin)
            elif expected is False or expected is None and "expected" in params:
                add("detect-secrets", REPO, path, "Apache-2.0", line, False, plugin)
            elif isinstance(expected, str):
                add("detect-secrets", REPO, path, "Apache-2.0", line, expected, plugin)
            elif isinstance(expected, (set, list, tuple)) and len(expected) == 1 and isinstance(next(iter(expected)), str):
                add("detect-secrets", REPO, path, "Apache-2.0", line, next(iter(expected)), plugin)

# trufflehog (AGPL-3.0; fake test credentials): detectors' pattern tests. Variables and "want" literals are resolved;
# each line of the input that holds a wanted secret is a positive sample.
REPO = "trufflesecurity/trufflehog"
LITERAL = r'(`[^`]*`|"(?:[^"\\\n]|\\.)*")'


def unquote(literal):
    if literal.startswith("`"):
        return literal[1:-1]
    try:
        return json.loads(literal)
    except ValueError:
        return None


files = [p for p in git_ls(REPO) if re.match(r"pkg/detectors/[^/]+/[^/]+_test\.go$", p) and "integration" not in p]
for path in sample(files, 420, seed="trufflehog"):
    source = git_show(REPO, path)
    variables = {name: unquote(lit) for name, lit in re.findall(r"\b(\w+)\s*:?=\s*" + LITERAL, source)}
    found = 0
    for block in re.findall(r"input:\s*(" + LITERAL + r"|\w+)\s*,\s*want:\s*(?:\[\]string)?\{([^}]*)\}", source, flags=re.S):
        raw_input, _, raw_want = block
        raw_input = raw_input.strip()
        text = variables.get(raw_input) if re.fullmatch(r"\w+", raw_input) else unquote(raw_input)
        if not text:
            continue
        wants = []
        for item in (m.group(0) for m in re.finditer(r"\w+|" + LITERAL, raw_want)):
            value = variables.get(item) if re.fullmatch(r"\w+", item) else unquote(item)
            if value:
                wants.append(value)
        # A "want" that is a name or a host part (under 10 characters, or short and without digits) is not the secret.
        wants = [w for w in wants if len(w) >= 10 and (len(w) >= 16 or any(c.isdigit() for c in w))]
        for want in wants:
            for line in text.splitlines():
                if want in line and found < 4:
                    add("trufflehog", REPO, path, "AGPL-3.0", line.strip(), want, path.split("/")[2])
                    found += 1
            if ":" in want and want not in text:
                # Detectors that report "id:secret" pairs: the secret half must be redacted.
                tail = want.rsplit(":", 1)[1]
                for line in text.splitlines():
                    if tail and tail in line and found < 4:
                        add("trufflehog", REPO, path, "AGPL-3.0", line.strip(), tail, path.split("/")[2])
                        found += 1



# Nosey Parker (Apache-2.0): each built-in rule's `examples` (label 1) and `negative_examples` (label 0). The secret is
# the last group the rule's own pattern captures in the example (null when Python cannot run the pattern: any finding
# in the sample counts). Left out: rules that only identify (category `identifier` without `secret`: account ids,
# bucket names, client ids) or are public by design (`Public` in the name), the negative examples of rules whose
# file marks them "FIXME: extend this rule so these get matched" (credentials the rule misses, not clean text), and
# negative examples that another of its kept rules matches.
REPO = "praetorian-inc/noseyparker"


def noseyparker_secret(match, example):
    """The last captured group; in a URL the group right before '@' (the password, not the host after it); in a
    captured connection string its Password value."""
    spans = [(match.start(i), match.end(i)) for i in range(1, (match.re.groups or 0) + 1) if match.group(i)]
    if not spans:
        return match.group(0)
    start, end = next(((a, b) for a, b in spans if example[b:b + 1] == "@"), spans[-1])
    secret = example[start:end]
    password = re.search(r"(?i)password\s*=\s*([^;\s]+)", secret)
    return password.group(1) if password and secret != password.group(1) else secret


noseyparker_rules = []  # (rule, pattern or None, whether its file marks its negatives FIXME)
for path in git_ls(REPO):
    if not re.match(r"crates/noseyparker/data/default/builtin/rules/[^/]+\.yml$", path):
        continue
    for chunk in re.split(r"\n(?=- name:)", git_show(REPO, path)):
        for rule in (yaml.safe_load(chunk[chunk.index("- name:"):]) if "- name:" in chunk else None) or []:
            categories = rule.get("categories") or []
            if ("identifier" in categories and "secret" not in categories) or "Public" in rule["name"]:
                continue
            try:
                pattern = re.compile(rule["pattern"])
            except re.error:
                pattern = None
            noseyparker_rules.append((path, rule, pattern, "FIXME" in chunk))
for path, rule, pattern, fixme in noseyparker_rules:
    for example in rule.get("examples") or []:
        match = pattern.search(example) if pattern else None
        secret = noseyparker_secret(match, example) if match else True
        add("noseyparker", REPO, path, "Apache-2.0", example.strip("\n"), secret, rule["id"])
    if fixme:
        continue
    for example in rule.get("negative_examples") or []:
        # A negative example says "this rule must not match", not "no secret here": one that another of the source's
        # secret rules matches is not clean text.
        if any(other is not rule and other_pattern and other_pattern.search(example) for _, other, other_pattern, _ in noseyparker_rules):
            continue
        add("noseyparker", REPO, path, "Apache-2.0", example.strip("\n"), False, rule["id"])

# ripsecrets (MIT): its end-to-end test inputs. Every line of test/one_per_line/* holds one secret, each file of
# test/one_per_file/* is one secret in its context (line-labelled: any finding counts); lines of test/none are clean,
# except the two that carry a real secret suppressed by an allowlist pragma or .secretsignore (not clean text).
REPO = "sirwart/ripsecrets"
for path in git_ls(REPO):
    if path.startswith("test/one_per_line/"):
        for line in git_show(REPO, path).splitlines():
            if line.strip():
                add("ripsecrets", REPO, path, "MIT", line, True, path.rsplit("/", 1)[1])
    elif path.startswith("test/one_per_file/"):
        add("ripsecrets", REPO, path, "MIT", git_show(REPO, path).strip("\n"), True, path.rsplit("/", 1)[1])
    elif path == "test/none":
        for line in git_show(REPO, path).splitlines():
            if line.strip() and "allowlist secret" not in line and ".secretsignore" not in line:
                add("ripsecrets", REPO, path, "MIT", line, False, "none")


# Look-alikes from real files: integrity hashes, module checksums, project GUIDs, commit ids, placeholder keys in docs.
def lookalikes(repo, path, pattern, licence, kind, n):
    lines = [l for l in git_show(repo, path).splitlines() if re.search(pattern, l)]
    for line in sample(lines, n, seed=path):
        add("lookalike", repo, path, licence, line.strip(), False, kind)


lookalikes("secretlint/secretlint", "pnpm-lock.yaml", r"integrity: sha512-", "MIT", "integrity-hash", 60)
lookalikes("trufflesecurity/trufflehog", "go.sum", r"h1:", "AGPL-3.0", "module-checksum", 60)
for repo, pattern, kind in [("modelcontextprotocol/servers", r"(?i)(api[_-]?key|token|secret|password)", "doc-placeholder"),
                            ("github/github-mcp-server", r"(?i)(api[_-]?key|token|secret|password|pat)\b", "doc-placeholder")]:
    docs = [p for p in git_ls(repo) if p.endswith((".md", ".json", ".yml", ".yaml", ".env.example", ".go", ".ts"))]
    lines = []
    for path in docs:
        if path.endswith(("package-lock.json", "_test.go", ".test.ts")) or "/test" in path:
            continue
        for line in git_show(repo, path).splitlines():
            if re.search(pattern, line) and 12 <= len(line.strip()) <= 300:
                lines.append((path, line.strip()))
    for path, line in sample(lines, 220, seed=repo):
        add("lookalike", repo, path, "MIT", line, False, kind)

# Kingfisher (Apache-2.0): mongodb/kingfisher `data/rules/*.yml`, the same rule format as Nosey Parker (from which it
# started) with several hundred rules of its own. Each rule's `examples` with the last group its own pattern captures as
# the secret (as for Nosey Parker), and its `negative_examples` unless another kept rule matches them. Left out: helper
# rules that only identify (`visible: false`: app ids, org ids, client ids another rule depends on), rules that only
# identify or are public by design (as for Nosey Parker), and examples whose text another source already holds (the
# first copy keeps its source). Added after the detector had been tuned on the other sources; split fixed on adding.
REPO = "mongodb/kingfisher"
kingfisher_rules = []
for path in git_ls(REPO):
    if not re.match(r"data/rules/[^/]+\.yml$", path):
        continue
    for rule in (yaml.safe_load(git_show(REPO, path)) or {}).get("rules") or []:
        categories = rule.get("categories") or []
        if rule.get("visible") is False or ("identifier" in categories and "secret" not in categories) or "Public" in rule["name"]:
            continue
        try:
            pattern = re.compile(rule["pattern"])
        except re.error:
            pattern = None
        kingfisher_rules.append((path, rule, pattern))
for path, rule, pattern in kingfisher_rules:
    for example in rule.get("examples") or []:
        match = pattern.search(example) if pattern else None
        secret = noseyparker_secret(match, example) if match else True
        if isinstance(secret, str):
            # Its patterns put a lazy gap and `\b` before the capture, so a capture may start at the separator
            # ("appointedd_SECRET=<value>" captures "=<value>"): the separator is not part of the secret.
            secret = secret.lstrip(" \t=")
        add("kingfisher", REPO, path, "Apache-2.0", example.strip("\n"), secret, rule["id"])
    for example in rule.get("negative_examples") or []:
        if any(other is not rule and other_pattern and other_pattern.search(example) for _, other, other_pattern in kingfisher_rules):
            continue
        add("kingfisher", REPO, path, "Apache-2.0", example.strip("\n"), False, rule["id"])

# Microsoft sarif-pattern-matcher (MIT): `src/Plugins/Tests.Security/TestData/SecurePlaintextSecrets`, each rule's test
# input and the SARIF log its scanner is expected to produce for that input. A positive is the input line (or lines) of
# an expected result, the secret its `SecretFingerprint` secret (the region's snippet when there is none). Positives only:
# an input line without an expected result is not labelled clean (several inputs hold secrets a rule marks
# "Unimplemented"). Added after the detector had been tuned on the other sources; split fixed on adding.
REPO = "microsoft/sarif-pattern-matcher"
SARIF_BASE = "src/Plugins/Tests.Security/TestData/SecurePlaintextSecrets/"
sarif_inputs = {}
for path in sorted(git_ls(REPO)):
    if not (path.startswith(SARIF_BASE + "ExpectedOutputs/") and path.endswith(".sarif")):
        continue
    for run in json.loads(git_show(REPO, path)).get("runs") or []:
        for result in run.get("results") or []:
            for location in result.get("locations") or []:
                physical = location.get("physicalLocation") or {}
                uri = (physical.get("artifactLocation") or {}).get("uri")
                region = physical.get("region") or {}
                if not uri or "startLine" not in region:
                    continue
                if uri not in sarif_inputs:
                    try:
                        sarif_inputs[uri] = git_show(REPO, uri).replace("\r\n", "\n").split("\n")
                    except subprocess.CalledProcessError:
                        sarif_inputs[uri] = None  # a log of an input renamed since: no line to label
                lines = sarif_inputs[uri]
                if lines is None:
                    continue
                text = "\n".join(lines[region["startLine"] - 1:region.get("endLine", region["startLine"])])
                fingerprint = (result.get("fingerprints") or {}).get("SecretFingerprint/current")
                secret = json.loads(fingerprint).get("secret") if fingerprint else None
                if not secret or secret not in text:
                    secret = (region.get("snippet") or {}).get("text")
                if secret:
                    add("sarif-pattern-matcher", REPO, uri, "MIT", text, secret, result.get("ruleId", ""))

# Skyscanner/whispers (Apache-2.0): fixtures in many config and code syntaxes, labelled by whispers' own tests (see
# whispers_rows.py). Added in the eighth pass of issue 14, before any tuning on it; split fixed on adding.
whispers_rows(git_ls, git_show, add)

write("../secrets.jsonl", rows)
