namespace AgentGuard.Shell.Analysis;

/// <summary>A word after expansion: its best-known text and whether part of it is only known at run time.</summary>
/// <param name="Text">The text; unknown parts are left out.</param>
/// <param name="Dynamic">True when part of the word is computed at run time (unknown variable, substitution).</param>
/// <param name="Glob">True when the word holds unquoted glob characters.</param>
/// <param name="FromSubstitution">True when part of the word is the output of a command substitution.</param>
/// <param name="RemoteContent">True when that output comes from a download or a decoder.</param>
/// <param name="ProcessSubstitution">The command a <c>&lt;(…)</c> word reads from.</param>
/// <param name="Decoded">True when part of the word is printf/echo output decoded from escapes (computed here, but never trusted to name code).</param>
/// <param name="UnknownOutput">True when part of the word is the output of a command substitution that is not known before it runs (data from the machine, not text on the line).</param>
internal readonly record struct ExpandedWord(
    string Text,
    bool Dynamic = false,
    bool Glob = false,
    bool FromSubstitution = false,
    bool RemoteContent = false,
    CommandDraft? ProcessSubstitution = null,
    bool Decoded = false,
    bool UnknownOutput = false)
{
    public static ExpandedWord Literal(string text) => new(text);
}

/// <summary>A redirection after expansion.</summary>
internal sealed record RedirectInfo(string Operator, string? FileDescriptor, ExpandedWord Target, string? HereDocumentBody)
{
    public bool IsWrite => Operator is ">" or ">>" or ">|" or "&>" or "&>>" or "<>" || (Operator == ">&" && !IsFileDescriptorTarget);

    public bool IsFileDescriptorTarget => Target.Text.Length > 0 && Target.Text.All(c => char.IsAsciiDigit(c) || c == '-');
}

/// <summary>One command being analyzed: what runs, with what, fed by what, and what it was found to do.</summary>
internal sealed class CommandDraft
{
    public required string Path { get; init; }

    public required string Program { get; init; }

    public required List<ExpandedWord> Args { get; init; }

    public required IReadOnlyList<RedirectInfo> Redirects { get; init; }

    public required IReadOnlyList<string> Wrappers { get; init; }

    public required string Origin { get; init; }

    /// <summary>The directory the command runs in (<see cref="AnalysisSession.WorkingDirectory"/>).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>A path operand as seen from where the line started: relative paths after a known <c>cd</c> are joined to it, after an unknown one they are unknown.</summary>
    public ExpandedWord Resolve(ExpandedWord word) => PathRules.Resolve(word, WorkingDirectory);

    /// <summary>The tags found so far; empty (and not allocated) for the many commands that get none.</summary>
    public IReadOnlyCollection<string> Tags => (IReadOnlyCollection<string>?)_tags ?? [];

    private HashSet<string>? _tags;

    /// <summary>Adds <paramref name="tag"/>; false when the command had it already.</summary>
    public bool AddTag(string tag) => (_tags ??= new HashSet<string>(StringComparer.Ordinal)).Add(tag);

    /// <summary>True when the command has <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => _tags is not null && _tags.Contains(tag);

    /// <summary>The tags, sorted; the shared empty array when there are none.</summary>
    public string[] SortedTags()
    {
        if (_tags is null || _tags.Count == 0)
        {
            return [];
        }

        var tags = new string[_tags.Count];
        _tags.CopyTo(tags);
        Array.Sort(tags, StringComparer.Ordinal);
        return tags;
    }

    /// <summary>The SQL the command runs (a SQL client's statements), as the database hook's analyser read it.</summary>
    public List<AgentGuard.Data.SqlAnalysis>? Sql
    {
        get => _extras?.Sql;
        set => Extras(value is not null)?.Sql = value;
    }

    /// <summary>Why each tag was given; empty (and not allocated) for the many commands that get none.</summary>
    public IReadOnlyList<string> Findings => _findings ?? (IReadOnlyList<string>)[];

    private List<string>? _findings;

    /// <summary>The command whose output is piped into this one.</summary>
    public CommandDraft? Upstream { get; set; }

    /// <summary>Text known to arrive on standard input (here-document, here-string, echo piped in).</summary>
    public string? StdinText
    {
        get => _extras?.StdinText;
        set => Extras(value is not null)?.StdinText = value;
    }

