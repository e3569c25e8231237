using System.Collections.Frozen;

namespace AgentGuard.Data;

/// <summary>
/// Reads the simplest T-SQL statements from tokens, without ScriptDom: one <c>SELECT</c> (columns, <c>TOP</c>, joins,
/// <c>WHERE</c>, <c>GROUP BY</c>, <c>ORDER BY</c>), <c>INSERT … VALUES</c>, <c>UPDATE … SET</c> or <c>DELETE</c>, made only of
/// plain names, <c>@parameters</c>, literals, comparisons and the aggregates. It gives what <see cref="TSqlReader"/>
/// gives for them, in the same order. Anything else (a hint, a function, a second statement, a reserved word as a name,
/// a token it does not know) returns false and the statement goes to Microsoft's parser: it never guesses.
/// </summary>
internal sealed class TSqlFastReader
{
    /// <summary>Texts longer than this go to the parser (a typical statement is far shorter).</summary>
    public const int MaxLength = 2048;

    /// <summary>T-SQL's reserved keywords (never names without quotes), and words this reader leaves to the parser where a name could stand.</summary>
    private static readonly FrozenSet<string> NotNames = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "add", "all", "alter", "and", "any", "as", "asc", "authorization", "backup", "begin", "between", "break", "browse", "bulk", "by",
        "cascade", "case", "check", "checkpoint", "close", "clustered", "coalesce", "collate", "column", "commit", "compute", "constraint",
        "contains", "containstable", "continue", "convert", "create", "cross", "current", "current_date", "current_time", "current_timestamp",
        "current_user", "cursor", "database", "dbcc", "deallocate", "declare", "default", "delete", "deny", "desc", "disk", "distinct",
        "distributed", "double", "drop", "dump", "else", "end", "errlvl", "escape", "except", "exec", "execute", "exists", "exit",
        "external", "fetch", "file", "fillfactor", "for", "foreign", "freetext", "freetexttable", "from", "full", "function", "goto",
        "grant", "group", "having", "holdlock", "identity", "identity_insert", "identitycol", "if", "in", "index", "inner", "insert",
        "intersect", "into", "is", "join", "key", "kill", "left", "like", "lineno", "load", "merge", "national", "nocheck",
        "nonclustered", "not", "null", "nullif", "of", "off", "offsets", "on", "open", "opendatasource", "openquery", "openrowset",
        "openxml", "option", "or", "order", "outer", "over", "percent", "pivot", "plan", "precision", "primary", "print", "proc",
        "procedure", "public", "raiserror", "read", "readtext", "reconfigure", "references", "replication", "restore", "restrict",
        "return", "revert", "revoke", "right", "rollback", "rowcount", "rowguidcol", "rule", "save", "schema", "securityaudit", "select",
        "semantickeyphrasetable", "semanticsimilaritydetailstable", "semanticsimilaritytable", "session_user", "set", "setuser",
        "shutdown", "some", "statistics", "system_user", "table", "tablesample", "textsize", "then", "to", "top", "tran", "transaction",
        "trigger", "truncate", "try_convert", "tsequal", "union", "unique", "unpivot", "update", "updatetext", "use", "user", "values",
        "varying", "view", "waitfor", "when", "where", "while", "with", "within", "writetext",

