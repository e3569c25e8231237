using System.Collections.Frozen;
using AgentGuard.Data;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// The database-statement class: the SQL a client runs (<c>psql -c</c>, <c>mysql -e</c>, <c>sqlite3 db 'SQL'</c>,
/// <c>sqlcmd -Q</c>, or on standard input) is read by the database hook's own analyser (<see cref="SqlAnalyzer"/>), so the
/// command gets the same tags a guarded connection's statement gets (<c>destructive</c>, <c>mass-change</c>, <c>sql-ddl</c>,
/// <c>file-access</c>, <c>program-exec</c>, <c>opaque</c>…) and its tables. Client meta-commands (<c>\dt</c>, <c>.tables</c>)
/// are classified here; an unknown one is opaque.
/// </summary>
internal static partial class ShellClassifier
{
    /// <summary>Longer SQL texts on a command line are opaque (the database hook's default is far larger; a shell line is not a migration).</summary>
    private const int MaxSqlLength = 100_000;

    /// <summary>psql meta-commands that only show or format (<c>\d…</c> and <c>\l…</c> are matched by prefix).</summary>
    private static readonly FrozenSet<string> PsqlHarmless = FrozenSet.ToFrozenSet(
    [
        "\\x", "\\timing", "\\conninfo", "\\q", "\\c", "\\connect", "\\echo", "\\qecho", "\\warn", "\\pset", "\\set", "\\unset", "\\encoding", "\\?", "\\h", "\\help",
        "\\a", "\\t", "\\f", "\\H", "\\C", "\\T", "\\z", "\\sf", "\\sv", "\\errverbose", "\\copyright", "\\if", "\\elif", "\\else", "\\endif", "\\watch",
    ], StringComparer.Ordinal);

    /// <summary>psql meta-commands that read or write files on the client machine.</summary>
    private static readonly FrozenSet<string> PsqlFile = FrozenSet.ToFrozenSet(["\\copy", "\\o", "\\out", "\\w", "\\write", "\\lo_export", "\\lo_import", "\\s"], StringComparer.Ordinal);

    /// <summary>mysql client commands that only show, format or end a statement (<c>\G</c> is read as <c>;</c> before this).</summary>
    private static readonly FrozenSet<string> MysqlHarmless = FrozenSet.ToFrozenSet(["\\q", "\\c", "\\s", "\\h", "\\?", "\\u", "\\r", "\\W", "\\w", "\\t", "\\p", "\\n", "\\C"], StringComparer.Ordinal);

    /// <summary>mysql client commands that write files (<c>\T</c>: tee).</summary>
    private static readonly FrozenSet<string> MysqlFile = FrozenSet.ToFrozenSet(["\\T"], StringComparer.Ordinal);

    /// <summary>sqlite3 dot-commands that only show or format.</summary>
    private static readonly FrozenSet<string> SqliteHarmless = FrozenSet.ToFrozenSet(
    [
        ".tables", ".schema", ".indexes", ".indices", ".databases", ".dbinfo", ".headers", ".header", ".mode", ".quit", ".exit", ".help", ".show", ".timer",
        ".width", ".nullvalue", ".separator", ".print", ".echo", ".bail", ".changes", ".eqp", ".stats", ".fullschema", ".dump", ".timeout", ".version",
    ], StringComparer.Ordinal);

    /// <summary>sqlite3 dot-commands that read or write files.</summary>
    private static readonly FrozenSet<string> SqliteFile = FrozenSet.ToFrozenSet(
        [".output", ".once", ".import", ".backup", ".save", ".restore", ".open", ".excel", ".log", ".clone", ".archive", ".ar"], StringComparer.Ordinal);

    /// <summary>Options of sqlite3 that take a value (the value is not the database file).</summary>
    private static readonly FrozenSet<string> SqliteValueOptions = FrozenSet.ToFrozenSet(
        ["-init", "-separator", "-newline", "-nullvalue", "-vfs", "-maxsize", "-mmap", "-lookaside", "-pagecache", "-heap", "-escape", "-cmd"],
        StringComparer.Ordinal);

