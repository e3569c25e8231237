namespace AgentGuard.Shell.Analysis;

/// <summary>
/// The state of analyzing one command line: shell variables and aliases set so far, files downloaded so far, and the
/// bounds that keep a hostile line from costing unbounded work.
/// </summary>
internal sealed class AnalysisSession
{
    /// <summary>Nesting deeper than this (bash -c inside eval inside $(…)…) is not followed: the command is opaque.</summary>
    public const int MaxDepth = 8;

    /// <summary>At most this many commands are analyzed per line; the rest make the line opaque.</summary>
    public const int MaxCommands = 256;

    private Dictionary<string, string?>? _variables;
    private Dictionary<string, string>? _aliases;

    public AnalysisSession() => Unwrapper = new CommandUnwrapper(this);

    public CommandUnwrapper Unwrapper { get; }

    /// <summary>
    /// True when a glob may match dot files: the line names <c>dotglob</c>, <c>GLOBIGNORE</c>, <c>BASHOPTS</c> or
    /// <c>shopt</c> anywhere. Otherwise bash's <c>*</c>, <c>?</c> and <c>[…]</c> never match a leading dot, so
    /// <c>du -sh *</c> cannot reach <c>~/.netrc</c>.
    /// </summary>
    public bool DotFilesGlobbed { get; set; }

    /// <summary>
    /// Switches <see cref="DotFilesGlobbed"/> on when a command about to run may change bash's glob options, whatever
    /// quoting hid the names from the raw line: <c>shopt</c> in any form, a word naming <c>dotglob</c>, or
    /// <c>BASHOPTS</c>/<c>GLOBIGNORE</c> given to a program (<c>env BASHOPTS=dotglob bash …</c>).
    /// </summary>
    public void NoteGlobOptions(List<ExpandedWord> words)
    {
        if (DotFilesGlobbed || words.Count == 0)
        {
            return;
        }

        if (words[0].Text == "shopt" || words[0].Dynamic)
        {
            DotFilesGlobbed = true;
            return;
        }

        foreach (var word in words)
        {
            if (word.Text.Contains("dotglob", StringComparison.Ordinal) || IsGlobVariable(word.Text))
            {
                DotFilesGlobbed = true;
                return;
            }
        }
    }

    /// <summary>True for <c>BASHOPTS</c> and <c>GLOBIGNORE</c> (a name or a <c>NAME=value</c> word): setting either can make globs match dot files.</summary>
    public static bool IsGlobVariable(string text)
        => text.StartsWith("BASHOPTS", StringComparison.Ordinal) || text.StartsWith("GLOBIGNORE", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="line"/> may switch on globbing of dot files (see <see cref="DotFilesGlobbed"/>).</summary>
    public static bool MayGlobDotFiles(string line)
        => line.Contains("dotglob", StringComparison.Ordinal) || line.Contains("GLOBIGNORE", StringComparison.Ordinal)
            || line.Contains("BASHOPTS", StringComparison.Ordinal) || line.Contains("shopt", StringComparison.Ordinal);

    /// <summary>What the process is given on standard input (<see cref="ShellRunOptions.StandardInput"/>), read by commands nothing else feeds.</summary>
    public string? ProcessStandardInput { get; init; }

    /// <summary>Files a downloader wrote (curl -o, wget -O, a redirect), so running them later is remote code.</summary>
    public HashSet<string> DownloadedFiles => _downloadedFiles ??= new(StringComparer.Ordinal);

    private HashSet<string>? _downloadedFiles;

    public bool HasDownloaded(string file) => _downloadedFiles is not null && _downloadedFiles.Contains(file);

    /// <summary>Files written earlier on the line with known content (echo … &gt; x.sh, cat &lt;&lt;EOF &gt; x.sh), so running them is analyzed.</summary>
    private Dictionary<string, string>? _writtenFiles;

    /// <summary>The field separators: <c>$IFS</c> when the line set it, otherwise space, tab and newline.</summary>
    public string FieldSeparators => _variables is not null && _variables.TryGetValue("IFS", out var ifs) && ifs is not null ? ifs : " \t\n";

    public void RecordWrite(string path, string content, bool append)
    {
        var key = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        _writtenFiles ??= new(StringComparer.Ordinal);
        if (_writtenFiles.Count < 64 || _writtenFiles.ContainsKey(key))
        {
            _writtenFiles[key] = append && _writtenFiles.TryGetValue(key, out var existing) ? existing + content : content;
        }
    }

    /// <summary>True when the line wrote or downloaded a file inside <paramref name="directory"/>.</summary>
    public bool WroteUnder(string directory)
    {
        var prefix = directory.TrimEnd('/') + "/";
        return (_writtenFiles is not null && _writtenFiles.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            || (_downloadedFiles is not null && _downloadedFiles.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)));
    }

    public string? WrittenFile(string path)
        => _writtenFiles is not null && _writtenFiles.TryGetValue(path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path, out var content) ? content : null;