        // Not reserved, but they start clauses or batches this reader does not read.
        "go", "offset", "window", "apply", "output", "next", "ties", "rows", "only", "escape",
    ]);

    private static readonly FrozenSet<string> Aggregates = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, ["count", "sum", "min", "max", "avg"]);

    private readonly string _text;
    private readonly List<SqlToken> _t;
    private readonly int _end;
    private readonly List<string> _columnsRead = new(8);
    private readonly List<(string Name, bool Write)> _tables = new(2);
    private int _i;

    private TSqlFastReader(string text, List<SqlToken> tokens, int end)
    {
        _text = text;
        _t = tokens;
        _end = end;
    }

    /// <summary>A condition's shape, as far as <see cref="TSqlReader"/>'s mass-change test needs it.</summary>
    private sealed record Predicate(char Shape, bool HasColumn, Predicate? Left = null, Predicate? Right = null, string? LeftText = null, string? RightText = null, string? Operator = null);

    /// <summary>Reads <paramref name="text"/> into <paramref name="builder"/> when it is a statement this reader knows; false leaves the builder untouched.</summary>
    public static bool TryRead(string text, SqlAnalysisBuilder builder)
    {
        if (text.Length > MaxLength || SqlLexer.Tokenize(text, SqlDialect.SqlServer, out _) is not { Count: > 0 } tokens)
        {
            return false;
        }

        var end = tokens.Count;
        if (tokens[end - 1].Kind == SqlTokenKind.Semicolon)
        {
            end--;
        }

        foreach (var token in tokens)
        {
            if (!Known(text, token))
            {
                return false;
            }
        }

        var reader = new TSqlFastReader(text, tokens, end);
        return reader.Statement(builder);
    }

    /// <summary>Tokens whose T-SQL meaning is the tokenizer's: no backticks, <c>$</c>, <c>?</c> or <c>:</c> parameters, no <c>E''</c>/<c>X''</c> strings, no <c>]]</c> escapes.</summary>
    private static bool Known(string text, SqlToken token) => token.Kind switch
    {
        SqlTokenKind.QuotedName => text[token.Start] is '"' or '[' && !(text[token.Start] == '[' && token.Start + token.Length < text.Length && text[token.Start + token.Length] == ']'),
        SqlTokenKind.Parameter => text[token.Start] == '@' && token.Length > 1,
        SqlTokenKind.String => text[token.Start] is '\'' or 'N' or 'n',
        SqlTokenKind.Number => !text.AsSpan(token.Start, token.Length).Contains('_') && text.AsSpan(token.Start, token.Length).Count('.') <= 1,
        _ => true,
    };

    private bool Statement(SqlAnalysisBuilder builder)
    {
        if (!Peek(SqlTokenKind.Word))
        {
            return false;
        }

        switch (_t[0].Name)
        {
            case "select":
                _i = 1;
                if (!Select() || _i != _end)
                {
                    return false;
                }

                builder.Statements = 1;
                builder.Kind(SqlStatementKind.Read);
                Apply(builder);
                return true;
            case "insert":
                return Insert(builder);
            case "update":
                return Update(builder);
            case "delete":
                return Delete(builder);
            default:
                return false;
        }
    }

    private void Apply(SqlAnalysisBuilder builder)
    {
        foreach (var (name, write) in _tables)
        {
            if (write)
            {
                builder.TableWritten(name);
            }
            else
            {
                builder.TableRead(name);
            }
        }

        foreach (var column in _columnsRead)
        {
            builder.ColumnRead(column);
        }
    }

    private bool Select()
    {
        Word("distinct");
        if (Word("top"))
        {
            var parenthesised = Symbol(SqlTokenKind.Open);
            if (!(Take(SqlTokenKind.Number) || Take(SqlTokenKind.Parameter)) || (parenthesised && !Symbol(SqlTokenKind.Close)) || IsWord("percent") || IsWord("with"))
            {
                return false;
            }
        }

        do
        {
            if (!SelectItem())
            {
                return false;
            }
        }
        while (Symbol(SqlTokenKind.Comma));

        if (!Word("from"))
        {
            return false;
        }

        do
        {
            if (!TableReference())
            {
                return false;
            }

            while (Join(out var ok))
            {
                if (!ok)
                {
                    return false;
                }
            }
        }
        while (Symbol(SqlTokenKind.Comma));

        if (Word("where") && Condition() is null)
        {
            return false;
        }

        if (Word("group"))
        {
            if (!Word("by"))
            {
                return false;
            }

            do
            {
                if (!ColumnReference(read: true))
                {
                    return false;
                }
            }
            while (Symbol(SqlTokenKind.Comma));
        }

        if (Word("order"))
        {
            if (!Word("by"))
            {
                return false;
            }

            // The parser visits ORDER BY before the select list: its columns come first.
            var before = _columnsRead.Count;
            do
            {
                if (!(ColumnReference(read: true) || Take(SqlTokenKind.Number)))
                {
                    return false;
                }

                _ = Word("asc") || Word("desc");
            }
            while (Symbol(SqlTokenKind.Comma));

            var orderBy = _columnsRead[before..];
            _columnsRead.RemoveRange(before, orderBy.Count);
            _columnsRead.InsertRange(0, orderBy);
        }

        return true;
    }

    private bool SelectItem()
    {
        if (IsStar(_i))
        {
            _i++;
            _columnsRead.Add("*");
            return true;
        }

        // name.* (one or two qualifiers)
        if (IsName(_i) && IsDot(_i + 1) && (IsStar(_i + 2) || (IsName(_i + 2) && IsDot(_i + 3) && IsStar(_i + 4))))
        {
            _i += IsStar(_i + 2) ? 3 : 5;
            _columnsRead.Add("*");
            return true;
        }

        if (!Expression(out _))
        {
            return false;
        }

        if (Word("as"))
        {
            return TakeName();
        }

        if (IsName(_i))
        {
            _i++;
        }

        return true;
    }

    /// <summary>A table name of one to three parts (four would name a linked server: the parser reads it), with an alias.</summary>
    private bool TableReference(bool write = false, bool alias = true)
    {
        // A read followed by '(' is a table-valued function; a write target's '(' is INSERT's column list.
        if (!QualifiedName(3, out var name) || (!write && _i < _end && _t[_i].Kind == SqlTokenKind.Open))
        {
            return false;
        }

        _tables.Add((name, write));
        if (!alias)
        {
            return true;
        }

        if (Word("as"))
        {
            return TakeName();
        }

        if (IsName(_i))
        {
            _i++;
        }

        return true;
    }

    private bool Join(out bool ok)
    {
        ok = false;
        var start = _i;
        if (Word("cross"))
        {
            if (!Word("join"))
            {
                _i = start;
                return true;
            }

            ok = TableReference();
            return true;
        }

        if (Word("left") || Word("right") || Word("full"))
        {
            Word("outer");
        }
        else
        {
            Word("inner");
        }

        if (!Word("join"))
        {
            if (_i != start)
            {
                return true;
            }

            ok = true;
            return false;
        }

        ok = TableReference() && Word("on") && Condition() is not null;
        return true;
    }

    private bool Insert(SqlAnalysisBuilder builder)
    {
        _i = 1;
        Word("into");
        if (!TableReference(write: true, alias: false))
        {
            return false;
        }

        var columns = new List<string>(4);
        if (Symbol(SqlTokenKind.Open))
        {
            do
            {
                if (!QualifiedName(3, out var column))
                {
                    return false;
                }

                columns.Add(LastPart(column));
            }
            while (Symbol(SqlTokenKind.Comma));

            if (!Symbol(SqlTokenKind.Close))
            {
                return false;
            }
        }

        if (!Word("values"))
        {
            return false;
        }

        do
        {
            if (!Symbol(SqlTokenKind.Open))
            {
                return false;
            }

            do
            {
                if (!Expression(out var hasColumn) || hasColumn)
                {
                    return false;
                }
            }
            while (Symbol(SqlTokenKind.Comma));

            if (!Symbol(SqlTokenKind.Close))
            {
                return false;
            }
        }
        while (Symbol(SqlTokenKind.Comma));

        if (_i != _end)
        {
            return false;
        }

        builder.Statements = 1;
        builder.Kind(SqlStatementKind.Insert);
        if (columns.Count == 0)
        {
            builder.ColumnWritten("*");
        }

        foreach (var column in columns)
        {
            builder.ColumnWritten(column);
        }

        Apply(builder);
        return true;
    }

    private bool Update(SqlAnalysisBuilder builder)
    {
        _i = 1;
        if (!TableReference(write: true, alias: false) || !Word("set"))
        {
            return false;
        }

        var written = new List<string>(4);
        do
        {
            if (!QualifiedName(3, out var column) || !IsSymbol(_i, "="))
            {
                return false;
            }

            _i++;
            written.Add(LastPart(column));
            if (!Expression(out _))
            {
                return false;
            }
        }
        while (Symbol(SqlTokenKind.Comma));

        if (!EndOfChange(builder, SqlStatementKind.Update))
        {
            return false;
        }

        foreach (var column in written)
        {
            builder.ColumnWritten(column);
        }

        Apply(builder);
        return true;
    }

    /// <summary>
    /// The end of an UPDATE or DELETE: its optional WHERE, then nothing else; records the statement's kind and whether
    /// it changes every row. False when the rest is not fully understood (the statement then goes to the parser).
    /// </summary>
    private bool EndOfChange(SqlAnalysisBuilder builder, SqlStatementKind kind)
    {
        Predicate? where = null;
        if (Word("where") && (where = Condition()) is null)
        {
            return false;
        }

        if (_i != _end)
        {
            return false;
        }

        builder.Statements = 1;
        builder.Kind(kind);
        if (where is null || AlwaysTrue(where))
        {
            builder.MassChange();
        }

        return true;
    }

    private bool Delete(SqlAnalysisBuilder builder)
    {
        _i = 1;
        Word("from");
        if (!TableReference(write: true, alias: false))
        {
            return false;
        }

        if (!EndOfChange(builder, SqlStatementKind.Delete))
        {
            return false;
        }

        Apply(builder);
        return true;
    }

    /// <summary>As <see cref="TSqlReader"/>: an OR branch that names no column, or compares an expression with itself (=, &gt;=, &lt;=), is true for every row.</summary>
    private static bool AlwaysTrue(Predicate condition) => condition.Shape switch
    {
        '|' => AlwaysTrue(condition.Left!) || AlwaysTrue(condition.Right!),
        '(' => AlwaysTrue(condition.Left!),
        'c' when condition.Operator is "=" or ">=" or "<=" && string.Equals(condition.LeftText, condition.RightText, StringComparison.OrdinalIgnoreCase) => true,
        _ => !condition.HasColumn,
    };

    // condition := and {OR and}; and := not {AND not}; not := [NOT] primary; primary := ( condition ) | predicate
    private Predicate? Condition()
    {
        var left = And();
        while (left is not null && Word("or"))
        {
            var right = And();
            left = right is null ? null : new Predicate('|', left.HasColumn || right.HasColumn, left, right);
        }

        return left;
    }

    private Predicate? And()
    {
        var left = Not();
        while (left is not null && Word("and"))
        {
            var right = Not();
            left = right is null ? null : new Predicate('&', left.HasColumn || right.HasColumn, left, right);
        }

        return left;
    }

    private Predicate? Not()
    {
        if (Word("not"))
        {
            return Primary() is { } inner ? new Predicate('!', inner.HasColumn, inner) : null;
        }

        return Primary();
    }

    private Predicate? Primary()
    {
        if (Symbol(SqlTokenKind.Open))
        {
            var inner = Condition();
            return inner is not null && Symbol(SqlTokenKind.Close) ? new Predicate('(', inner.HasColumn, inner) : null;
        }

        var leftStart = _i;
        if (!Expression(out var leftColumn))
        {
            return null;
        }

        var leftText = Span(leftStart, _i);
        if (Word("is"))
        {
            Word("not");
            return Word("null") ? new Predicate('o', leftColumn) : null;
        }

        var negated = Word("not");
        if (Word("like"))
        {
            return Expression(out var patternColumn) ? new Predicate('o', leftColumn || patternColumn) : null;
        }

        if (Word("in"))
        {
            if (!Symbol(SqlTokenKind.Open))
            {
                return null;
            }

            var any = leftColumn;
            do
            {
                if (!Expression(out var itemColumn))
                {
                    return null;
                }

                any |= itemColumn;
            }
            while (Symbol(SqlTokenKind.Comma));

            return Symbol(SqlTokenKind.Close) ? new Predicate('o', any) : null;
        }

        if (negated || _i >= _end || _t[_i].Kind != SqlTokenKind.Symbol)
        {
            return null;
        }

        var op = _text.Substring(_t[_i].Start, _t[_i].Length);
        if (op is not ("=" or "<>" or "!=" or "<" or ">" or "<=" or ">="))
        {
            return null;
        }

        _i++;
        var rightStart = _i;
        if (!Expression(out var rightColumn))
        {
            return null;
        }

        return new Predicate('c', leftColumn || rightColumn, LeftText: leftText, RightText: Span(rightStart, _i), Operator: op);
    }

    // expression := term {(+|-|*|/|%) term}
    private bool Expression(out bool hasColumn)
    {
        hasColumn = false;
        do
        {
            if (!Term(ref hasColumn))
            {
                return false;
            }
        }
        while (_i < _end && _t[_i].Kind == SqlTokenKind.Symbol && _t[_i].Length == 1 && _text[_t[_i].Start] is '+' or '-' or '*' or '/' or '%' && ++_i > 0);

        return true;
    }

    private bool Term(ref bool hasColumn)
    {
        if (_i >= _end)
        {
            return false;
        }

        var token = _t[_i];
        switch (token.Kind)
        {
            case SqlTokenKind.Parameter or SqlTokenKind.Number or SqlTokenKind.String:
                _i++;
                return true;
            case SqlTokenKind.Word when token.Name == "null":
                _i++;
                return true;
            case SqlTokenKind.Word when Aggregates.Contains(token.Name!) && _i + 1 < _end && _t[_i + 1].Kind == SqlTokenKind.Open:
                _i += 2;
                if (token.Name == "count" && IsStar(_i))
                {
                    _i++;
                    _columnsRead.Add("*");
                    hasColumn = true;
                }
                else
                {
                    Word("distinct");
                    if (!Expression(out var argumentColumn))
                    {
                        return false;
                    }

                    hasColumn |= argumentColumn;
                }

                return Symbol(SqlTokenKind.Close);
            default:
                if (!ColumnReference(read: true))
                {
                    return false;
                }

                hasColumn = true;
                return true;
        }
    }

    private bool ColumnReference(bool read)
    {
        if (!QualifiedName(4, out var name) || (_i < _end && _t[_i].Kind == SqlTokenKind.Open))
        {
            return false;
        }

        if (read)
        {
            _columnsRead.Add(LastPart(name));
        }

        return true;
    }

    private bool QualifiedName(int maxParts, out string name)
    {
        name = string.Empty;
        var parts = 0;
        do
        {
            if (!IsName(_i))
            {
                return false;
            }

            var part = Folded(_t[_i++]);
            name = parts == 0 ? part : name + "." + part;
            parts++;
        }
        while (parts < maxParts + 1 && IsDot(_i) && ++_i > 0);

        return parts <= maxParts;
    }

    private bool TakeName()
    {
        if (!IsName(_i))
        {
            return false;
        }

        _i++;
        return true;
    }

    private string Folded(SqlToken token) => token.Kind == SqlTokenKind.Word ? token.Name! : token.Name!.ToLowerInvariant();

    private static string LastPart(string name) => name.LastIndexOf('.') is var dot and >= 0 ? name[(dot + 1)..] : name;

    /// <summary>A name T-SQL reads as one: quoted, or a word that is not reserved; at most 128 characters (longer ones the parser rejects).</summary>
    private bool IsName(int i) => i < _end && _t[i].Length <= 128 && (_t[i].Kind == SqlTokenKind.QuotedName || (_t[i].Kind == SqlTokenKind.Word && !NotNames.Contains(_t[i].Name!)));

    private bool IsDot(int i) => i < _end && _t[i].Kind == SqlTokenKind.Dot;

    private bool IsStar(int i) => i < _end && _t[i].Kind == SqlTokenKind.Symbol && _t[i].Length == 1 && _text[_t[i].Start] == '*';

    private bool IsSymbol(int i, string symbol) => i < _end && _t[i].IsSymbol(_text, symbol);

    private bool IsWord(string word) => _i < _end && _t[_i].IsWord(word);

    private bool Peek(SqlTokenKind kind) => _i < _end && _t[_i].Kind == kind;

    private bool Word(string word)
    {
        if (!IsWord(word))
        {
            return false;
        }

        _i++;
        return true;
    }

    private bool Symbol(SqlTokenKind kind) => Take(kind);

    private bool Take(SqlTokenKind kind)
    {
        if (!Peek(kind))
        {
            return false;
        }

        _i++;
        return true;
    }

    private string Span(int from, int to) => _text[_t[from].Start..(_t[to - 1].Start + _t[to - 1].Length)].Trim();
}
