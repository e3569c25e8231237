using AgentGuard.Shell.Analysis;
using AgentGuard.Shell.Parsing;

namespace AgentGuard.Shell;

/// <summary>
/// Parses a command line the way a POSIX shell (and bash) would and classifies every simple command in it, looking
/// through quoting tricks, variables, substitutions, wrappers and nested scripts. Pure and thread-safe.
/// </summary>
public static class ShellAnalyzer
{
    /// <summary>Lines longer than this are not parsed: they are reported as one opaque command.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>Analyzes <paramref name="commandLine"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="commandLine"/> is null.</exception>
    public static ShellAnalysis Analyze(string commandLine) => Analyze(commandLine, standardInput: null);

    /// <summary>Analyzes <paramref name="commandLine"/> run with <paramref name="standardInput"/> on its standard input (a shell or interpreter reading it runs it).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="commandLine"/> is null.</exception>
    public static ShellAnalysis Analyze(string commandLine, string? standardInput)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var dotGlob = commandLine.Length <= MaxLineLength && AnalysisSession.MayGlobDotFiles(commandLine); // an over-long line is not read
        var session = new AnalysisSession { ProcessStandardInput = standardInput, DotFilesGlobbed = dotGlob };
        if (commandLine.Length > MaxLineLength)
        {
            session.Unwrapper.EmitOpaque("sh", "line", "the line is longer than " + MaxLineLength + " characters", Inherited.None);
        }
        else
        {
            // A pattern that runs out of time is tried once more on a fresh analysis: a pause of the whole process (a
            // garbage collection, a loaded host's scheduler) can stop a match past its budget. Input built to be slow
            // runs out of time again, and the line is opaque.
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                try
                {
                    ScriptParser.Parse(session, commandLine, "line", 0, Inherited.None);
                    break;
                }
                catch (System.Text.RegularExpressions.RegexMatchTimeoutException) when (attempt == 1)
                {
                    session = new AnalysisSession { ProcessStandardInput = standardInput, DotFilesGlobbed = dotGlob };
                }
                catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
                {
                    session.Commands.Clear();
                    session.Unwrapper.EmitOpaque("sh", "line", "the line is too complex to analyze in time", Inherited.None);
                }
#pragma warning disable CA1031 // A line the analyzer cannot handle must become opaque (deniable), never an exception or an allow.
                catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    session.Commands.Clear();
                    session.Unwrapper.EmitOpaque("sh", "line", "the line could not be analyzed (" + ex.GetType().Name + ")", Inherited.None);
                    break;
                }
            }
        }

        var commands = new ShellCommandInfo[session.Commands.Count];
        for (var i = 0; i < commands.Length; i++)
        {
            commands[i] = ToInfo(session.Commands[i]);
        }

        return new ShellAnalysis(commandLine, commands) { DirectArgv = DirectArgv(commandLine, commands) };
    }

    private static ShellCommandInfo ToInfo(CommandDraft draft)
    {
        var tags = draft.SortedTags();
        return new ShellCommandInfo
        {
            Program = draft.Program,
            Path = draft.Path,
            Args = ArgTexts(draft.Args),
            Redirections = Redirections(draft.Redirects),
            Wrappers = draft.Wrappers,
            Origin = draft.Origin,
            Tags = tags,
            Findings = draft.Findings,
            Risk = ShellTags.RiskOf(tags),
            Code = draft.Code,
            Sql = draft.Sql ?? (IReadOnlyList<AgentGuard.Data.SqlAnalysis>)[],
            IsWrapper = draft.IsWrapper,
            InPipeline = draft.Upstream is not null,
        };
    }

    // Loops, not LINQ: this runs for every command of every line, and most have no redirection at all.
    private static string[] ArgTexts(List<ExpandedWord> args)
    {
        if (args.Count == 0)
        {
            return [];
        }

        var texts = new string[args.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = args[i].Text;
        }

        return texts;
    }

    private static ShellRedirection[] Redirections(IReadOnlyList<RedirectInfo> redirects)
    {
        if (redirects.Count == 0)
        {
            return [];
        }

        var result = new ShellRedirection[redirects.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var r = redirects[i];
            result[i] = new ShellRedirection(r.Operator, r.FileDescriptor, r.Target.Text);
        }

        return result;
    }

    /// <summary>The argv of a line that is one plain command of plain words, which can run without a shell.</summary>
    private static string[]? DirectArgv(string line, ShellCommandInfo[] commands)
    {
        if (commands.Length != 1 || commands[0].Wrappers.Count > 0 || commands[0].Redirections.Count > 0 || commands[0].Origin != "line" || commands[0].IsOpaque)
        {
            return null;
        }

        var (tokens, errors) = ShellLexer.Lex(line);
        if (errors.Count > 0 || tokens.Exists(t => t.Kind != ShellTokenKind.Word))
        {
            return null;
        }

        foreach (var token in tokens)
        {
            for (var partIndex = 0; partIndex < token.Parts.Count; partIndex++)
            {
                var part = token.Parts[partIndex];
                if (part is not LiteralPart literal || (!literal.Quoted && (literal.Text.AsSpan().IndexOfAny("*?[{~=") >= 0)))
                {
                    return null;
                }
            }
        }

        if (tokens.Count == 0 || ShellBuiltins.IsBuiltin(commands[0].Program))
        {
            return null;
        }

        return [commands[0].Path, .. commands[0].Args];
    }
}
