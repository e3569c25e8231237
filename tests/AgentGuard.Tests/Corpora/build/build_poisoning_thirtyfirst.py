"""Appends the source added in the thirty-first session of issue 14 to poisoning.jsonl, before any tuning on it.

Earlier rows stay as they are, line for line; new rows go after them, each with its split fixed when written
(FNV-1a, common.split_of); a text already in the file is not added again. The source is read at a pinned commit.

- mcp-atlassian: sooperset/mcp-atlassian (MIT, `LICENSE`, "Hyeonsoo Lee"), a popular FastMCP server for Jira and
  Confluence whose tool docstrings tell the agent when to use a tool and which to call first. `src/mcp_atlassian/servers/
  jira.py` and `confluence.py`: every tool description (the docstring of each function decorated with `…_mcp.tool`,
  cleaned as `inspect.getdoc` does; FastMCP serves it) and every pydantic `Field(description=…)` parameter description
  written as a literal (adjacent literals joined as Python joins them; computed texts left out). Clean, sampled: 260 of
  the distinct texts (seed 31). Texts under 12 characters are dropped as everywhere.
"""
import ast

from common import append, description_rows, sample, show_at

TARGET = "../poisoning.jsonl"
SOURCE = "mcp-atlassian"
REPO, COMMIT, LICENCE = "sooperset/mcp-atlassian", "436b37e4854aacad0aee3ce47baafb6fdb4162a7", "MIT"
FILES = ["src/mcp_atlassian/servers/jira.py", "src/mcp_atlassian/servers/confluence.py"]


def texts(path):
    """(text, field) of every tool docstring and literal Field description of one server file."""
    tree = ast.parse(show_at(REPO, COMMIT, path))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                "_mcp.tool" in ast.unparse(d) for d in node.decorator_list):
            doc = ast.get_docstring(node, clean=True)
            if doc:
                yield doc, "description"
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "Field":
            for keyword in node.keywords:
                if keyword.arg == "description" and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
                    yield keyword.value.value, "parameter"


unique = {}
for path in FILES:
    for text, field in texts(path):
        unique.setdefault(text.strip(), (field, path))

rows, add = description_rows()
for text, (field, path) in sample(sorted(unique.items()), 260, 31):
    add(SOURCE, REPO, COMMIT, path, LICENCE, 0, text, field, path)

if __name__ == "__main__":
    print(len(unique), "distinct texts,", len(rows), "clean rows read")
    print(append(TARGET, rows), "rows appended")
