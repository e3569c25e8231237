using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace AgentGuard.Policies;

/// <summary>
/// A rule's regular expression (<c>When.Arguments[i].Regex</c>), decided exactly whatever the machine's load. It runs on
/// the backtracking engine under a time budget; when a match runs out of time — hostile input against a pattern like
/// <c>^(a+)+$</c>, or simply the process paused by a garbage collection or the scheduler for longer than the budget — the
/// pattern is rebuilt once on the non-backtracking engine, whose time is linear in the input (bounded by
/// <c>Arguments:MaxLength</c>), and that answers this and every later match. Only a pattern the linear engine cannot
/// express (backreferences, lookarounds, atomic groups) still fails, and the rule's fail-safe outcome applies.
/// </summary>
/// <remarks>
/// A value without the run of plain characters every match needs (<see cref="RequiredLiteral"/>) is answered without
/// running the pattern at all. A pattern starts interpreted: cheap to build, and a policy may hold thousands that are
/// rarely or never reached. One that keeps being run (<see cref="HotAfter"/> times; values turned away before it do not
/// count) is compiled to IL once, off the decision's thread, and the compiled form — same pattern, options and budget,
/// so the same answers — takes over when it is ready: about 3× faster per match, for a millisecond of compiling that no
/// decision waits for. The linear form is built lazily too, because it costs milliseconds and hundreds of kilobytes.
/// </remarks>
internal sealed class RuleRegex : IThreadPoolWorkItem
{
    /// <summary>How many runs make a pattern hot enough to compile.</summary>
    internal const int HotAfter = 64;

    private readonly Regex _interpreted;
    private readonly TimeSpan _budget;
    private readonly RegexOptions _options;
    private readonly string? _required;
    private Regex? _compiled;
    private Regex? _linear;
    private int _linearUnsupported;
    private int _uses;

    public RuleRegex(string pattern, TimeSpan budget, bool ignoreCase = false)
    {
        // Throws ArgumentException for an invalid pattern: the compiler reports it at load.
        _options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        _interpreted = new Regex(pattern, _options, budget);
        _budget = budget;
        _required = RequiredLiteral.Of(pattern, ignoreCase);
    }

    /// <summary>True when the pattern matches ignoring case.</summary>
    public bool IgnoresCase => (_options & RegexOptions.IgnoreCase) != 0;

    /// <summary>True once the compiled form answers (tests watch the switch).</summary>
    internal bool IsCompiled => Volatile.Read(ref _compiled) is not null;

    /// <summary>True once the pattern has been run often enough for its compile to be queued.</summary>
    internal bool IsCompileQueued => _uses > HotAfter;

    /// <summary>True when <paramref name="text"/> matches; throws <see cref="RegexMatchTimeoutException"/> only for a pattern the linear engine cannot run.</summary>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        if (_required is not null && text.IndexOf(_required, IgnoresCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) < 0)
        {
            return false;
        }

        if (Volatile.Read(ref _linear) is { } linear)
        {
            return linear.IsMatch(text);
        }

        var engine = Volatile.Read(ref _compiled) ?? Warm();
        try
        {
            return engine.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            if (Linear() is not { } fallback)
            {
                throw;
            }

            return fallback.IsMatch(text);
        }
    }

    /// <inheritdoc />
    public override string ToString() => _interpreted.ToString();

    /// <summary>
    /// Counts a run of the interpreted form and, at the <see cref="HotAfter"/>-th, queues the compile. The count is
    /// not atomic: racing threads may lose a few, which only delays the switch.
    /// </summary>
    private Regex Warm()
    {
        var uses = _uses;
        if (uses <= HotAfter)
        {
            _uses = uses + 1;
            if (uses == HotAfter && RuntimeFeature.IsDynamicCodeCompiled)
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false); // this is the work item: the decision allocates nothing
            }
        }

        return _interpreted;
    }

    /// <summary>Compiles the pattern (on a pool thread) and hands the compiled form over, its runner already made.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        try
        {
            var compiled = new Regex(_interpreted.ToString(), _options | RegexOptions.Compiled, _budget);
            _ = compiled.IsMatch(string.Empty); // makes and caches the runner here, not in the first decision that uses it
            Volatile.Write(ref _compiled, compiled);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or OutOfMemoryException)
        {
            // A runtime that cannot emit code after all: the interpreted form keeps answering, exactly as before.
        }
    }

    private Regex? Linear()
    {
        if (Volatile.Read(ref _linearUnsupported) != 0)
        {
            return null;
        }

        try
        {
            var built = new Regex(_interpreted.ToString(), _options | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
            return Interlocked.CompareExchange(ref _linear, built, null) ?? built;
        }
        catch (NotSupportedException)
        {
            Volatile.Write(ref _linearUnsupported, 1);
            return null;
        }
    }
}
