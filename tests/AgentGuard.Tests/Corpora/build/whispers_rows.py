"""Skyscanner/whispers (Apache-2.0), commit 5832bf74: `tests/fixtures/*`, configuration files and code in many
syntaxes (YAML, JSON, XML, .properties, .ini/.env, Dockerfile, shell, Python, Go, Java, JavaScript, PHP, .npmrc,
.pypirc, pip.conf, .htpasswd, .dockercfg, plain text), each split by the fixture itself into a `Compliant` and a
`Noncompliant` part.

Labels are whispers' own, from `tests/unit/test_secrets.py`:
- `test_detection_by_value` asserts that every value whispers reports contains `hardcoded` (or decodes from base64 to
  text holding it): a line of a `Noncompliant` part holding such a value is a positive, the value its secret (the run
  around `hardcoded` up to white space, quotes, brackets, `=`, `:`, `@`, `,`, not a key or element name; a run
  in a URL path is the whole URL, as whispers reports webhook URLs);
- `test_detection_by_key` names the keys it must report in `aws.*`, `jenkins.xml` and `privatekeys.*` (values without
  `hardcoded`): those lines of the `Noncompliant` part are positives, the key's value the secret (a Jenkins
  `#jbcrypt:` prefix is the format's tag, not part of the hash);
- every line of a `Compliant` part, and every line of the fixtures whispers must report nothing in (`custom.*`,
  `placeholders.*`, `language.py2`, `empty.dockercfg`), is a negative.
Left out: fixtures for rules that are not credentials (`creditcards.yml`, HTML comments in `language.html`, `cors.py`),
fixtures that only pass with a test's own exclusion config (`excluded.*`), `cloudformation.*` (the secret is on
another line than its key, and the same line text is labelled both ways), the multi-line key of `privatekeys.*`, and
`Noncompliant` lines whispers does not report.
"""
import base64
import re

REPO = "Skyscanner/whispers"
LICENCE = "Apache-2.0"
SKIP = ("creditcards.yml", "language.html", "cors.py", "excluded.", "cloudformation.", "invalid.json")
SILENT = ("custom.", "placeholders.", "language.py2", "empty.dockercfg")
BY_KEY = {
    "aws.": ("aws_id", "aws_key", "aws_token"),
    "jenkins.xml": ("noncompliantApiToken", "noncompliantPasswordHash"),
    "privatekeys.": ("access", "rsa", "dsa", "ec", "openssh"),
}
MARKER = re.compile(r"(?i)(non-?|in)?compliant")
DELIMITERS = r"\s\"'<>=,();:@\[\]"


def hardcoded_value(line):
    """The value whispers' test would accept on this line (holding `hardcoded`, or base64 of text holding it)."""
    for match in re.finditer(rf"[^{DELIMITERS}]+", line):
        token = match.group(0)
        before, after = line[:match.start()], line[match.end():]
        if before.endswith(("<", "</")) or re.match(r"[\"']?(:(\s|$)|>)", after):
            continue  # a key or an element name (`01_hardcoded_password:`, `<o2_hardcoded_passwords>`), not a value
        if "hardcoded" in token.lower():
            if token.startswith("//"):
                # A URL path: the value is the whole URL, scheme included.
                url = re.search(r"[a-z][a-z0-9+.\-]*:" + re.escape(token), line)
                return url.group(0) if url else token
            return token
        if re.fullmatch(r"[A-Za-z0-9+/]{8,}={0,2}", token):
            try:
                if b"hardcoded" in base64.b64decode(token + "=" * (-len(token) % 4)).lower():
                    return token + re.match(r"={0,2}", after).group(0)
            except ValueError:
                pass
    return None


def keyed_value(line, keys):
    """The value of one of `keys` on this line: YAML `key: v`, JSON `"key": "v"`, XML `<key>v</key>`."""
    for key in keys:
        m = (re.search(rf"^\s*\"?{key}\"?\s*:\s*\"?([^\"]+?)\"?,?\s*$", line)
             or re.search(rf"<{key}>([^<]+)</{key}>", line))
        if m:
            value = m.group(1)
            return value[len("#jbcrypt:"):] if value.startswith("#jbcrypt:") else value
    return None


def whispers_rows(git_ls, git_show, add):
    for path in git_ls(REPO):
        if not path.startswith("tests/fixtures/") or path.endswith(".gitkeep"):
            continue
        name = path[len("tests/fixtures/"):]
        if name.startswith(SKIP):
            continue
        text = git_show(REPO, path)
        keys = next((k for prefix, k in BY_KEY.items() if name.startswith(prefix)), ())
        state = "compliant" if name.startswith(SILENT) else None
        for line in text.splitlines():
            marker = MARKER.search(line)
            if marker and not name.startswith(SILENT):
                state = "noncompliant" if marker.group(1) else "compliant"
            if len(line.strip()) < 8:
                continue
            if state == "compliant":
                add("whispers", REPO, path, LICENCE, line, False, name)
            elif state == "noncompliant":
                secret = hardcoded_value(line) or keyed_value(line, keys)
                if secret:
                    add("whispers", REPO, path, LICENCE, line, secret, name)