    /// <summary>The dialect of a SQL client, or null when <paramref name="program"/> is not one the analyser reads.</summary>
    /// <remarks>MySQL and MariaDB share <see cref="SqlDialect.MySql"/>; CockroachDB speaks PostgreSQL's dialect.</remarks>
    private static SqlDialect? SqlClientDialect(string program) => program switch
    {
        "psql" or "cockroach" => SqlDialect.PostgreSql,
        "sqlite3" => SqlDialect.Sqlite,
        "sqlcmd" => SqlDialect.SqlServer,
        "mysql" or "mariadb" => SqlDialect.MySql,
        _ => null,
    };

    private static void SqlClient(CommandDraft draft, SqlDialect dialect)
    {
        foreach (var word in SqlTexts(draft))
        {
            if (word.Dynamic)
            {
                draft.Tag(ShellTags.Opaque, draft.Program + " runs SQL computed at run time");
                continue;
            }

            var sql = ClientCommands(draft, word.Text);
            if (string.IsNullOrWhiteSpace(sql))
            {
                continue;
            }

            var analysis = SqlAnalyzer.Analyze(sql, dialect, MaxSqlLength);
            (draft.Sql ??= []).Add(analysis);
            var summary = Summary(draft.Program, analysis);
            foreach (var tag in analysis.Tags)
            {
                draft.Tag(tag, summary + ": " + tag);
            }
        }
    }

    private static string Summary(string program, SqlAnalysis analysis)
    {
        if (analysis.OpaqueReason is { } reason)
        {
            return program + " runs SQL that cannot be analysed (" + reason + ")";
        }

        var kinds = string.Join(',', analysis.Kinds).ToLowerInvariant();
        var tables = string.Join(',', analysis.Tables.Take(4));
        return program + " runs SQL (" + kinds + (tables.Length > 0 ? " on " + tables : string.Empty) + ")";
    }

