using System.Text.RegularExpressions;

namespace AgentGuard.Policies;

/// <summary>
/// A rule's regular expression (<c>When.Arguments[i].Regex</c>), decided exactly whatever the machine's load. It runs on
/// the backtracking engine (cheap to build: a policy may hold thousands) under a time budget; when a match runs out of
/// time — hostile input against a pattern like <c>^(a+)+$</c>, or simply the process paused by a garbage collection or
/// the scheduler for longer than the budget — the pattern is rebuilt once on the non-backtracking engine, whose time
/// is linear in the input (bounded by <c>Arguments:MaxLength</c>), and that answers this and every later match. Only a
/// pattern the linear engine cannot express (backreferences, lookarounds, atomic groups) still fails, and the rule's
/// fail-safe outcome applies. The linear form is built lazily because it costs milliseconds and hundreds of kilobytes.
/// </summary>
internal sealed class RuleRegex
{
    private readonly Regex _backtracking;
    private Regex? _linear;
    private int _linearUnsupported;

    public RuleRegex(string pattern, TimeSpan budget)
    {
        // Throws ArgumentException for an invalid pattern: the compiler reports it at load.
        _backtracking = new Regex(pattern, RegexOptions.CultureInvariant, budget);
    }

    /// <summary>True when <paramref name="text"/> matches; throws <see cref="RegexMatchTimeoutException"/> only for a pattern the linear engine cannot run.</summary>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        if (Volatile.Read(ref _linear) is { } linear)
        {
            return linear.IsMatch(text);
        }

        try
        {
            return _backtracking.IsMatch(text);
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
    public override string ToString() => _backtracking.ToString();

    private Regex? Linear()
    {
        if (Volatile.Read(ref _linearUnsupported) != 0)
        {
            return null;
        }

        try
        {
            var built = new Regex(_backtracking.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
            return Interlocked.CompareExchange(ref _linear, built, null) ?? built;
        }
        catch (NotSupportedException)
        {
            Volatile.Write(ref _linearUnsupported, 1);
            return null;
        }
    }
}