    /// <summary>
    /// The directory commands run in, as far as <c>cd</c>/<c>pushd</c> on the line tell: null for the directory the line
    /// starts in, <see cref="UnknownDirectory"/> after a <c>cd</c> to a place computed at run time.
    /// </summary>
    public string? WorkingDirectory { get; private set; }

    /// <summary>The working directory after a <c>cd</c> whose target is not known before the line runs.</summary>
    public const string UnknownDirectory = "\0unknown";

    /// <summary>
    /// Names the line gave a role to: git remotes it added (<c>git remote add x URL</c>, so pushing to them is
    /// exfiltration) and files a <c>find</c> wrote credential paths into (<c>find / -name id_rsa &gt; l</c>). One
    /// lazily made map for both, so an ordinary line pays for one field.
    /// </summary>
    private Dictionary<string, LineMark>? _marks;

    public void AddRemote(string name) => Mark(name, LineMark.AddedRemote);

    public bool IsAddedRemote(string name) => Has(name, LineMark.AddedRemote);

    public void RecordCredentialList(string path) => Mark(path, LineMark.CredentialList);

    public bool IsCredentialList(string path) => Has(path, LineMark.CredentialList);

    public bool HasCredentialLists
    {
        get
        {
            if (_marks is null)
            {
                return false;
            }

            foreach (var marks in _marks.Values)
            {
                if ((marks & LineMark.CredentialList) != 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private void Mark(string name, LineMark mark)
    {
        _marks ??= new(StringComparer.Ordinal);
        if (_marks.Count < 64 || _marks.ContainsKey(name))
        {
            _marks[name] = (_marks.TryGetValue(name, out var existing) ? existing : LineMark.None) | mark;
        }
    }

    private bool Has(string name, LineMark mark) => _marks is not null && _marks.TryGetValue(name, out var marks) && (marks & mark) != 0;

    [Flags]
    private enum LineMark
    {
        None = 0,
        AddedRemote = 1,
        CredentialList = 2,
    }

    /// <summary>Every command emitted so far, in order.</summary>
    public List<CommandDraft> Commands { get; } = [];

    public bool LimitReached => Commands.Count >= MaxCommands;

    /// <summary>The one returned builder most lines need; a stack only when expansions nest and return several.</summary>
    private System.Text.StringBuilder? _spareBuilder;

    private Stack<System.Text.StringBuilder>? _moreBuilders;

    /// <summary>A cleared builder for word expansion (expansions nest, so builders are pooled per session, not shared).</summary>
    public System.Text.StringBuilder RentBuilder()
    {
        if (_spareBuilder is { } spare)
        {
            _spareBuilder = null;
            return spare.Clear();
        }

        return _moreBuilders is { Count: > 0 } more ? more.Pop().Clear() : new System.Text.StringBuilder();
    }

    public void ReturnBuilder(System.Text.StringBuilder builder)
    {
        if (_spareBuilder is null)
        {
            _spareBuilder = builder;
        }
        else
        {
            (_moreBuilders ??= new()).Push(builder);
        }
    }

    public void SetVariable(string name, string? value)
    {
        DotFilesGlobbed |= IsGlobVariable(name);
        _variables ??= new(StringComparer.Ordinal);
        if (_variables.Count < 1024 || _variables.ContainsKey(name))
        {
            _variables[name] = value;
        }
    }

    /// <summary>The value of <c>$name</c> / <c>${name…}</c>, and whether it is known before run time.</summary>
    public (string Value, bool Known) LookupParameter(string name, string? modifier)
    {
        string? value;
        bool known;
        if (_variables is not null && _variables.TryGetValue(name, out var assigned))
        {
            value = assigned;
            known = assigned is not null;
        }
        else
        {
            (value, known) = name switch
            {
                "HOME" => ("~", true),
                "IFS" => (" \t\n", true),
                "PWD" => (".", true),
                "TMPDIR" => ("/tmp", true),
                _ => ((string?)null, false),
            };
        }

        if (modifier is null)
        {
            return (value ?? string.Empty, known);
        }

        // ${name:-word} and friends: the default is a good guess, but only a guess.
        var trimmed = modifier.StartsWith(':') ? modifier[1..] : modifier;
        if (trimmed.Length > 0 && trimmed[0] is '-' or '=')
        {
            return known && value!.Length > 0 ? (value, true) : (StripQuotes(trimmed[1..]), false);
        }

        return (value ?? string.Empty, false);
    }

    private static string StripQuotes(string text) => text.Replace("'", string.Empty, StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal);

    /// <summary>
    /// Analyzes the script of a command substitution (its commands are emitted like any other) and returns its
    /// output when it is static, and whether it is downloaded or decoded content.
    /// </summary>
    public (string? Output, bool Remote, bool Decoded) Substitute(string script, int depth)
    {
        var drafts = ParseNested(script, "$(...)", depth, Inherited.None);
        if (drafts.Count == 0)
        {
            return (string.Empty, false, false);
        }

        if (LookedUpProgram(drafts) is { } program)
        {
            return (program, false, false);
        }

        var last = drafts[^1];
        var remote = drafts.Exists(d => d.CarriesRemoteContent);
        return (last.OutputText?.TrimEnd('\n'), remote, drafts.Exists(d => d.OutputDecoded));
    }

    /// <summary>
    /// <c>$(which python || which python3)</c>, <c>`command -v gpg`</c>: the path of one of the programs named, when
    /// every alternative is the same program (versions aside). The name stands for the path; alternatives that are
    /// different programs (<c>which ls || which rm</c>) leave the value unknown.
    /// </summary>
    private static string? LookedUpProgram(List<CommandDraft> drafts)
    {
        string? family = null;
        string? first = null;
        foreach (var draft in drafts)
        {
            var args = draft.Args;
            var name = draft.Program switch
            {
                "which" when args.Count == 1 => args[0],
                "command" or "type" when args.Count == 2 && args[0].Text is "-v" or "-P" => args[1],
                _ => (ExpandedWord?)null,
            };
            if (name is not { Dynamic: false, Glob: false } word || word.Text.Length == 0 || word.Text[0] == '-' || word.Text.Contains('/', StringComparison.Ordinal))
            {
                return null;
            }

            var stem = CommandUnwrapper.StripVersion(word.Text);
            if (family is not null && family != stem)
            {
                return null;
            }

            family = stem;
            first ??= word.Text;
        }

        return first;
    }

    /// <summary>Analyzes the script of a process substitution and returns the command it reads from.</summary>
    public CommandDraft? ProcessSubstitution(string script, int depth)
    {
        var drafts = ParseNested(script, "<(...)", depth, Inherited.None);
        return drafts.Count == 0 ? null : drafts[^1];
    }

    /// <summary>Parses a nested script, or marks it opaque when nesting is too deep.</summary>
    public List<CommandDraft> ParseNested(string script, string origin, int depth, Inherited inherited)
    {
        if (depth > MaxDepth)
        {
            return [Unwrapper.EmitOpaque("sh", origin, "nesting is deeper than " + MaxDepth + " levels", inherited)];
        }

        return ScriptParser.Parse(this, script, origin, depth, inherited);
    }

    /// <summary>Tracks export/declare/local/readonly/unset/read, which change variables, and alias definitions.</summary>
    public void ApplyBuiltinState(List<ExpandedWord> words)
    {
        NoteGlobOptions(words);
        switch (words[0].Text)
        {
            case "export" or "declare" or "typeset" or "local" or "readonly":
                foreach (var word in words.Skip(1))
                {
                    var eq = word.Text.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0)
                    {
                        SetVariable(word.Text[..eq], word.Dynamic ? null : word.Text[(eq + 1)..]);
                    }
                }

                break;
            case "unset":
                foreach (var word in words.Skip(1))
                {
                    _variables?.Remove(word.Text);
                }

                break;
            case "read" or "mapfile" or "readarray" or "getopts":
                foreach (var word in words.Skip(1).Where(w => !w.Text.StartsWith('-')))
                {
                    SetVariable(word.Text, null);
                }

                break;
            case "cd" or "pushd" or "chdir":
                {
                    var target = words.Skip(1).FirstOrDefault(w => w.Text is not ("-L" or "-P" or "-e" or "-@" or "--"));
                    WorkingDirectory = target.Text is null ? "~"
                        : target.Dynamic || target.Text == "-" || WorkingDirectory == UnknownDirectory ? UnknownDirectory
                        : PathRules.Combine(WorkingDirectory, target.Text);
                    break;
                }

            case "popd":
                WorkingDirectory = UnknownDirectory;
                break;
            case "alias":
                foreach (var word in words.Skip(1))
                {
                    var eq = word.Text.IndexOf('=', StringComparison.Ordinal);
                    _aliases ??= new(StringComparer.Ordinal);
                    if (eq > 0 && _aliases.Count < 256)
                    {
                        _aliases[word.Text[..eq]] = word.Text[(eq + 1)..];
                    }
                }

                break;
            default:
                break;
        }
    }

    /// <summary>Replaces an alias in command position by its words.</summary>
    public bool TryExpandAlias(List<ExpandedWord> words, out List<ExpandedWord> expanded)
    {
        expanded = words;
        if (words[0].Dynamic || _aliases is null || !_aliases.TryGetValue(words[0].Text, out var value))
        {
            return false;
        }

        var (tokens, _) = Parsing.ShellLexer.Lex(value);
        var expander = new WordExpander(this, 0);
        var result = new List<ExpandedWord>();
        foreach (var token in tokens.Where(t => t.Kind == Parsing.ShellTokenKind.Word))
        {
            expander.Expand(token, result);
        }

        if (result.Count == 0 || (result[0].Text == words[0].Text && !result[0].Dynamic))
        {
            return false;
        }

        result.AddRange(words.Skip(1));
        expanded = result;
        return true;
    }
}
