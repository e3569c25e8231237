"""Appends the source added in the twenty-fifth session of issue 14 to poisoning.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.
Labels are the source's own:

- mcp-attack-suite: Wapiti08/mcp-attack-suite (MIT), an arena that attacks an MCP agent in three challenges
  (`emailsystem`, `documentsystem`, `ETHPriceServer`) and its 648-run benchmark (`scripts/run_source_648_benchmark.py`).
  Its tool-poisoning attack changes only the description the model is shown: `environment/arena/runner/run.py`
  (`_apply_tool_poisoning`) puts the attack's injection before (`prepend`), after (`append`) or in place of
  (`replace`) the target tool's description as its server serves it. The poisoned descriptions are built exactly so:
  * each `attacks/tool_poisoning*.json` of a challenge, its `tool_poisoning.injection` applied with its `mode` to its
    `target_tool`, served by the server of the spec the runner runs it with (the config's `spec_file`, else the
    challenge's `spec.json`);
  * the benchmark's 24 prompt variants per challenge, built as `scripts/gen_submissions.py` builds them with
    `--no-compound` for each of its two template sets (`environment/submissions/attacks/{singular,compound}_attacks`:
    each `prompt*` template with every `$` replaced by the challenge's base injection, the one of
    `attacks/tool_poisoning.json` with `\\n` read as a line break, as `load_base_payload` does), each given to the
    runner as the injection of the challenge's `tool_poisoning.json`.
  Clean: every tool description (the FastMCP docstring, cleaned as `inspect.getdoc` does) of the servers the
  challenges' specs run as trusted servers or slot defaults; the two attacker servers of `mcp_sets.json`
  (`email_attack_server`, `malicious_tools_server`) are left out.
"""
import ast
import json

from common import append, description_rows, ls_at, show_at

TARGET = "../poisoning.jsonl"
SOURCE = "mcp-attack-suite"
REPO, COMMIT, LICENCE = "Wapiti08/mcp-attack-suite", "e57b4ca70ba269125cbe75cf17be9dec781f2227", "MIT"
ARENA = "environment/arena/challenges"
CHALLENGES = ["emailsystem", "documentsystem", "ETHPriceServer"]
TEMPLATE_SETS = ["environment/submissions/attacks/singular_attacks", "environment/submissions/attacks/compound_attacks"]
ATTACKER_SERVERS = {"email_attack_server", "malicious_tools_server"}
rows, add = description_rows()
files = [f for f in ls_at(REPO, COMMIT) if f]


def module_path(module):
    return module.replace(".", "/") + ".py"


def served(path):
    """(tool name, description) of every `@mcp.tool` function of a FastMCP server file, as `inspect.getdoc` gives it."""
    tree = ast.parse(show_at(REPO, COMMIT, path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            target = call.func if call else decorator
            if isinstance(target, ast.Attribute) and target.attr == "tool":
                keywords = {k.arg: k.value for k in call.keywords} if call else {}
                if "description" in keywords:
                    found.append((node.name, ast.literal_eval(keywords["description"])))
                else:
                    found.append((node.name, ast.get_docstring(node, clean=True) or ""))
    return found


def spec_modules(spec):
    modules = [s["module"] for s in spec.get("trusted_servers", [])]
    modules += [s["default"]["module"] for s in spec.get("slots", []) if isinstance(s.get("default"), dict)]
    return modules


def poison(description, injection, mode):
    """`_apply_tool_poisoning` of environment/arena/runner/run.py."""
    payload = (injection or "").strip()
    if mode == "replace":
        return payload
    if mode == "prepend":
        return (payload + "\n\n" + description).strip()
    return (description + "\n\n" + payload).strip()


def served_description(challenge, config, tool):
    """The description of `tool` as the server of the spec the runner pairs with the attack config serves it."""
    spec_name = str(config.get("spec_file") or "").strip() or "spec.json"
    for module in spec_modules(json.loads(show_at(REPO, COMMIT, f"{ARENA}/{challenge}/{spec_name}"))):
        for name, description in served(module_path(module)):
            if name == tool:
                return description
    raise SystemExit(f"{tool} is served by no server of {challenge} {spec_name}")


def templates(directory):
    """`_load_attack_templates` of scripts/gen_submissions.py: group folders by name, `prompt*` files by name."""
    groups = sorted({f[len(directory) + 1:].split("/")[0] for f in files if f.startswith(directory + "/") and f.count("/") == directory.count("/") + 2},
                    key=str.lower)
    found = []
    for group in groups:
        prompts = sorted((f for f in files if f.startswith(f"{directory}/{group}/") and f.rsplit("/", 1)[1].startswith("prompt")),
                         key=lambda f: f.rsplit("/", 1)[1].lower())
        found += [(f, show_at(REPO, COMMIT, f)) for f in prompts]
    return found


# Clean: the trusted servers' tools.
trusted = set()
for challenge in CHALLENGES:
    for f in files:
        if f.startswith(f"{ARENA}/{challenge}/spec") and f.endswith(".json"):
            trusted.update(module_path(m) for m in spec_modules(json.loads(show_at(REPO, COMMIT, f))))
for path in sorted(trusted):
    if path.rsplit("/", 1)[1][:-3] in ATTACKER_SERVERS:
        continue
    for name, description in served(path):
        add(SOURCE, REPO, COMMIT, path, LICENCE, 0, description, "description", name)

# Poisoned: the attack configs, then the benchmark's prompt variants.
for challenge in CHALLENGES:
    for f in sorted(f for f in files if f.startswith(f"{ARENA}/{challenge}/attacks/tool_poisoning")):
        config = json.loads(show_at(REPO, COMMIT, f))
        attack = config["tool_poisoning"]
        description = served_description(challenge, config, attack["target_tool"])
        add(SOURCE, REPO, COMMIT, f, LICENCE, 1, poison(description, attack["injection"], attack.get("mode", "append")),
            "description", attack["target_tool"])
    base_config = json.loads(show_at(REPO, COMMIT, f"{ARENA}/{challenge}/attacks/tool_poisoning.json"))
    base_attack = base_config["tool_poisoning"]
    base = str(base_attack["injection"]).strip().replace("\\n", "\n")
    description = served_description(challenge, base_config, base_attack["target_tool"])
    for directory in TEMPLATE_SETS:
        for path, template in templates(directory):
            payload = template.replace("$", base).strip()
            add(SOURCE, REPO, COMMIT, path, LICENCE, 1, poison(description, payload, base_attack.get("mode", "append")),
                "description", f"{base_attack['target_tool']} ({challenge})")

if __name__ == "__main__":
    print(append(TARGET, rows), "rows appended")
