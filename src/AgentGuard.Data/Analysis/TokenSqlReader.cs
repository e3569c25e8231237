namespace AgentGuard.Data;

/// <summary>
/// Reads the tokens of PostgreSQL, SQLite or MySQL text statement by statement: kinds, tables and columns read and written,
/// mass changes, file and program access. What it does not recognise is opaque, never guessed.
/// </summary>
internal sealed class TokenSqlReader
{
    /// <summary>Parentheses nest at most this deep; deeper text is opaque.</summary>
    private const int MaxDepth = 64;

    private static readonly string[] FromEnds = ["where", "group", "having", "order", "limit", "offset", "window", "union", "intersect", "except", "returning", "fetch", "for", "when", "conflict", "select", "values", "set", "into", "do"];
    private static readonly string[] SetEnds = ["from", "where", "returning", "when"];
    private static readonly string[] WhereEnds = ["returning", "order", "limit", "group", "having", "window", "union", "intersect", "except", "on", "when"];
    private static readonly string[] UntrustedLanguages = ["c", "internal", "plpythonu", "plpython2u", "plpython3u", "plperlu", "pltclu", "plsh", "plr", "pljavau", "pllua", "plluau"];

    private readonly string _text;
    private readonly List<SqlToken> _t;
    private readonly SqlAnalysisBuilder _b;
    private readonly Mode[] _mode = new Mode[MaxDepth + 1];
    private readonly bool[] _function = new bool[MaxDepth + 1];
    private List<string>? _cteNames;
    private bool _inMerge;
    private bool _topLevel;

    private TokenSqlReader(string text, List<SqlToken> tokens, SqlAnalysisBuilder builder)
    {
        _text = text;
        _t = tokens;
        _b = builder;
    }

    private enum Mode : byte
    {
        None,
        From,
        Set,
    }

    /// <summary>Reads every statement of <paramref name="tokens"/> into <paramref name="builder"/>.</summary>
    public static void Read(string text, List<SqlToken> tokens, SqlAnalysisBuilder builder, int maxStatements)
    {
        var reader = new TokenSqlReader(text, tokens, builder);
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count)
            {
                var kind = tokens[i].Kind;
                if (kind == SqlTokenKind.Open)
                {
                    depth++;
                }
                else if (kind == SqlTokenKind.Close && --depth < 0)
                {
                    builder.Opaque("unbalanced parentheses");
                    return;
                }

                if (kind != SqlTokenKind.Semicolon || depth > 0)
                {
                    continue;
                }
            }
            else if (depth != 0)
            {
                builder.Opaque("unbalanced parentheses");
                return;
            }

            if (i > start)
            {
                if (++builder.Statements > maxStatements)
                {
                    builder.Opaque($"more than {maxStatements} statements");
                    return;
                }

                reader.Statement(start, i);
            }

