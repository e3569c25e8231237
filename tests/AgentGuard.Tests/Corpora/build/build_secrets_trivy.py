"""Appends trivy's secret-scanner test data to secrets.jsonl (eleventh session of issue 14).

aquasecurity/trivy (Apache-2.0), commit dc3c56ee: `pkg/fanal/secret/testdata/*`, the inputs of
`pkg/fanal/secret/scanner_test.go`, labelled by that test's expectations:
- a positive is an input line that the test expects censored (`Content:`/`Match:` strings in which trivy replaced the
  secret with `*`): the characters under the `*` run are the secret; a line with more than one run is labelled by line
  (`secret` null: any finding counts); consecutive censored lines (a PEM body) form one sample, its secret the censored
  text from the first `*` to the last;
- a negative is a line of an input whose test asserts that trivy's built-in rules find nothing (`invalid aws secrets`,
  `secret inside another word`).
Only inputs scanned with trivy's built-in rules are read (`skip-test.yaml`/`config.yaml` configurations; not the
custom `rule1` fixtures `secret.txt`/`secret.md`, the examples file skipped by path, the chunking tests' generated
text, the minified `obfuscated.js`). Lines of positive inputs that trivy leaves uncensored are not labelled clean: its
rules are provider formats only, so an unreported `password=…` there means "no such rule", not "no secret".

Run from this folder: `python3 build_secrets_trivy.py` (needs the mirror of aquasecurity/trivy at that commit).
"""
import json
import re

from common import append, show_at

REPO = "aquasecurity/trivy"
COMMIT = "dc3c56eed58ab21c7e08d26757c517bc946a86c5"
LICENCE = "Apache-2.0"
TEST = "pkg/fanal/secret/scanner_test.go"
POSITIVE_INPUTS = [
    "aws-secrets.txt", "crlf-line-endings.txt", "asymmetric-private-secret.txt", "alibaba-access-key-id.txt",
    "asymmetric-private-secret.json", "docker-secrets.txt", "hugging-face-secret.txt", "grafana-env.txt",
    "jwt-secret.txt", "symfony-secret.yaml", "private-packagist.txt", "builtin-rule-secret.txt", "github-token.txt",
    "github-app-token.txt", "long-line-secret.txt", "wrapped-secrets-sensitive.txt", "asymmetric-private-key.txt",
    "azure-storage-account-key.txt", "azure-sas-token.txt", "azure-devops-pat.txt", "azure-entra-client-secret.txt",
    "azure-container-registry-credential.txt", "azure-container-registry-password.txt",
    "azure-app-config-connection-string.txt", "azure-ai-services-key.txt", "openai-project-api-key.txt",
    "openai-service-account-key.txt", "openai-admin-api-key.txt", "openai-legacy-api-key.txt",
    "openai-service-api-key.txt", "openai-realtime-client-secret.txt", "settings.xml", "settings-security.xml",
]
NEGATIVE_INPUTS = ["invalid-aws-secrets.txt", "wrapped-secrets.txt"]


LITERAL = r'"(?:[^"\\]|\\.)*"|strings\.Repeat\("(?:[^"\\]|\\.)*",\s*\d+\)'


def go_value(expression):
    """A Go string expression of literals and `strings.Repeat(…)` joined by `+`, evaluated."""
    value = ""
    for part in re.finditer(LITERAL, expression):
        token = part.group(0)
        if token.startswith("strings.Repeat"):
            literal, count = re.fullmatch(r'strings\.Repeat\(("(?:[^"\\]|\\.)*"),\s*(\d+)\)', token).groups()
            value += json.loads(literal) * int(count)
        else:
            value += json.loads(token)
    return value


def go_strings(source):
    """The censored strings of the test (`Content:`, `Match:`, `Highlighted:`), evaluated."""
    masked = set()
    for match in re.finditer(rf'(?:Content|Match|Highlighted):\s*((?:(?:{LITERAL})\s*\+\s*)*(?:{LITERAL}))', source):
        try:
            text = go_value(match.group(1))
        except ValueError:
            continue
        if "*" in text:
            masked.add(text)
    # Whole-line masks built by the test's helpers: `openAIFinding(…, length)`, `azureStructuredToken`.
    for length in re.findall(r'openAIFinding\([^)]*,\s*(\d+)\)', source):
        masked.add("*" * int(length))
    for length in re.findall(r'azureStructuredToken := strings\.Repeat\("\*", (\d+)\)', source):
        masked.add("*" * int(length))
    return masked