    /// <summary>The texts a SQL client runs: its command options, its SQL operands (sqlite3), and what arrives on its standard input.</summary>
    private static List<ExpandedWord> SqlTexts(CommandDraft draft)
    {
        var texts = new List<ExpandedWord>(2);
        var args = draft.Args;
        var optionLetters = draft.Program switch { "psql" => "c", "sqlcmd" => "Qq", "mysql" or "mariadb" or "cockroach" => "e", _ => string.Empty };
        var sqliteFileSeen = false;
        var endOfOptions = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var text = arg.Text;
            if (draft.Program == "sqlite3")
            {
                if (!endOfOptions && text == "--")
                {
                    endOfOptions = true;
                    continue;
                }

                if (!endOfOptions && text.Length > 1 && text[0] == '-' && !arg.Dynamic)
                {
                    var option = text.StartsWith("--", StringComparison.Ordinal) ? text[1..] : text;
                    if (SqliteValueOptions.Contains(option) && i + 1 < args.Count)
                    {
                        if (option == "-cmd")
                        {
                            texts.Add(args[i + 1]);
                        }

                        i++;
                    }

                    continue;
                }

                // sqlite3 [OPTIONS] FILENAME [SQL…]: the first operand is the database file.
                if (sqliteFileSeen)
                {
                    texts.Add(arg);
                }

                sqliteFileSeen = true;
                continue;
            }

            if (text is "--command" or "--execute" && i + 1 < args.Count)
            {
                texts.Add(args[++i]);
            }
            else if (text.StartsWith("--command=", StringComparison.Ordinal) || text.StartsWith("--execute=", StringComparison.Ordinal))
            {
                texts.Add(arg with { Text = text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..] });
            }
            else if (text.Length > 1 && text[0] == '-' && text[1] != '-')
            {
                i = ShortOptions(draft.Program, args, i, optionLetters, texts);
            }
        }

        if (draft.StdinText is { } stdin)
        {
            texts.Add(ExpandedWord.Literal(stdin));
        }

        return texts;
    }

    /// <summary>
    /// Reads one cluster of short options the way getopt does (<c>psql -Xc 'SQL'</c>, <c>mysql -Be 'SQL'</c>,
    /// <c>-cSQL</c>): flags are skipped, an option that takes a value ends the cluster with the rest of it or the next
    /// argument. Returns the index of the last argument used.
    /// </summary>
    private static int ShortOptions(string program, List<ExpandedWord> args, int i, string sqlLetters, List<ExpandedWord> texts)
    {
        var text = args[i].Text;
        var valueLetters = program switch { "psql" or "cockroach" => "dfhpUvoLPTFR", "mysql" or "mariadb" => "DhPSuO", _ => string.Empty };
        if (program == "sqlcmd")
        {
            // sqlcmd does not cluster: -Q "SQL" or -Q"SQL".
            if (text.Length >= 2 && sqlLetters.Contains(text[1], StringComparison.Ordinal))
            {
                if (text.Length > 2)
                {
                    texts.Add(args[i] with { Text = text[2..] });
                }
                else if (i + 1 < args.Count)
                {
                    texts.Add(args[++i]);
                }
            }

            return i;
        }

        for (var k = 1; k < text.Length; k++)
        {
            var letter = text[k];
            var takesSql = sqlLetters.Contains(letter, StringComparison.Ordinal);
            if (!takesSql && !valueLetters.Contains(letter, StringComparison.Ordinal) && !(letter == 'p' && program is "mysql" or "mariadb"))
            {
                continue;
            }

            // mysql's -p takes its password only attached (-pSECRET); alone it prompts.
            var attached = k + 1 < text.Length;
            if (takesSql)
            {
                if (attached)
                {
                    texts.Add(args[i] with { Text = text[(k + 1)..] });
                }
                else if (i + 1 < args.Count)
                {
                    texts.Add(args[++i]);
                }
            }
            else if (!attached && letter != 'p' || (!attached && program is "psql" or "cockroach"))
            {
                i++;
            }

            break;
        }

        return i;
    }

    /// <summary>
    /// Classifies the client's own commands (whole lines starting with <c>\</c> for psql and mysql, <c>.</c> for sqlite3)
    /// and returns the SQL around them. Shell escapes (<c>\!</c>, <c>.shell</c>, <c>.system</c>) are left to the escape class.
    /// </summary>
    private static string ClientCommands(CommandDraft draft, string text)
    {
        var metaStart = draft.Program switch { "psql" or "mysql" or "mariadb" or "cockroach" => '\\', "sqlite3" => '.', _ => '\0' };
        if (draft.Program is "mysql" or "mariadb")
        {
            // mysql's \G and \g end a statement like ';' does.
            text = text.Replace("\\G", ";", StringComparison.Ordinal).Replace("\\g", ";", StringComparison.Ordinal);
        }

        if (metaStart == '\0' || !text.Contains(metaStart, StringComparison.Ordinal))
        {
            return text;
        }

        var sql = new System.Text.StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.Length < 2 || trimmed[0] != metaStart || (metaStart == '.' && !char.IsAsciiLetter(trimmed[1])))
            {
                sql.Append(line).Append('\n');
                continue;
            }

            sql.Append('\n');
            MetaCommand(draft, trimmed.TrimEnd());
        }

        return sql.ToString();
    }

    private static void MetaCommand(CommandDraft draft, string line)
    {
        var end = line.IndexOfAny([' ', '\t']);
        var command = end < 0 ? line : line[..end];
        if (command is "\\!" or ".shell" or ".system" || command.StartsWith("\\!", StringComparison.Ordinal))
        {
            return;
        }

        var (harmless, file) = draft.Program switch
        {
            "psql" or "cockroach" => (PsqlHarmless, PsqlFile),
            "mysql" or "mariadb" => (MysqlHarmless, MysqlFile),
            _ => (SqliteHarmless, SqliteFile),
        };
        var psqlListing = harmless == PsqlHarmless && (command.StartsWith("\\d", StringComparison.Ordinal) || command.StartsWith("\\l", StringComparison.Ordinal)) && !command.StartsWith("\\lo_", StringComparison.Ordinal);
        if (harmless.Contains(command) || psqlListing)
        {
            return;
        }

        if (command is ".load" || (command == "\\P" && file == MysqlFile) || (command is "\\copy" or "\\o" or "\\out" or "\\w" or "\\write" && line.Contains('|', StringComparison.Ordinal))
            || (command == "\\copy" && line.Contains("program", StringComparison.OrdinalIgnoreCase)))
        {
            draft.Tag(DataTags.ProgramExecution, draft.Program + " " + command + " runs a program or loads native code");
        }
        else if (file.Contains(command))
        {
            draft.Tag(DataTags.FileAccess, draft.Program + " " + command + " reads or writes a file");
        }
        else
        {
            draft.Tag(ShellTags.Opaque, draft.Program + " runs " + command + ", whose effect is not known before it runs");
        }
    }
}
