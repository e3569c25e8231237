using AgentGuard.Shell.Parsing;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Reads one script (the line, or a nested one from <c>bash -c</c>, <c>eval</c>, <c>$(…)</c>, a here-document) into
/// simple commands in execution order, keeping the shell's variable and alias state as it goes, and hands each to
/// the <see cref="CommandUnwrapper"/>.
/// </summary>
internal sealed partial class ScriptParser
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "{", "}", "!", "time", "esac", "[[", "]]", "coproc",
    };

    private readonly AnalysisSession _session;
    private readonly string _origin;
    private readonly int _depth;
    private readonly Inherited _inherited;
    private readonly List<CommandDraft> _emitted = [];
    private readonly List<string> _errors;
    private readonly List<ShellToken> _tokens;
    private bool _inCase;
    private WordExpander? _expander;

    private ScriptParser(AnalysisSession session, string script, string origin, int depth, Inherited inherited)
    {
        _session = session;
        _origin = origin;
        _depth = depth;
        _inherited = inherited;
        _script = script;
        (_tokens, _errors) = ShellLexer.Lex(script);
    }

    private readonly string _script;

    /// <summary>A fork bomb: a function that pipes itself into itself in the background, e.g. <c>f(){ f|f&amp; };f</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<name>[^\s(){};|&]+)\s*\(\s*\)\s*\{[^}]*?\k<name>\s*\|\s*\k<name>\s*&", System.Text.RegularExpressions.RegexOptions.CultureInvariant, 100)]
    private static partial System.Text.RegularExpressions.Regex ForkBomb();

    /// <summary>Parses <paramref name="script"/> and returns the commands it emitted, in order.</summary>
    public static List<CommandDraft> Parse(AnalysisSession session, string script, string origin, int depth, Inherited inherited)
    {
        var parser = new ScriptParser(session, script, origin, depth, inherited);
        parser.Run();
        return parser._emitted;
    }

    private void Run()
    {
        var words = new List<ShellToken>();
        var redirects = new List<(ShellToken Op, ShellToken? Target)>();
        CommandDraft? pipeFrom = null;
        var inheritedStdin = _inherited.Upstream;

        for (var i = 0; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.Kind == ShellTokenKind.Word)
            {
                words.Add(token);
                continue;
            }

            if (token.Kind == ShellTokenKind.Operator && IsRedirection(token.Text))
            {
                var target = i + 1 < _tokens.Count && _tokens[i + 1].Kind == ShellTokenKind.Word ? _tokens[++i] : null;
                redirects.Add((token, target));
                continue;
            }

            if (_inCase && token.IsOperator(")") && words.Count > 0)
            {
                words.Clear();
                redirects.Clear();
                continue;
            }

            if (token.IsOperator("(") && words.Count == 1 && i + 1 < _tokens.Count && _tokens[i + 1].IsOperator(")"))
            {
                // A function definition: name ( ) — its body is parsed as ordinary commands.
                words.Clear();
                i++;
                continue;
            }

            // A pipeline goes on after a line break that follows its | (echo x |⏎cut -c1): bash reads the next line as its next command.
            if (pipeFrom is not null && words.Count == 0 && redirects.Count == 0 && token.Kind == ShellTokenKind.Newline)
            {
                continue;
            }

            var pipes = token.IsOperator("|") || token.IsOperator("|&");
            var upstream = pipeFrom ?? inheritedStdin;
            var draft = Finish(words, redirects, upstream);
            inheritedStdin = null;
            pipeFrom = null;
            if (pipes)
            {
                pipeFrom = draft ?? (_emitted.Count > 0 ? _emitted[^1] : null);
                if (pipeFrom is not null)
                {
                    ShellClassifier.FeedsPipe(pipeFrom);
                }
            }
        }

        Finish(words, redirects, pipeFrom ?? inheritedStdin);

        if (_depth <= AnalysisSession.MaxDepth && MayHoldAForkBomb(_script) && ForkBomb().Match(_script) is { Success: true } bomb)
        {
            var draft = _emitted.Count > 0 ? _emitted[^1] : _session.Unwrapper.EmitOpaque("sh", _origin, "a fork bomb", _inherited);
            draft.Tag(ShellTags.Destructive, "a function that starts itself twice in the background (fork bomb): " + bomb.Groups["name"].Value);
        }

        if (_errors.Count > 0)
        {
            var reason = "cannot be parsed: " + string.Join("; ", _errors.Distinct());
            if (_emitted.Count == 0)
            {
                _emitted.Add(_session.Unwrapper.EmitOpaque("sh", _origin, reason, _inherited));
            }

            foreach (var draft in _emitted)
            {
                draft.Tag(ShellTags.Opaque, reason);
            }
        }
    }

    /// <summary>A fork bomb needs a function body that pipes and backgrounds: without all of <c>( ) { | &amp;</c> the regex cannot match.</summary>
    private static bool MayHoldAForkBomb(string script)
        => script.Contains('{') && script.Contains(')') && script.Contains('|') && script.Contains('&');

    private static bool IsRedirection(string op) => op is "<" or ">" or ">>" or "<<" or "<<-" or "<<<" or "<>" or "<&" or ">&" or ">|" or "&>" or "&>>";

    private CommandDraft? Finish(List<ShellToken> words, List<(ShellToken Op, ShellToken? Target)> redirects, CommandDraft? upstream)
    {
        if (words.Count == 0 && redirects.Count == 0)
        {
            return null;
        }

        try
        {
            return Build(words, redirects, upstream);
        }
        finally
        {
            words.Clear();
            redirects.Clear();
        }
    }

    private CommandDraft? Build(List<ShellToken> words, List<(ShellToken Op, ShellToken? Target)> redirects, CommandDraft? upstream)
    {
        var expander = _expander ??= new WordExpander(_session, _depth); // holds no state of its own: one per script
        var start = 0;

        // Leading NAME=value words are assignments.
        List<(string Name, ExpandedWord Value)>? assignments = null;
        while (start < words.Count && WordExpander.TryAssignment(words[start], out var name, out var valueParts))
        {
            (assignments ??= []).Add((name, expander.ExpandSingle(valueParts)));
            _session.DotFilesGlobbed |= AnalysisSession.IsGlobVariable(name);
            start++;
        }

        var expanded = new List<ExpandedWord>(Math.Max(words.Count - start, 1));
        for (var i = start; i < words.Count; i++)
        {
            expander.Expand(words[i], expanded);
        }

        IReadOnlyList<RedirectInfo> redirectInfos = []; // most commands have none: no list for them
        if (redirects.Count > 0)
        {
            var infos = new List<RedirectInfo>(redirects.Count);
            foreach (var (op, target) in redirects)
            {
                var targetWord = target is null ? ExpandedWord.Literal(string.Empty) : expander.ExpandSingle(target);
                var body = op.HereDocument?.Body ?? (op.Text == "<<<" ? targetWord.Text + "\n" : null);
                if (op.HereDocument is { Quoted: false } document && (document.Body.Contains("$(", StringComparison.Ordinal) || document.Body.Contains('`', StringComparison.Ordinal)))
                {
                    expander.RunSubstitutions(document.Body);
                }

                infos.Add(new RedirectInfo(op.Text, op.FileDescriptor, targetWord, body));
            }

            redirectInfos = infos;
        }

        // Drop keywords in command position (then, do, !, {, time ...).
        var first = 0;
        while (first < expanded.Count && !expanded[first].Dynamic && Keywords.Contains(expanded[first].Text) && IsPlainWord(words, start + first))
        {
            first++;
        }

        if (first < expanded.Count && IsPlainWord(words, start + first))
        {
            switch (expanded[first].Text)
            {
                case "for" or "select":
                    if (first + 1 < expanded.Count)
                    {
                        _session.SetVariable(expanded[first + 1].Text, null);
                    }

                    return null;
                case "case":
                    _inCase = true;
                    return null;
                case "function":
                    return null;
                case "esac":
                    _inCase = false;
                    first++;
                    break;
                default:
                    break;
            }
        }

        if (first > 0)
        {
            expanded.RemoveRange(0, first);
        }

        var hijack = assignments?.Find(a => ShellClassifier.IsHijackVariable(a.Name) || ShellClassifier.IsPathHijack(a.Name, a.Value.Text, _session)).Name;
        if (expanded.Count == 0)
        {
            foreach (var (name, value) in assignments ?? [])
            {
                _session.SetVariable(name, value.Dynamic || value.Decoded ? null : value.Text);
            }

            if (redirectInfos.Count == 0 && hijack is null)
            {
                return null;
            }

            expanded.Add(ExpandedWord.Literal(":"));
        }

        _session.ApplyBuiltinState(expanded);
        if (_session.TryExpandAlias(expanded, out var aliasWords))
        {
            expanded = aliasWords;
        }

        var before = _emitted.Count;
        var effective = _session.Unwrapper.Emit(expanded, redirectInfos, upstream, _origin, _depth, _inherited, _emitted);
        if (effective is null && _emitted.Count > before)
        {
            effective = _emitted[^1];
        }

        if (hijack is not null)
        {
            var reason = "sets " + hijack + ", which changes what later programs run";
            if (effective is null)
            {
                effective = _session.Unwrapper.EmitOpaque(":", _origin, reason, _inherited);
            }
            else
            {
                effective.Tag(ShellTags.Opaque, reason);
            }
        }

        return effective;
    }

    private static bool IsPlainWord(List<ShellToken> words, int index)
        => index < words.Count && WordExpander.IsPlain(words[index]);
}

/// <summary>What a nested script inherits from the command that runs it.</summary>
/// <param name="Wrappers">Wrapper programs around it (sudo, bash -c, ssh…).</param>
/// <param name="Tags">Tags every command inside gets (e.g. <c>privilege</c> under sudo).</param>
/// <param name="Upstream">The command feeding the script's first command.</param>
/// <param name="CollectOnly">True to analyze without emitting commands.</param>
internal sealed record Inherited(IReadOnlyList<string> Wrappers, IReadOnlyList<string> Tags, CommandDraft? Upstream = null, bool CollectOnly = false)
{
    public static Inherited None { get; } = new([], []);
}