def censored_runs(raw, masks):
    """The `*` runs of a censored copy of `raw`, or None: a copy of the whole line (same length, equal outside the
    runs), else a censored window of it (`Match:` of a long line) that fits at exactly one place and holds at least 8
    uncensored characters."""
    # The most specific copy first: a mask of stars only fits any line of its length.
    ordered = sorted(masks, key=lambda mask: (-len(mask.replace("*", "")), mask))
    for whole in (True, False):
        for mask in ordered:
            if len(mask) > len(raw) or (whole and len(mask) != len(raw)) or (not whole and len(mask.replace("*", "")) < 8):
                continue
            fits = [offset for offset in range(len(raw) - len(mask) + 1)
                    if raw[offset:offset + len(mask)] != mask
                    and all(m == r or m == "*" for m, r in zip(mask, raw[offset:offset + len(mask)]))]
            if len(fits) == 1:
                runs = [(fits[0] + m.start(), fits[0] + m.end()) for m in re.finditer(r"\*+", mask)]
                runs = [r for r in runs if raw[r[0]:r[1]].strip("*")]
                if runs:
                    return runs
    return None


def unescaped_ends(secret):
    """trivy's run takes in the `\\n` escapes around a key held in a JSON string; the key is the body between them."""
    while secret.startswith("\\n"):
        secret = secret[2:]
    while secret.endswith("\\n"):
        secret = secret[:-2]
    return secret


def trivy_rows():
    rows = []
    masks = go_strings(show_at(REPO, COMMIT, TEST))

    def row(path, label, text, secret):
        rows.append({"source": "trivy", "repo": REPO, "commit": COMMIT, "path": path, "licence": LICENCE,
                     "label": label, "secret": secret, "text": text})

    for name in POSITIVE_INPUTS:
        path = f"pkg/fanal/secret/testdata/{name}"
        lines = show_at(REPO, COMMIT, path).replace("\r\n", "\n").split("\n")
        censored = [(line, censored_runs(line, masks) if line.strip() else None) for line in lines]
        blocks = []  # consecutive censored lines of one finding: a key body continues its line's run on the next line
        for line, runs in censored:
            if not runs:
                continue
            previous = blocks[-1][-1] if blocks else None
            if previous and previous[1][-1][1] == len(previous[0]) and runs[0][0] == 0 \
                    and lines.index(line) == lines.index(previous[0]) + 1:
                blocks[-1].append((line, runs))
            else:
                blocks.append([(line, runs)])
        for block in blocks:
            if len(block) == 1:
                text, runs = block[0]
                row(path, 1, text, unescaped_ends(text[runs[0][0]:runs[0][1]]) if len(runs) == 1 else None)
            else:
                # A key body: the sample is the whole block with its BEGIN and END lines when the file has them.
                first, last = lines.index(block[0][0]), lines.index(block[-1][0])
                if first > 0 and lines[first - 1].lstrip().startswith("-----BEGIN"):
                    first -= 1
                if last + 1 < len(lines) and lines[last + 1].lstrip().startswith("-----END"):
                    last += 1
                text = "\n".join(lines[first:last + 1])
                body = "\n".join(b[0] for b in block)
                secret = body[block[0][1][0][0]:len(body) - len(block[-1][0]) + block[-1][1][-1][1]]
                row(path, 1, text, unescaped_ends(secret))
    for name in NEGATIVE_INPUTS:
        path = f"pkg/fanal/secret/testdata/{name}"
        for line in show_at(REPO, COMMIT, path).replace("\r\n", "\n").split("\n"):
            if len(line.strip()) >= 8:
                row(path, 0, line.strip(), None)
    return rows


if __name__ == "__main__":
    rows = trivy_rows()
    print("added", append("../secrets.jsonl", rows), "of", len(rows))
