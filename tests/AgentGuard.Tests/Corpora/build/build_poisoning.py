"""Builds poisoning.jsonl: MCP tool and parameter descriptions, poisoned (from public attack demos and research
servers, as those sources present them) and benign (from popular MCP servers).

"field" says where the text sits: "description" (the tool's) or "parameter" (a property's description in the schema).
"""
import ast
import json
import re
import sys
import types
from unittest import mock

from common import git_ls, git_show, sample, write

rows = []


def add(source, repo, path, licence, label, text, field, name):
    text = text.strip()
    if len(text) < 12:
        return
    rows.append({"source": source, "repo": repo, "path": path, "licence": licence, "label": label, "field": field, "name": name, "text": text})


def python_tools(repo, path):
    """(function name, description) of every function decorated as a tool: its docstring or description= keyword."""
    tree = ast.parse(git_show(repo, path))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any("tool" in ast.unparse(d) for d in node.decorator_list):
            text = ast.get_docstring(node) or ""
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call):
                    for keyword in decorator.keywords:
                        if keyword.arg == "description":
                            try:
                                text = ast.literal_eval(keyword.value)
                            except ValueError:
                                pass
            yield node.name, text


# Damn Vulnerable MCP Server (MIT, fork devsecboy/...): the challenges' poisoned tools carry <IMPORTANT>/<HIDDEN> blocks.
REPO = "devsecboy/damn-vulnerable-MCP-server"
for path in git_ls(REPO):
    if re.match(r"challenges/\w+/challenge\d+/server_\w+\.py$", path):
        for name, text in python_tools(REPO, path):
            if "<IMPORTANT>" in text or "<HIDDEN>" in text:
                add("dvmcp", REPO, path, "MIT", 1, text, "description", name)

# Secure MCP Gateway's deliberately bad servers (Apache-2.0): prompt-injection, tool-poisoning and preference-
# manipulation servers; their echo server is the clean contrast. Tools whose description is plain (the attack sits in
# the implementation) are left out.
REPO = "enkryptai/secure-mcp-gateway"
for file, label in [("prompt_injection_mcp.py", 1), ("tool_poisoning_mcp.py", 1), ("mpma_mcp.py", 1), ("echo_mcp.py", 0)]:
    path = "src/secure_mcp_gateway/bad_mcps/" + file
    for name, text in python_tools(REPO, path):
        if name == "list_tools":
            continue
        if label == 1 and name in ("compress_files", "query_database"):
            continue
        add("secure-mcp-gateway", REPO, path, "Apache-2.0", label, text, "description", name)

# GenSecAI MCP poisoning PoC (MIT): tool dictionaries of its attack modules and malicious demo server.
REPO = "gensecaihq/mcp-poisoning-poc"
for path in ["src/attacks/data_exfiltration.py", "src/attacks/tool_hijacking.py", "src/demo/malicious_server.py"]:
    for node in ast.walk(ast.parse(git_show(REPO, path))):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value == "description" and isinstance(value, ast.Constant) and "<" in value.value:
                    add("gensecai-poc", REPO, path, "MIT", 1, re.sub(r"\n\s+", "\n", value.value), "description", "dict")

# Vulnerable-MCP-Server (MIT): the tool-poisoning and tool-shadowing modules, registered against a recording app.
REPO = "beejak/Vulnerable-MCP-Server"
flags = types.ModuleType("flags.flags")
flags.get_flag = lambda key: "FLAG{" + key + "}"
sys.modules["flags"] = types.ModuleType("flags")
sys.modules["flags.flags"] = flags
base = types.ModuleType("vulnerabilities.base")


class VulnerabilityModule:
    def __init__(self, app):
        self.app = app
        self.config = mock.MagicMock()
        self._is_enabled = lambda *a, **k: True


class RecordingApp:
    def __init__(self):
        self.tools = []

    def tool(self, *args, **kwargs):
        def register(function):
            self.tools.append((function.__name__, kwargs.get("description") or function.__doc__ or ""))
            return function
        return register

    def __getattr__(self, name):
        return lambda *a, **k: (lambda f: f)


