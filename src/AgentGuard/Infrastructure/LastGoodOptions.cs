using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace AgentGuard.Infrastructure;

/// <summary>
/// Compiles an options type into an immutable value and keeps it current: built at construction (a bad configuration
/// throws <see cref="AgentGuardPolicyException"/>, so start fails), rebuilt when the options' change tokens fire (the
/// ones <c>IOptionsMonitor</c> listens to), and on a failed rebuild the last good value stays in force. A reload never
/// throws into the configuration system's callback, which <c>IOptionsMonitor</c> would do on a validation failure.
/// </summary>
/// <remarks>The one reload mechanism behind the policy engine and the MCP registry (after Polly v8's reloadable component).</remarks>
/// <typeparam name="TOptions">The bound options.</typeparam>
/// <typeparam name="TValue">The compiled, immutable value.</typeparam>
internal sealed class LastGoodOptions<TOptions, TValue> : IDisposable
    where TOptions : class
    where TValue : class
{
    private readonly IOptionsFactory<TOptions> _factory;
    private readonly Func<TOptions, TValue> _compile;
    private readonly string _section;
    private readonly Lock _reloadLock = new();
    private readonly List<IDisposable> _subscriptions = [];
    private TValue _current;

    /// <summary>Builds the first value and subscribes to changes.</summary>
    /// <param name="factory">Creates the options (binding, post-configuration and validation included).</param>
    /// <param name="changeSources">The options' change-token sources.</param>
    /// <param name="compile">Turns options into the value; throws <see cref="AgentGuardPolicyException"/> when they are invalid.</param>
    /// <param name="section">The configuration section, named in binder errors.</param>
    /// <exception cref="AgentGuardPolicyException">The options are invalid.</exception>
    public LastGoodOptions(IOptionsFactory<TOptions> factory, IEnumerable<IOptionsChangeTokenSource<TOptions>> changeSources, Func<TOptions, TValue> compile, string section)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(changeSources);
        ArgumentNullException.ThrowIfNull(compile);
        _factory = factory;
        _compile = compile;
        _section = section;
        _current = Build();
        foreach (var source in changeSources)
        {
            if (source.Name == Options.DefaultName)
            {
                _subscriptions.Add(ChangeToken.OnChange(source.GetChangeToken, () => Reload()));
            }
        }
    }

    /// <summary>Raised after a reload replaced the value.</summary>
    public event Action<TValue>? Reloaded;

    /// <summary>Raised after a reload failed; the last good value stays in force.</summary>
    public event Action<Exception>? ReloadFailed;

    /// <summary>The last good value.</summary>
    public TValue Current => Volatile.Read(ref _current);

    /// <summary>Rebuilds the value. Returns false, keeping the last good value, when the options are invalid.</summary>
    public bool Reload()
    {
        lock (_reloadLock)
        {
            TValue value;
            try
            {
                value = Build();
            }
#pragma warning disable CA1031 // Any failure keeps the last good value; it must not escape into the change-token callback.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ReloadFailed?.Invoke(ex);
                return false;
            }

            Volatile.Write(ref _current, value);
            Reloaded?.Invoke(value);
            return true;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private TValue Build()
    {
        TOptions options;
        try
        {
            options = _factory.Create(Options.DefaultName);
        }
        catch (OptionsValidationException ex)
        {
            throw new AgentGuardPolicyException([.. ex.Failures], ex);
        }
        catch (InvalidOperationException ex)
        {
            // The configuration binder could not convert a value (e.g. "abc" for a number); its message names the key.
            throw new AgentGuardPolicyException($"{_section}: {ex.Message}", ex);
        }

        return _compile(options);
    }
}