            start = i + 1;
        }
    }

    private void Statement(int s, int e)
    {
        _cteNames = null;
        _inMerge = false;
        _topLevel = true;
        var first = _t[s];
        if (first.Kind == SqlTokenKind.Open)
        {
            Scan(s, e);
            return;
        }

        if (first.Kind != SqlTokenKind.Word)
        {
            _b.Opaque("a statement that does not start with a command word");
            return;
        }

        switch (first.Name)
        {
            case "with" or "select" or "values" or "table" or "insert" or "update" or "delete" or "merge" or "replace" or "upsert":
                Scan(s, e);
                return;
            case "explain":
                Explain(s + 1, e);
                return;
            case "prepare":
                Prepare(s + 1, e);
                return;
            case "create":
                Create(s + 1, e);
                return;
            case "drop":
                Drop(s + 1, e);
                return;
            case "alter":
                Alter(s + 1, e);
                return;
            case "truncate":
                _b.Kind(SqlStatementKind.Ddl);
                _b.MassChange();
                NameList(Skip(s + 1, e, "table", "only"), e, write: true);
                return;
            case "grant" or "revoke":
                Grant(s, e);
                return;
            case "copy":
                Copy(s + 1, e);
                return;
            case "set" or "reset":
                Set(s + 1, e);
                return;
            case "begin" or "start" or "commit" or "end" or "rollback" or "savepoint" or "release" or "abort":
                _b.Kind(SqlStatementKind.Transaction);
                return;
            case "show" or "fetch" or "move" or "close":
                _b.Kind(SqlStatementKind.Read);
                return;
            case "declare":
                Declare(s + 1, e);
                return;
            case "pragma":
                _b.Kind(Has(s, e, "=") ? SqlStatementKind.Ddl : SqlStatementKind.Session);
                return;
            case "vacuum":
                _b.Kind(SqlStatementKind.Session);
                if (HasWord(s, e, "into"))
                {
                    _b.Tag(DataTags.FileAccess);
                }

                return;
            case "attach":
                _b.Kind(SqlStatementKind.Session);
                _b.Tag(DataTags.FileAccess);
                return;
            case "load" when _b.Dialect == SqlDialect.MySql:
                LoadData(s + 1, e);
                return;
            case "load":
                _b.Kind(SqlStatementKind.Session);
                _b.Tag(DataTags.ProgramExecution);
                return;
            case "use" when _b.Dialect == SqlDialect.MySql:
                _b.Kind(SqlStatementKind.Session);
                return;
            case "describe" or "desc" when _b.Dialect == SqlDialect.MySql:
                _b.Kind(SqlStatementKind.Read);
                TableName(s + 1, e, write: false);
                return;
            case "rename" when _b.Dialect == SqlDialect.MySql:
                _b.Kind(SqlStatementKind.Ddl);
                NameList(Skip(s + 1, e, "table"), e, write: true);
                return;
            case "flush" or "optimize" or "repair" or "check" or "checksum" when _b.Dialect == SqlDialect.MySql:
                _b.Kind(SqlStatementKind.Session);
                return;
            case "analyze" or "analyse" or "reindex" or "cluster" or "checkpoint" or "listen" or "unlisten" or "notify" or "discard" or "lock" or "detach" or "deallocate":
                _b.Kind(SqlStatementKind.Session);
                return;
            case "comment" or "security":
                _b.Kind(SqlStatementKind.Ddl);
                return;
            case "reassign":
                _b.Kind(SqlStatementKind.Ddl);
                _b.Tag(DataTags.Privilege);
                return;
            case "refresh":
                _b.Kind(SqlStatementKind.Ddl);
                NameList(Skip(s + 1, e, "materialized", "view", "concurrently"), e, write: true);
                return;
            case "import":
                _b.Kind(SqlStatementKind.Ddl);
                _b.Tag(DataTags.Network);
                return;
            case "do":
                _b.Opaque("an anonymous code block (DO)");
                return;
            case "execute" or "exec":
                _b.Opaque("EXECUTE runs a statement prepared elsewhere");
                return;
            case "call":
                _b.Opaque("a procedure call (what it runs is not visible)");
                return;
            default:
                _b.Opaque($"an unknown command '{first.Name}'");
                return;
        }
    }

    /// <summary>The general reader for queries and data changes, at any nesting.</summary>
    private void Scan(int s, int e)
    {
        var depth = 0;
        _mode[0] = Mode.None;
        _function[0] = false;
        var statementStart = s;
        for (var i = s; i < e; i++)
        {
            var token = _t[i];
            switch (token.Kind)
            {
                case SqlTokenKind.Open:
                    if (++depth > MaxDepth)
                    {
                        _b.Opaque($"parentheses nested deeper than {MaxDepth}");
                        return;
                    }

                    _function[depth] = i > s && IsFunctionName(i - 1);
                    _mode[depth] = Mode.None;
                    if (i + 1 < e && _t[i + 1].IsWord("select"))
                    {
                        statementStart = i + 1;
                    }
                    else if (_mode[depth - 1] == Mode.From && !_function[depth] && StartsFromItem(i - 1) && i + 1 < e && IsPlainName(_t[i + 1]))
                    {
                        // A parenthesised join, FROM (hr.salaries s JOIN x ON …): its items are tables too.
                        _mode[depth] = Mode.From;
                        i = FromItem(i + 1, e) - 1;
                    }

                    continue;
                case SqlTokenKind.Close:
                    depth--;
                    continue;
                case SqlTokenKind.Comma:
                    if (_mode[depth] == Mode.From)
                    {
                        i = FromItem(i + 1, e) - 1;
                    }
                    else if (_mode[depth] == Mode.Set)
                    {
                        i = SetTarget(i + 1, e) - 1;
                    }

                    continue;
                case SqlTokenKind.Symbol:
                    if (token.Length == 1 && _text[token.Start] == '*' && i > s && (_t[i - 1].Kind is SqlTokenKind.Comma or SqlTokenKind.Dot || _t[i - 1].IsWord("select") || _t[i - 1].IsWord("distinct") || _t[i - 1].IsWord("all") || _t[i - 1].IsWord("returning")))
                    {
                        _b.ColumnRead("*");
                    }

                    continue;
                case SqlTokenKind.QuotedName:
                    Name(i, e);
                    continue;
                case SqlTokenKind.Word:
                    break;
                default:
                    continue;
            }

            var word = token.Name!;
            if (!SqlKeywords.IsKeyword(word))
            {
                Name(i, e);
                continue;
            }

            if (_mode[depth] != Mode.None && Array.IndexOf(_mode[depth] == Mode.From ? FromEnds : SetEnds, word) >= 0)
            {
                _mode[depth] = Mode.None;
            }

            switch (word)
            {
                case "with" when i == s || _t[i - 1].Kind == SqlTokenKind.Open:
                    i = With(i + 1, e, register: _topLevel && i == s) - 1;
                    break;
                case "select":
                    _b.Kind(SqlStatementKind.Read);
                    break;
                case "table" when i == statementStart || (i > s && (_t[i - 1].Kind == SqlTokenKind.Open || _t[i - 1].IsWord("union") || _t[i - 1].IsWord("all") || _t[i - 1].IsWord("except") || _t[i - 1].IsWord("intersect"))):
                    _b.Kind(SqlStatementKind.Read);
                    i = TableName(i + 1, e, write: false) - 1;
                    break;
                case "from" when !_function[depth] && !(i > s && _t[i - 1].IsWord("distinct")):
                    _mode[depth] = Mode.From;
                    i = FromItem(i + 1, e) - 1;
                    break;
                case "join":
                    _mode[depth] = Mode.From;
                    i = FromItem(i + 1, e) - 1;
                    break;
                case "using" when i + 1 < e && _t[i + 1].Kind != SqlTokenKind.Open:
                    _mode[depth] = Mode.From;
                    i = FromItem(i + 1, e) - 1;
                    break;
                case "into":
                    i = Into(i, s, e) - 1;
                    break;
                case "insert" or "replace" or "upsert" when !(i > s && _t[i - 1].IsWord("or")) && (_inMerge || !(i + 1 < e && _t[i + 1].Kind == SqlTokenKind.Open)):
                    i = Insert(i + 1, e) - 1;
                    break;
                case "update":
                    i = Update(i, s, e) - 1;
                    break;
                case "delete":
                    i = Delete(i, e) - 1;
                    break;
                case "merge":
                    _b.Kind(SqlStatementKind.Update);
                    _inMerge = true;
                    i = TableName(Skip(i + 1, e, "into"), e, write: true) - 1;
                    break;
                case "set" when _mode[depth] == Mode.None && i > s && IsUpdateSet(i):
                    _mode[depth] = Mode.Set;
                    i = SetTarget(i + 1, e) - 1;
                    break;
            }
        }
    }

    /// <summary>An identifier outside a table position: a function call, a column, or a qualifier of one.</summary>
    private void Name(int i, int e)
    {
        var name = _t[i].Name!;
        if (i + 1 < e && _t[i + 1].Kind == SqlTokenKind.Open)
        {
            SqlFunctions.Check(name, _b);
            return;
        }

        if (i + 1 < e && _t[i + 1].Kind == SqlTokenKind.Dot)
        {
            return;
        }

        if (i > 0 && _t[i - 1].Kind == SqlTokenKind.Symbol && _text.AsSpan(_t[i - 1].Start, _t[i - 1].Length).EndsWith("::"))
        {
            return;
        }

        if (i > 0 && _t[i - 1].IsWord("as"))
        {
            return;
        }

        _b.ColumnRead(name);
    }

    /// <summary>True when the token before a parenthesis is where a FROM item starts (<c>FROM</c>, <c>JOIN</c>, a comma, <c>(</c>).</summary>
    private bool StartsFromItem(int i)
        => i >= 0 && (_t[i].Kind is SqlTokenKind.Comma or SqlTokenKind.Open || (_t[i].Kind == SqlTokenKind.Word && _t[i].Name is "from" or "join" or "lateral" or "only" or "using"));

    private static bool IsPlainName(SqlToken token)
        => token.Kind == SqlTokenKind.QuotedName || (token.Kind == SqlTokenKind.Word && !SqlKeywords.IsKeyword(token.Name!));

    private bool IsFunctionName(int i)
    {
        var token = _t[i];
        if (token.Kind == SqlTokenKind.QuotedName)
        {
            return true;
        }

        return token.Kind == SqlTokenKind.Word && (!SqlKeywords.IsKeyword(token.Name!) || token.Name is "cast" or "filter" or "over" or "within");
    }

    /// <summary>
    /// <c>WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (…) , …</c>. The names of the statement's own WITH are
    /// remembered (they are not tables); names of a WITH nested in a sub-query are not, since they would hide a real
    /// table of that name elsewhere in the statement: such a name is reported as a table (more, never less).
    /// </summary>
    private int With(int i, int e, bool register)
    {
        i = Skip(i, e, "recursive");
        while (i < e && _t[i].IsName)
        {
            if (register)
            {
                (_cteNames ??= []).Add(_t[i].Name!);
            }

            i++;
            if (i < e && _t[i].Kind == SqlTokenKind.Open)
            {
                i = AfterGroup(i, e);
            }

            i = Skip(i, e, "as", "not", "materialized");
            if (i >= e || _t[i].Kind != SqlTokenKind.Open)
            {
                return i;
            }

            // The body is read by the main loop; find where it ends to continue with the next name.
            var close = AfterGroup(i, e);
            var mode = _mode[0];
            ScanNested(i + 1, close - 1);
            _mode[0] = mode;
            i = close;
            if (i < e && _t[i].Kind == SqlTokenKind.Comma)
            {
                i++;
                continue;
            }

            return i;
        }

        return i;
    }

    /// <summary>Reads a nested range with its own clause state (a CTE body).</summary>
    private void ScanNested(int s, int e)
    {
        var reader = new TokenSqlReader(_text, _t, _b) { _cteNames = _cteNames, _inMerge = false };
        reader.Scan(s, e);
    }

    /// <summary>One item of a FROM list (or a JOIN target): a table with an alias, or a sub-query / function left to the main loop.</summary>
    private int FromItem(int i, int e)
    {
        i = Skip(i, e, "only", "lateral");
        if (i >= e || !_t[i].IsName || (_t[i].Kind == SqlTokenKind.Word && SqlKeywords.IsKeyword(_t[i].Name!)))
        {
            return i;
        }

        var (name, next) = QualifiedName(i, e);
        if (next < e && _t[next].Kind == SqlTokenKind.Open)
        {
            SqlFunctions.Check(LastPart(name), _b);
            return next;
        }

        AddTable(name, write: false);
        return Alias(next, e);
    }

    /// <summary>A table name in a write position (<c>INSERT INTO</c>, <c>UPDATE</c>, …) or read position (<c>TABLE t</c>).</summary>
    private int TableName(int i, int e, bool write)
    {
        i = Skip(i, e, "only");
        if (i >= e || !_t[i].IsName)
        {
            return i;
        }

        var (name, next) = QualifiedName(i, e);
        AddTable(name, write);
        if (next < e && _t[next].IsSymbol(_text, "*"))
        {
            next++;
        }

        return next;
    }

    private int Alias(int i, int e)
    {
        if (i < e && _t[i].IsWord("as"))
        {
            i++;
        }

        if (i < e && (_t[i].Kind == SqlTokenKind.QuotedName || (_t[i].Kind == SqlTokenKind.Word && !SqlKeywords.IsKeyword(_t[i].Name!))))
        {
            i++;
            if (i < e && _t[i].Kind == SqlTokenKind.Open)
            {
                i = AfterGroup(i, e);
            }
        }

        return i;
    }

    /// <summary><c>INTO</c> outside <c>INSERT</c>/<c>MERGE</c>: PostgreSQL's <c>SELECT … INTO new_table</c>, MySQL's <c>INTO OUTFILE</c>.</summary>
    private int Into(int i, int s, int e)
    {
        if (i > s && _t[i - 1].Kind == SqlTokenKind.Word && _t[i - 1].Name is "insert" or "replace" or "merge" or "ignore" or "upsert")
        {
            return i + 1;
        }

        var next = i + 1;
        if (next < e && _t[next].Kind == SqlTokenKind.Word && _t[next].Name is "outfile" or "dumpfile")
        {
            _b.Tag(DataTags.FileAccess);
            return next + 1;
        }

        _b.Kind(SqlStatementKind.Ddl);
        return TableName(Skip(next, e, "temporary", "temp", "unlogged", "table"), e, write: true);
    }

    /// <summary><c>INSERT [OR x] INTO t [AS a] [(cols)] …</c>; in MERGE, <c>INSERT [(cols)] VALUES</c>.</summary>
    private int Insert(int i, int e)
    {
        _b.Kind(SqlStatementKind.Insert);
        if (i < e && _t[i].IsWord("or"))
        {
            i += 2;
        }

        var hasTarget = i < e && _t[i].IsWord("into");
        if (hasTarget)
        {
            i = TableName(i + 1, e, write: true);
            if (i < e && _t[i].IsWord("as"))
            {
                i += 2;
            }
        }
        else if (!_inMerge)
        {
            _b.Opaque("an INSERT without INTO");
            return i;
        }

        if (i < e && _t[i].Kind == SqlTokenKind.Open && !(i + 1 < e && _t[i + 1].Kind == SqlTokenKind.Word && _t[i + 1].Name is "select" or "values" or "with"))
        {
            var close = AfterGroup(i, e);
            for (var j = i + 1; j < close - 1; j++)
            {
                if (_t[j].IsName && !(j + 1 < close && _t[j + 1].Kind == SqlTokenKind.Dot))
                {
                    _b.ColumnWritten(_t[j].Name!);
                }
            }

            return close;
        }

        _b.ColumnWritten("*");
        return i;
    }

    /// <summary>
    /// <c>UPDATE [ONLY] [OR x] t [[AS] a] SET …</c> (checked for a WHERE), <c>ON CONFLICT DO UPDATE SET</c>, MERGE's
    /// <c>UPDATE SET</c>; <c>FOR [NO KEY] UPDATE</c> and <c>ON DUPLICATE KEY UPDATE</c> are not updates of their own.
    /// </summary>
    private int Update(int i, int s, int e)
    {
        var previous = i > s ? _t[i - 1] : default;
        if (previous.Kind == SqlTokenKind.Word && previous.Name is "for" or "key")
        {
            if (previous.Name == "key" && !(i > s + 1 && _t[i - 2].IsWord("no")))
            {
                _b.Kind(SqlStatementKind.Update);
            }

            return i + 1;
        }

        _b.Kind(SqlStatementKind.Update);
        if (previous.IsWord("do") || (_inMerge && i + 1 < e && _t[i + 1].IsWord("set")))
        {
            return i + 1;
        }

        var next = Skip(i + 1, e, "only");
        if (next < e && _t[next].IsWord("or"))
        {
            next += 2;
        }

        next = Alias(TableName(next, e, write: true), e);
        CheckWhere(i, e);
        return next;
    }

    /// <summary><c>DELETE FROM [ONLY] t [[AS] a]</c> (checked for a WHERE); MERGE's bare <c>DELETE</c>.</summary>
    private int Delete(int i, int e)
    {
        _b.Kind(SqlStatementKind.Delete);
        if (_inMerge && !(i + 1 < e && _t[i + 1].IsWord("from")))
        {
            return i + 1;
        }

        var next = Alias(TableName(Skip(i + 1, e, "from"), e, write: true), e);
        CheckWhere(i, e);
        return next;
    }

    private bool IsUpdateSet(int i)
    {
        // UPDATE t SET, UPDATE t AS a SET, UPDATE t a SET, DO UPDATE SET, UPDATE SET (MERGE).
        for (var j = i - 1; j >= Math.Max(0, i - 8); j--)
        {
            if (_t[j].IsWord("update"))
            {
                return true;
            }

            if (_t[j].Kind is SqlTokenKind.Open or SqlTokenKind.Close or SqlTokenKind.Comma or SqlTokenKind.Semicolon)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The column (or parenthesised columns) assigned by one <c>SET</c> item.</summary>
    private int SetTarget(int i, int e)
    {
        if (i < e && _t[i].Kind == SqlTokenKind.Open)
        {
            var close = AfterGroup(i, e);
            for (var j = i + 1; j < close - 1; j++)
            {
                if (_t[j].IsName && !(j + 1 < close && _t[j + 1].Kind == SqlTokenKind.Dot))
                {
                    _b.ColumnWritten(_t[j].Name!);
                }
            }

            return close;
        }

        if (i < e && _t[i].IsName)
        {
            var (name, next) = QualifiedName(i, e);
            _b.ColumnWritten(LastPart(name));
            return next;
        }

        return i;
    }

    /// <summary>Marks a mass change when the UPDATE/DELETE at <paramref name="keyword"/> has no WHERE at its level, or one that is always true.</summary>
    private void CheckWhere(int keyword, int e)
    {
        var depth = 0;
        for (var j = keyword + 1; j < e; j++)
        {
            var token = _t[j];
            if (token.Kind == SqlTokenKind.Open)
            {
                depth++;
            }
            else if (token.Kind == SqlTokenKind.Close && --depth < 0)
            {
                break;
            }
            else if (depth == 0 && token.IsWord("where"))
            {
                if (!(j + 1 < e && _t[j + 1].IsWord("current")) && AlwaysTrue(j + 1, e))
                {
                    _b.MassChange();
                }

                return;
            }
        }

        _b.MassChange();
    }

    /// <summary>
    /// True when some top-level OR branch of the condition from <paramref name="s"/> names no column (the same for every
    /// row, whatever its parameters), compares a side with itself, or is a parenthesised condition that is always true.
    /// </summary>
    private bool AlwaysTrue(int s, int e)
    {
        var depth = 0;
        var branch = s;
        for (var j = s; j <= e; j++)
        {
            var end = j == e;
            if (!end)
            {
                var token = _t[j];
                if (token.Kind == SqlTokenKind.Open)
                {
                    depth++;
                    continue;
                }

                if (token.Kind == SqlTokenKind.Close)
                {
                    if (--depth < 0)
                    {
                        end = true;
                    }
                    else
                    {
                        continue;
                    }
                }
                else if (depth == 0 && token.Kind == SqlTokenKind.Word && Array.IndexOf(WhereEnds, token.Name) >= 0)
                {
                    end = true;
                }
            }

            if (end || (depth == 0 && _t[j].IsWord("or")))
            {
                if (j > branch && _t[branch].Kind == SqlTokenKind.Open && AfterGroup(branch, j) == j && AlwaysTrue(branch + 1, j - 1))
                {
                    return true;
                }

                if (j > branch && (Constant(branch, j) || SelfComparison(branch, j)))
                {
                    return true;
                }

                if (end)
                {
                    return false;
                }

                branch = j + 1;
            }
        }

        return false;
    }

    private bool Constant(int s, int e)
    {
        for (var j = s; j < e; j++)
        {
            var token = _t[j];
            if (token.Kind == SqlTokenKind.QuotedName)
            {
                return false;
            }

            if (token.Kind == SqlTokenKind.Word && !SqlKeywords.IsKeyword(token.Name!) && !(j + 1 < e && _t[j + 1].Kind == SqlTokenKind.Open))
            {
                return false;
            }
        }

        return true;
    }

    private bool SelfComparison(int s, int e)
    {
        for (var j = s; j < e; j++)
        {
            if (_t[j].Kind == SqlTokenKind.Symbol && _text.AsSpan(_t[j].Start, _t[j].Length) is "=" or "==" or ">=" or "<=")
            {
                return j - s == e - j - 1 && j > s && Same(s, j + 1, j - s);
            }

            if (_t[j].Kind == SqlTokenKind.Word && _t[j].Name is "is" or "like")
            {
                return j - s == e - j - 1 && j > s && Same(s, j + 1, j - s);
            }
        }

        return false;
    }

    private bool Same(int a, int b, int count)
    {
        for (var k = 0; k < count; k++)
        {
            var x = _t[a + k];
            var y = _t[b + k];
            if (x.Kind != y.Kind || !_text.AsSpan(x.Start, x.Length).Equals(_text.AsSpan(y.Start, y.Length), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private void Explain(int i, int e)
    {
        if (i < e && _t[i].Kind == SqlTokenKind.Open)
        {
            i = AfterGroup(i, e);
        }

        i = Skip(i, e, "analyze", "analyse", "verbose", "query", "plan");
        if (i < e)
        {
            Statement(i, e);
        }
    }

    private void Prepare(int i, int e)
    {
        if (i < e && _t[i].IsWord("transaction"))
        {
            _b.Kind(SqlStatementKind.Transaction);
            return;
        }

        for (var j = i; j < e; j++)
        {
            if (_t[j].IsWord("as"))
            {
                if (j + 1 < e)
                {
                    Statement(j + 1, e);
                }

                return;
            }

            if (_t[j].IsWord("from"))
            {
                // MySQL's PREPARE name FROM 'text': the statement is a string.
                break;
            }
        }

        _b.Opaque("a prepared statement whose text is not visible");
    }

    private void Declare(int i, int e)
    {
        for (var j = i; j < e; j++)
        {
            if (_t[j].IsWord("for") && j + 1 < e)
            {
                Statement(j + 1, e);
                return;
            }
        }

        _b.Kind(SqlStatementKind.Session);
    }

    private void Create(int i, int e)
    {
        _b.Kind(SqlStatementKind.Ddl);
        i = Skip(i, e, "or", "replace", "temp", "temporary", "unlogged", "global", "local", "unique", "materialized", "recursive", "trusted", "procedural", "constraint", "virtual", "default");
        if (i >= e || _t[i].Kind != SqlTokenKind.Word)
        {
            return;
        }

        switch (_t[i].Name)
        {
            case "table":
                TableName(Skip(i + 1, e, "if", "not", "exists"), e, write: true);
                ScanFromWord(i, e, "as");
                return;
            case "view":
                ScanFromWord(i, e, "as");
                return;
            case "index":
                for (var j = i; j < e; j++)
                {
                    if (_t[j].IsWord("on"))
                    {
                        TableName(j + 1, e, write: true);
                        return;
                    }
                }

                return;
            case "function" or "procedure" or "language" or "trigger" or "rule" or "event":
                Language(i, e);
                return;
            case "extension":
                _b.Tag(DataTags.ProgramExecution);
                return;
            case "role" or "user" or "group" or "policy":
                _b.Tag(DataTags.Privilege);
                if (_t[i].Name == "user" && i + 1 < e && _t[i + 1].IsWord("mapping"))
                {
                    _b.Tag(DataTags.Network);
                }

                return;
            case "server" or "foreign":
                _b.Tag(DataTags.Network);
                return;
        }
    }

    private void Language(int i, int e)
    {
        for (var j = i; j < e - 1; j++)
        {
            if (!_t[j].IsWord("language"))
            {
                continue;
            }

            var language = _t[j + 1];
            var name = language.Kind == SqlTokenKind.String ? _text.Substring(language.Start + 1, Math.Max(0, language.Length - 2)).ToLowerInvariant() : language.Name;
            if (name is not null && Array.IndexOf(UntrustedLanguages, name) >= 0)
            {
                _b.Tag(DataTags.ProgramExecution);
            }
        }
    }

    private void Drop(int i, int e)
    {
        _b.Kind(SqlStatementKind.Ddl);
        _b.Tag(DataTags.Destructive);
        var objectWord = i < e ? _t[i].Name : null;
        i = Skip(i, e, "materialized", "foreign");
        switch (objectWord)
        {
            case "table" or "view" or "materialized" or "foreign":
                NameList(Skip(i + 1, e, "if", "exists"), e, write: true);
                return;
            case "schema":
                SchemaList(Skip(i + 1, e, "if", "exists"), e);
                return;
            case "database":
                _b.TableWritten("*");
                return;
            case "role" or "user" or "group" or "owned" or "policy":
                _b.Tag(DataTags.Privilege);
                return;
        }
    }

    private void Alter(int i, int e)
    {
        _b.Kind(SqlStatementKind.Ddl);
        if (HasWord(i, e, "owner"))
        {
            _b.Tag(DataTags.Privilege);
        }

        var objectWord = i < e ? _t[i].Name : null;
        switch (objectWord)
        {
            case "table":
                if (HasWord(i, e, "drop"))
                {
                    // Dropping a column or constraint destroys data like DROP TABLE does.
                    _b.Tag(DataTags.Destructive);
                }

                TableName(Skip(i + 1, e, "if", "exists", "only"), e, write: true);
                return;
            case "system":
                for (var j = i; j < e; j++)
                {
                    if (_t[j].IsName && (_t[j].Name!.Contains("_command", StringComparison.Ordinal) || _t[j].Name!.Contains("preload_libraries", StringComparison.Ordinal)))
                    {
                        _b.Tag(DataTags.ProgramExecution);
                    }
                }

                return;
            case "role" or "user" or "group" or "default" or "policy":
                _b.Tag(DataTags.Privilege);
                return;
            case "server" or "foreign":
                _b.Tag(DataTags.Network);
                return;
        }
    }

    /// <summary>MySQL <c>LOAD DATA/XML [LOCAL] INFILE 'file' … INTO TABLE t</c>: rows from a file.</summary>
    private void LoadData(int i, int e)
    {
        if (i >= e || !(_t[i].IsWord("data") || _t[i].IsWord("xml")))
        {
            _b.Opaque("a LOAD statement that is not LOAD DATA or LOAD XML");
            return;
        }

        _b.Kind(SqlStatementKind.Insert);
        _b.Tag(DataTags.FileAccess);
        for (var j = i; j < e; j++)
        {
            if (_t[j].IsWord("table"))
            {
                TableName(j + 1, e, write: true);
                return;
            }
        }

        _b.Opaque("a LOAD DATA statement without INTO TABLE");
    }

    private void Grant(int s, int e)
    {
        _b.Kind(_t[s].IsWord("grant") ? SqlStatementKind.Grant : SqlStatementKind.Revoke);
        for (var j = s + 1; j < e; j++)
        {
            if (!_t[j].IsWord("on"))
            {
                continue;
            }

            var k = j + 1;
            if (k + 3 < e && _t[k].IsWord("all") && _t[k + 2].IsWord("in") && _t[k + 3].IsWord("schema"))
            {
                SchemaList(k + 4, e);
                return;
            }

            if (k < e && _t[k].IsWord("schema"))
            {
                SchemaList(k + 1, e);
                return;
            }

            if (k < e && _t[k].Kind == SqlTokenKind.Word && _t[k].Name is "table" or "sequence" or "function" or "database" or "procedure" or "routine" or "language" or "type" or "domain" or "foreign" or "large" or "tablespace")
            {
                if (_t[k].Name != "table")
                {
                    return;
                }

                k++;
            }

            NameList(k, e, write: true);
            return;
        }
    }

    /// <summary><c>COPY t [(cols)] FROM|TO 'file'|PROGRAM 'cmd'|STDIN|STDOUT</c>, or <c>COPY (query) TO …</c>.</summary>
    private void Copy(int i, int e)
    {
        string? table = null;
        if (i < e && _t[i].Kind == SqlTokenKind.Open)
        {
            var close = AfterGroup(i, e);
            ScanNested(i + 1, close - 1);
            i = close;
        }
        else if (i < e && _t[i].IsName)
        {
            (table, i) = QualifiedName(i, e);
            if (i < e && _t[i].Kind == SqlTokenKind.Open)
            {
                i = AfterGroup(i, e);
            }
        }

        if (i >= e || _t[i].Kind != SqlTokenKind.Word || _t[i].Name is not ("from" or "to"))
        {
            _b.Opaque("a COPY whose direction is not visible");
            return;
        }

        var into = _t[i].Name == "from";
        _b.Kind(into ? SqlStatementKind.Insert : SqlStatementKind.Read);
        if (table is not null)
        {
            AddTable(table, into);
        }

        var target = i + 1 < e ? _t[i + 1] : default;
        if (target.IsWord("program"))
        {
            _b.Tag(DataTags.ProgramExecution);
        }
        else if (!(target.IsWord("stdin") || target.IsWord("stdout")))
        {
            _b.Tag(DataTags.FileAccess);
        }
    }

    private void Set(int i, int e)
    {
        _b.Kind(SqlStatementKind.Session);
        i = Skip(i, e, "session", "local");
        if (i < e && (_t[i].IsWord("role") || _t[i].IsWord("authorization")))
        {
            _b.Tag(DataTags.Privilege);
        }

        if (i < e && _t[i].IsName && _t[i].Name!.Contains("preload_libraries", StringComparison.Ordinal))
        {
            _b.Tag(DataTags.ProgramExecution);
        }
    }

    /// <summary>Reads <c>name [, name …]</c> as tables (TRUNCATE, DROP TABLE, GRANT ON).</summary>
    private void NameList(int i, int e, bool write)
    {
        while (i < e && _t[i].IsName)
        {
            var (name, next) = QualifiedName(i, e);
            AddTable(name, write);
            i = next;
            if (i < e && _t[i].IsSymbol(_text, "*"))
            {
                i++;
            }

            if (i >= e || _t[i].Kind != SqlTokenKind.Comma)
            {
                return;
            }

            i = Skip(i + 1, e, "only");
        }
    }

    /// <summary>Reads <c>schema [, schema …]</c>: every table of each (<c>name.*</c>).</summary>
    private void SchemaList(int i, int e)
    {
        while (i < e && _t[i].IsName)
        {
            _b.TableWritten(_t[i].Name + ".*");
            if (i + 1 >= e || _t[i + 1].Kind != SqlTokenKind.Comma)
            {
                return;
            }

            i += 2;
        }
    }

    private void ScanFromWord(int i, int e, string word)
    {
        for (var j = i; j < e; j++)
        {
            if (_t[j].IsWord(word))
            {
                ScanNested(j + 1, e);
                return;
            }
        }
    }

    private void AddTable(string name, bool write)
    {
        if (!name.Contains('.', StringComparison.Ordinal) && _cteNames is not null && _cteNames.Contains(name, StringComparer.Ordinal))
        {
            return;
        }

        if (write)
        {
            _b.TableWritten(name);
        }
        else
        {
            _b.TableRead(name);
        }
    }

    /// <summary>Reads <c>a[.b[.c]]</c>; returns the dotted name and the index after it.</summary>
    private (string Name, int Next) QualifiedName(int i, int e)
    {
        var name = _t[i].Name!;
        i++;
        while (i + 1 < e && _t[i].Kind == SqlTokenKind.Dot && _t[i + 1].IsName)
        {
            name = name + "." + _t[i + 1].Name;
            i += 2;
        }

        return (name, i);
    }

    private static string LastPart(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? name : name[(dot + 1)..];
    }

    /// <summary>The index after the parenthesised group that opens at <paramref name="i"/>.</summary>
    private int AfterGroup(int i, int e)
    {
        var depth = 0;
        for (var j = i; j < e; j++)
        {
            if (_t[j].Kind == SqlTokenKind.Open)
            {
                depth++;
            }
            else if (_t[j].Kind == SqlTokenKind.Close && --depth == 0)
            {
                return j + 1;
            }
        }

        return e;
    }

    private int Skip(int i, int e, params ReadOnlySpan<string> words)
    {
        while (i < e && _t[i].Kind == SqlTokenKind.Word && words.Contains(_t[i].Name!))
        {
            i++;
        }

        return i;
    }

    private bool HasWord(int s, int e, string word)
    {
        for (var j = s; j < e; j++)
        {
            if (_t[j].IsWord(word))
            {
                return true;
            }
        }

        return false;
    }

    private bool Has(int s, int e, string symbol)
    {
        for (var j = s; j < e; j++)
        {
            if (_t[j].IsSymbol(_text, symbol))
            {
                return true;
            }
        }

        return false;
    }
}
