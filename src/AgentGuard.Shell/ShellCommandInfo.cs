namespace AgentGuard.Shell;

/// <summary>One simple command found in a command line, as the engine sees it.</summary>
public sealed class ShellCommandInfo
{
    internal ShellCommandInfo()
    {
    }

    /// <summary>The program's name without its directory, e.g. <c>rm</c> for <c>/bin/rm</c>: the event's tool name.</summary>
    public required string Program { get; init; }

    /// <summary>The program as written after quote removal and expansion, e.g. <c>/usr/bin/rm</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The arguments after expansion (parts only known at run time are left out).</summary>
    public required IReadOnlyList<string> Args { get; init; }

    /// <summary>The command's redirections.</summary>
    public required IReadOnlyList<ShellRedirection> Redirections { get; init; }

    /// <summary>The wrappers it runs under, outermost first, e.g. <c>sudo</c>, <c>timeout</c>, <c>bash</c>.</summary>
    public required IReadOnlyList<string> Wrappers { get; init; }

    /// <summary>Where it was found: <c>line</c>, <c>$(...)</c>, <c>bash -c</c>, <c>eval</c>, <c>find -exec</c>, <c>bash stdin</c>…</summary>
    public required string Origin { get; init; }

    /// <summary>The built-in classification (<see cref="ShellTags"/>).</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Why each tag was given, for operators.</summary>
    public required IReadOnlyList<string> Findings { get; init; }

    /// <summary>High for destructive, exfiltration, remote-code, credential-access and opaque; Medium for privilege, network and inline code; Low otherwise.</summary>
    public required RiskLevel Risk { get; init; }

    /// <summary>Code given to an interpreter (python -c, node -e, perl -e, or on its standard input), when known.</summary>
    public string? Code { get; init; }

    /// <summary>
    /// The SQL a database client runs (<c>psql -c</c>, <c>mysql -e</c>, <c>sqlite3 db 'SQL'</c>, <c>sqlcmd -Q</c>, standard
    /// input), read by the database hook's analyser: kinds, tables, flags. Empty for other commands.
    /// </summary>
    public IReadOnlyList<AgentGuard.Data.SqlAnalysis> Sql { get; init; } = [];

    /// <summary>True when the command is a privilege or shell wrapper around another command that is reported too.</summary>
    public bool IsWrapper { get; init; }

    /// <summary>True when the command feeds or is fed by another through a pipe.</summary>
    public bool InPipeline { get; init; }

    /// <summary>True when the command cannot be understood before it runs.</summary>
    public bool IsOpaque => Tags.Contains(ShellTags.Opaque);
}

/// <summary>A redirection of a command, e.g. <c>2&gt;&amp;1</c> or <c>&gt;&gt; log.txt</c>.</summary>
/// <param name="Operator">The operator: <c>&gt;</c>, <c>&gt;&gt;</c>, <c>&lt;</c>, <c>&lt;&lt;</c>, <c>&amp;&gt;</c>, <c>&gt;&amp;</c>…</param>
/// <param name="FileDescriptor">The descriptor written before the operator, e.g. <c>2</c>; null when none.</param>
/// <param name="Target">The file, descriptor or here-document delimiter.</param>
public readonly record struct ShellRedirection(string Operator, string? FileDescriptor, string Target);
