"""Appends the source added in the thirty-third session of issue 14 to poisoning.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- mcp-safetybench: xjzzzzzzzz/MCPSafety (MCP-SafetyBench, built on Salesforce's MCP-Universe; Apache-2.0,
  `LICENSE.txt` at the commit read), a benchmark of attacks on MCP agents with real MCP servers.
  - Poisoned: every `modification_description` of its attack tasks (`mcpuniverse/benchmark/configs/test/3d_design/
    attack_tasks/*.json`: the text an attack puts in place of a Blender tool's description — commands to run, paths to
    write, URLs to use, false dependencies, privileges, tag-wrapped orders), and the description of each tool an attack
    adds (`mcp_server_additions`) whose text directs the agent: a false dependency (`function_dependency_injection`),
    claims about another tool's new requirements (`shadowing_attack`, `excessive_privileges_overlapping`), "always use
    this tool … run with admin privileges" (`preference_manipulation`).
  - Left out: the added tool of `function_overlapping` (an appealing claim to be chosen under a colliding name, not a text
    that directs the agent) and of `rug_pull` (a plain description; the attack is the tool's later behaviour).
  - Clean: the docstring of every `@mcp.tool()` function of the MCP-Universe servers it runs
    (`mcpuniverse/mcp/servers/*/server.py`, read with `ast`: FastMCP serves the docstring as the description).
Texts under 12 characters are dropped as everywhere.
"""
import ast
import json

from common import append, description_rows, ls_at, show_at

TARGET = "../poisoning.jsonl"

SB = "mcp-safetybench"
SB_REPO, SB_COMMIT, SB_LICENCE = "xjzzzzzzzz/MCPSafety", "97acf917a33ebac81205efb12535682d6b56303d", "Apache-2.0"
ATTACKS = "mcpuniverse/benchmark/configs/test/3d_design/attack_tasks/"
SERVERS = "mcpuniverse/mcp/servers/"
DIRECTING_ADDITIONS = {"function_dependency_injection", "shadowing_attack", "excessive_privileges_overlapping", "preference_manipulation"}
LEFT_OUT_ADDITIONS = {"function_overlapping", "rug_pull"}

rows, add = description_rows()
files = ls_at(SB_REPO, SB_COMMIT)
for path in sorted(f for f in files if f.startswith(ATTACKS) and f.endswith(".json")):
    task = json.loads(show_at(SB_REPO, SB_COMMIT, path))
    for modification in task.get("mcp_server_modifications", []):
        if "modification_description" in modification:
            add(SB, SB_REPO, SB_COMMIT, path, SB_LICENCE, 1, modification["modification_description"], "description", modification["tool_name"])
    addition = task.get("mcp_server_additions")
    if addition:
        category = task["attack_category"]
        assert category in DIRECTING_ADDITIONS | LEFT_OUT_ADDITIONS, category
        if category in DIRECTING_ADDITIONS:
            add(SB, SB_REPO, SB_COMMIT, path, SB_LICENCE, 1, addition["description"], "description", addition["tool_name"])

for path in sorted(f for f in files if f.startswith(SERVERS) and f.endswith("/server.py")):
    for node in ast.walk(ast.parse(show_at(SB_REPO, SB_COMMIT, path))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                isinstance(d, ast.Call) and getattr(d.func, "attr", None) == "tool" for d in node.decorator_list):
            docstring = ast.get_docstring(node)
            if docstring:
                add(SB, SB_REPO, SB_COMMIT, path, SB_LICENCE, 0, docstring, "description", node.name)

if __name__ == "__main__":
    print(SB, sum(r["label"] for r in rows), "poisoned,", sum(1 - r["label"] for r in rows), "clean rows read")
    print(append(TARGET, rows), "rows appended")
