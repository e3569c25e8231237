"""Reading JavaScript and TypeScript string literals as their values, for the builders that take descriptions from
MCP servers written in those languages (`build_poisoning_nineteenth.py`, `build_poisoning_twentieth.py`)."""
import re

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


def described(source, tool_descriptions=True):
    """(text, field) of every `description:` literal (when tool_descriptions) and zod `.describe(…)` literal in a
    source file, in the order they stand."""
    found = []
    for m in re.finditer(r"\bdescription:", source) if tool_descriptions else []:
        value = literal_at(source, m.end())
        if value:
            found.append((value[0], "description"))
    for m in re.finditer(r"\.describe\(", source):
        value = literal_at(source, m.end())
        if value:
            found.append((value[0], "parameter"))
    return found