    /// <summary>What this command is known to print, for echo/printf/base64 -d chains.</summary>
    public string? OutputText
    {
        get => _extras?.OutputText;
        set => Extras(value is not null)?.OutputText = value;
    }

    /// <summary>True when <see cref="OutputText"/> was decoded from printf/echo escapes (\x, octal, \u, %b).</summary>
    public bool OutputDecoded
    {
        get => _extras?.OutputDecoded ?? false;
        set => Extras(value)?.OutputDecoded = value;
    }

    /// <summary>True when this command's output is downloaded or decoded content (or derived from it).</summary>
    public bool CarriesRemoteContent { get; set; }

    public string? Code
    {
        get => _extras?.Code;
        set => Extras(value is not null)?.Code = value;
    }

    /// <summary>
    /// What only some commands have (known input or output text, code, SQL), kept apart so that the many commands
    /// without any cost five fields less each.
    /// </summary>
    private DraftExtras? _extras;

    /// <summary>The extras to write to: made when a value is set, null when a default is written to a draft that has none.</summary>
    private DraftExtras? Extras(bool setting) => setting ? _extras ??= new DraftExtras() : _extras;

    private sealed class DraftExtras
    {
        public string? StdinText { get; set; }

        public string? OutputText { get; set; }

        public bool OutputDecoded { get; set; }

        public string? Code { get; set; }

        public List<AgentGuard.Data.SqlAnalysis>? Sql { get; set; }
    }


    public bool IsWrapper { get; init; }

    /// <summary>True when the draft is only analyzed for its tags (code inside an interpreter), never emitted.</summary>
    public bool CollectOnly { get; init; }

    public void Tag(string tag, string finding)
    {
        if (AddTag(tag) || Findings.Count < 16)
        {
            AddFinding(finding);
        }
    }

    /// <summary>Records <paramref name="finding"/> once.</summary>
    public void AddFinding(string finding)
    {
        _findings ??= [];
        if (!_findings.Contains(finding))
        {
            _findings.Add(finding);
        }
    }

    /// <summary>
    /// The operands' texts, computed once: <see cref="Args"/> never change after a draft is made, and several
    /// classifier checks read them. Shared: callers must not modify the list.
    /// </summary>
    public List<string> OperandTexts()
    {
        if (_operandTexts is { } known)
        {
            return known;
        }

        var operands = Operands();
        var texts = new List<string>(operands.Count);
        foreach (var operand in operands)
        {
            texts.Add(operand.Text);
        }

        return _operandTexts = texts;
    }

    /// <summary>
    /// The words that are not options (everything after <c>--</c>, and words not starting with <c>-</c>), computed
    /// once for the same reason. Shared: callers must not modify the list.
    /// </summary>
    public List<ExpandedWord> Operands()
    {
        if (_operands is { } known)
        {
            return known;
        }

        // Most commands' words are all operands (git status, npm test): then the operands are the arguments, no copy.
        var allOperands = true;
        foreach (var arg in Args)
        {
            if (arg.Text.Length > 0 && arg.Text[0] == '-' && !arg.Dynamic)
            {
                allOperands = false;
                break;
            }
        }

        if (allOperands)
        {
            return _operands = Args;
        }

        var operands = new List<ExpandedWord>(Args.Count);
        var endOfOptions = false;
        foreach (var arg in Args)
        {
            if (!endOfOptions && arg.Text == "--")
            {
                endOfOptions = true;
                continue;
            }

            if (endOfOptions || arg.Text.Length == 0 || arg.Text[0] != '-' || arg.Dynamic)
            {
                operands.Add(arg);
            }
        }

        return _operands = operands;
    }

    private List<string>? _operandTexts;
    private List<ExpandedWord>? _operands;

    public bool HasFlag(char shortFlag, string? longFlag = null)
    {
        foreach (var arg in Args)
        {
            var text = arg.Text;
            if (text == "--")
            {
                return false;
            }

            if (longFlag is not null && text.StartsWith(longFlag, StringComparison.Ordinal) && (text.Length == longFlag.Length || text[longFlag.Length] == '='))
            {
                return true;
            }

            if (text.Length > 1 && text[0] == '-' && text[1] != '-' && text.AsSpan(1).Contains(shortFlag))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when an argument is exactly <paramref name="text"/>. A loop: a lambda would allocate its capture on every call.</summary>
    public bool HasArg(string text)
    {
        foreach (var arg in Args)
        {
            if (string.Equals(arg.Text, text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