base.VulnerabilityModule = VulnerabilityModule
base.Hint = lambda *a, **k: None
base.VulnerabilityMeta = lambda *a, **k: None
sys.modules["vulnerabilities"] = types.ModuleType("vulnerabilities")
sys.modules["vulnerabilities.base"] = base
for path in ["vulnerabilities/tool_poisoning.py", "vulnerabilities/tool_shadowing.py"]:
    namespace = {"__name__": "corpus"}
    exec(git_show(REPO, path), namespace)
    for value in list(namespace.values()):
        if isinstance(value, type) and issubclass(value, VulnerabilityModule) and value is not VulnerabilityModule:
            app = RecordingApp()
            value(app).register()
            for name, text in app.tools:
                add("vulnerable-mcp-server", REPO, path, "MIT", 1, text, "description", name)

# mcp-guardian's poisoned example server (MIT): three poisoned tools and one clean one, with their parameters.
REPO = "alexandriashai/mcp-guardian"
PATH = "examples/poisoned-server/index.js"
source = git_show(REPO, PATH)
for name, text in re.findall(r'server\.tool\(\s*"(\w+)",\s*(?:`([^`]*)`|"[^"]*")', source):
    pass
for match in re.finditer(r'server\.tool\(\s*"(\w+)",\s*(`[^`]*`|"[^"]*")', source):
    name, literal = match.group(1), match.group(2)[1:-1]
    add("mcp-guardian", REPO, PATH, "MIT", 0 if name == "calculator" else 1, literal, "description", name)

# hijack-agentic-ai demo 2 (MIT): the poisoned weather tool.
REPO = "nmeisenzahl/hijack-agentic-ai"
PATH = "demos/demo2-mcp-tool-abuse/src/mcp_servers/weather_server.py"
for name, text in python_tools(REPO, PATH):
    add("hijack-agentic-ai", REPO, PATH, "MIT", 1, text, "description", name)

# Benign: reference MCP servers and GitHub's MCP server, tool and parameter descriptions.
STRING = r'"((?:[^"\\\n]|\\.)*)"'
REPO = "modelcontextprotocol/servers"
benign = []
for path in git_ls(REPO):
    if not path.startswith("src/") or "test" in path.lower():
        continue
    if path.endswith(".ts"):
        text = git_show(REPO, path)
        for m in re.finditer(r"description:\s*(?:\n\s*)?" + STRING + r"(?:\s*\+\s*\n?\s*" + STRING + r")*", text):
            parts = re.findall(STRING, m.group(0))
            benign.append((path, "description", "".join(json.loads('"' + p + '"') for p in parts)))
        for m in re.finditer(r"\.describe\(\s*" + STRING, text):
            benign.append((path, "parameter", json.loads('"' + m.group(1) + '"')))
        for m in re.finditer(r"description:\s*`([^`$]*)`", text):
            benign.append((path, "description", m.group(1)))
    elif path.endswith(".py"):
        try:
            tree = ast.parse(git_show(REPO, path))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "description" and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
                        field = "description" if "Tool" in ast.unparse(node.func) else "parameter"
                        benign.append((path, field, keyword.value.value))
for path, field, text in sample(benign, 260, seed="reference-servers"):
    add("reference-servers", REPO, path, "MIT", 0, text, field, "")

REPO = "github/github-mcp-server"
benign = []
for path in git_ls(REPO):
    if path.startswith("pkg/") and path.endswith(".go") and not path.endswith("_test.go"):
        text = git_show(REPO, path)
        for m in re.finditer(r'(?:WithDescription\(|Description:\s*)t\(\s*"\w+",\s*' + STRING, text):
            benign.append((path, "description", json.loads('"' + m.group(1) + '"')))
        for m in re.finditer(r'(?:mcp\.)?Description\(\s*' + STRING, text):
            benign.append((path, "parameter", json.loads('"' + m.group(1) + '"')))
        for m in re.finditer(r'Description:\s*' + STRING + r'(?:\s*\+\s*\n\s*' + STRING + r')*', text):
            parts = re.findall(STRING, m.group(0))
            benign.append((path, "parameter", "".join(json.loads('"' + p + '"') for p in parts)))
for path, field, text in sample(benign, 260, seed="github-mcp-server"):
    add("github-mcp-server", REPO, path, "MIT", 0, text, field, "")

write("../poisoning.jsonl", rows)
