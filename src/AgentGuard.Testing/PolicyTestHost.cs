using AgentGuard.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgentGuard.Testing;

/// <summary>
/// A real AgentGuard engine built from one policy, for tests of that policy: the registration an app makes
/// (<c>AddAgentGuard</c>), no audit file, and a clock the test moves. Feed it calls, alone or in a scripted session,
/// and assert on what comes back; a failed assertion throws <see cref="PolicyAssertionException"/> with the call,
/// the decision and every rule's checks. Works with any test framework.
/// </summary>
/// <example>
/// <code>
/// using var host = PolicyTestHost.FromFile("appsettings.json");
/// (await host.DecideAsync("delete_file", context: new GuardContext { Environment = "prod" }))
///     .ShouldBeDenied().ByRule("no-destructive-in-prod");
/// </code>
/// </example>
public sealed class PolicyTestHost : IDisposable, IAsyncDisposable
{
    /// <summary>The instant the clock starts at: 2026-01-05 09:00 UTC (a Monday), so tests are reproducible.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly PolicyWorkbench _workbench;
    private int _sessions;

    private PolicyTestHost(ServiceProvider services, FakeTimeProvider clock, string policyName)
    {
        _services = services;
        Clock = clock;
        PolicyName = policyName;
        _workbench = PolicyWorkbench.For(services);
    }

    /// <summary>The engine's clock; advance it to test time windows and rate limits.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Where the policy came from.</summary>
    public string PolicyName { get; }

    /// <summary>The engine, for code that wants to call it directly.</summary>
    public IGuardEngine Engine => _workbench.Engine;

    /// <summary>The policy's options after binding.</summary>
    public AgentGuardOptions Options => _workbench.Options;

    /// <summary>The explain hook behind this host.</summary>
    public PolicyWorkbench Workbench => _workbench;

    /// <summary>Loads a policy from JSON: an appsettings-style object with an <c>AgentGuard</c> section, or the section alone.</summary>
    /// <exception cref="PolicyFileException">Not valid JSON.</exception>
    /// <exception cref="AgentGuardPolicyException">The policy is invalid (every problem is listed).</exception>
    public static PolicyTestHost FromJson(string json, Action<AgentGuardBuilder>? configure = null)
        => FromDocument(PolicyDocument.FromJson(json), configure);

    /// <summary>Loads a policy from YAML (same shape as JSON).</summary>
    public static PolicyTestHost FromYaml(string yaml, Action<AgentGuardBuilder>? configure = null)
        => FromDocument(PolicyDocument.FromYaml(yaml), configure);

    /// <summary>Loads a policy file, JSON or YAML by extension.</summary>
    public static PolicyTestHost FromFile(string path, Action<AgentGuardBuilder>? configure = null)
        => FromDocument(PolicyDocument.Load(path), configure);

    /// <summary>Loads a policy document.</summary>
    public static PolicyTestHost FromDocument(PolicyDocument document, Action<AgentGuardBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return FromConfiguration(document.ToConfiguration(), configure, document.Name);
    }

    /// <summary>Uses an <c>AgentGuard</c> configuration section, e.g. <c>configuration.GetSection("AgentGuard")</c>.</summary>
    public static PolicyTestHost FromConfiguration(IConfiguration section, Action<AgentGuardBuilder>? configure = null, string name = "<configuration>")
    {
        ArgumentNullException.ThrowIfNull(section);
        return Build(services => services.AddAgentGuard(section), configure, name);
    }

    /// <summary>Uses options built in code.</summary>
    public static PolicyTestHost FromOptions(AgentGuardOptions options, Action<AgentGuardBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Build(services => services.AddAgentGuard(target => PolicyWorkbench.CopyOptions(options, target)), configure, "<options>");
    }

    /// <summary>Starts a scripted session: its calls build the history later calls are decided against.</summary>
    /// <param name="context">The session's facts (user, environment…); its <see cref="GuardContext.SessionId"/> is set when missing.</param>
    public PolicySession Session(GuardContext? context = null)
    {
        var id = context?.SessionId ?? $"test-session-{Interlocked.Increment(ref _sessions)}";
        return new PolicySession(this, (context ?? GuardContext.Empty) with { SessionId = id });
    }

    /// <summary>Decides one call (explained, so a failed assertion can show why).</summary>
    public ValueTask<PolicyOutcome> DecideAsync(ToolCallEvent toolCall, GuardContext? context = null, CancellationToken cancellationToken = default)
        => DecideCoreAsync(toolCall, context ?? GuardContext.Empty, cancellationToken);

    /// <summary>Decides a call of <paramref name="toolName"/> with JSON arguments.</summary>
    public ValueTask<PolicyOutcome> DecideAsync(string toolName, string? argumentsJson = null, GuardContext? context = null, ToolKind kind = ToolKind.Function, CancellationToken cancellationToken = default)
        => DecideAsync(Call(toolName, argumentsJson, kind), context, cancellationToken);

    /// <summary>A call event: name, optional JSON arguments, kind and tags.</summary>
    public static ToolCallEvent Call(string toolName, string? argumentsJson = null, ToolKind kind = ToolKind.Function, params string[] tags)
        => new(toolName, kind) { Arguments = argumentsJson is null ? ToolArguments.Empty : ToolArguments.FromJson(argumentsJson), Tags = tags };

    /// <inheritdoc />
    /// <remarks>The engine's audit sink is asynchronous; with no audit file (always, here) it completes at once.</remarks>
    public void Dispose() => _services.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();

    internal async ValueTask<PolicyOutcome> DecideCoreAsync(ToolCallEvent toolCall, GuardContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        var explanation = await _workbench.ExplainAsync(toolCall, context, cancellationToken).ConfigureAwait(false);
        return new PolicyOutcome(toolCall, context, explanation);
    }

    private static PolicyTestHost Build(Func<IServiceCollection, AgentGuardBuilder> add, Action<AgentGuardBuilder>? configure, string name)
    {
        var clock = new FakeTimeProvider(DefaultStart);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        var builder = add(services);
        services.PostConfigure<AgentGuardOptions>(o => o.Audit.File = null);
        configure?.Invoke(builder);
        var provider = services.BuildServiceProvider();
        try
        {
            return new PolicyTestHost(provider, clock, name);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
