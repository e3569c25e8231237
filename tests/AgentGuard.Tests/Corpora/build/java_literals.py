"""Reading Java tool definitions as their values, for the builders that take descriptions from MCP tooling written in
Java (`build_poisoning_fortysecond.py`): a small tokenizer (comments skipped, string literals and text blocks read as
their values, `\\uXXXX` escapes and surrogate pairs joined), the body of a named method, the top-level arguments of a
call, and the value of an argument expression made of literals, names bound earlier (`String x = …;` in the same body
or a class constant) and calls of a named helper, joined by `+`."""
import re

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "s": " ", "0": "\0", "\"": "\"", "'": "'",
           "\\": "\\"}


def cook(body):
    """The value of a Java string literal's body: escapes read, UTF-16 surrogate pairs joined."""
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n == "u":
            j = i + 1
            while body[j] == "u":
                j += 1
            out.append(chr(int(body[j:j + 4], 16)))
            i = j + 4
        else:
            out.append(ESCAPES[n])
            i += 2
    return "".join(out).encode("utf-16", "surrogatepass").decode("utf-16")


def tokens(src):
    """(kind, value, start, end) for each token: 'str' (its value), 'name', 'num', or 'op' (one character)."""
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif src.startswith("//", i):
            i = src.find("\n", i) if src.find("\n", i) >= 0 else n
        elif src.startswith("/*", i):
            i = src.index("*/", i) + 2
        elif src.startswith('"""', i):
            end = src.index('"""', i + 3)
            yield "str", text_block(src[i + 3:end]), i, end + 3
            i = end + 3
        elif c == '"':
            j = i + 1
            while src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            yield "str", cook(src[i + 1:j]), i, j + 1
            i = j + 1
        elif c == "'":
            j = i + 1
            while src[j] != "'":
                j += 2 if src[j] == "\\" else 1
            yield "char", src[i + 1:j], i, j + 1
            i = j + 1
        elif c.isalpha() or c in "_$":
            m = re.compile(r"[\w$]+").match(src, i)
            yield "name", m.group(), i, m.end()
            i = m.end()
        elif c.isdigit():
            m = re.compile(r"[\w.]+").match(src, i)
            yield "num", m.group(), i, m.end()
            i = m.end()
        else:
            yield "op", c, i, i + 1
            i += 1


def text_block(body):
    """The value of a Java text block (the line after the opening quotes onwards, common indentation removed)."""
    lines = body.split("\n")[1:]
    indent = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
    return cook("\n".join(l[indent:].rstrip() for l in lines))


def method(src, name):
    """The tokens of the body of the first method declared with this name (its parameter list, then its braces)."""
    toks = list(tokens(src))
    for k, t in enumerate(toks):
        before = toks[k - 1]
        if t[0] == "name" and t[1] == name and k + 1 < len(toks) and toks[k + 1][1] == "(" \
                and (before[0] == "name" and before[1] not in ("new", "return") or before[1] in (">", "]")):
            j = close(toks, k + 1)
            if toks[j + 1][1] != "{":
                continue
            return toks[j + 2:close(toks, j + 1)]
    raise KeyError(name)


def close(toks, k):
    """The index of the bracket that closes the one at k."""
    pairs = {"(": ")", "{": "}", "[": "]"}
    opening, depth = toks[k][1], 0
    for j in range(k, len(toks)):
        if toks[j][0] == "op" and toks[j][1] == opening:
            depth += 1
        elif toks[j][0] == "op" and toks[j][1] == pairs[opening]:
            depth -= 1
            if depth == 0:
                return j
    raise ValueError("unbalanced")


def arguments(toks, k):
    """The top-level argument token lists of the call whose '(' is at k."""
    end, args, current, depth = close(toks, k), [], [], 0
    for t in toks[k + 1:end]:
        if t[0] == "op" and t[1] in "({[":
            depth += 1
        elif t[0] == "op" and t[1] in ")}]":
            depth -= 1
        if depth == 0 and t[0] == "op" and t[1] == ",":
            args.append(current)
            current = []
        else:
            current.append(t)
    if current:
        args.append(current)
    return args


def value(expr, env, helpers=None):
    """The string value of an expression of literals, bound names and helper calls joined by '+', or None."""
    helpers = helpers or {}
    parts, k = [], 0
    while k < len(expr):
        t = expr[k]
        if t[0] == "str":
            parts.append(t[1])
            k += 1
        elif t[0] == "name" and t[1] in helpers and k + 1 < len(expr) and expr[k + 1][1] == "(":
            j = close(expr, k + 1)
            inner = value(expr[k + 2:j], env, helpers)
            if inner is None:
                return None
            parts.append(helpers[t[1]](inner))
            k = j + 1
        elif t[0] == "name" and t[1] in env:
            parts.append(env[t[1]])
            k += 1
        else:
            return None
        if k < len(expr):
            if expr[k][1] != "+":
                return None
            k += 1
    return "".join(parts) if parts else None


def bindings(toks, env=None, helpers=None):
    """Names bound to string values in these tokens (`String x = …;`, `static final String X = …;`), added to env."""
    env = dict(env or {})
    for k in range(len(toks) - 2):
        if toks[k][1] == "String" and toks[k + 1][0] == "name" and toks[k + 2][1] == "=":
            j = k + 3
            while toks[j][1] != ";":
                j += 1
            v = value(toks[k + 3:j], env, helpers)
            if v is not None:
                env[toks[k + 1][1]] = v
    return env


def calls(toks, name):
    """The index of the '(' of each call of name (e.g. `of` in `ToolDefinition.of(`, `ToolDefinition` in `new …(`)."""
    return [k + 1 for k in range(len(toks) - 1) if toks[k][0] == "name" and toks[k][1] == name and toks[k + 1][1] == "("]


def schema_texts(toks, env, helpers=None):
    """(parameter, key, value) for each `"description", …` and `"default", …` entry of a schema's Map.of(…) tokens,
    the parameter being the key of the nearest enclosing entry."""
    out = []

    def walk(span, parameter):
        k = 0
        while k < len(span):
            t = span[k]
            if t[0] == "name" and t[1] == "of" and k + 1 < len(span) and span[k + 1][1] == "(":
                args = arguments(span, k + 1)
                for a in range(0, len(args) - 1, 2):
                    key = value(args[a], env, helpers)
                    if key in ("description", "default"):
                        v = value(args[a + 1], env, helpers)
                        if v is not None:
                            out.append((parameter, key, v))
                    elif key not in (None, "type", "properties"):
                        walk(args[a + 1], key)
                    else:
                        walk(args[a + 1], parameter)
                k = close(span, k + 1) + 1
            else:
                k += 1

    walk(toks, None)
    return out
