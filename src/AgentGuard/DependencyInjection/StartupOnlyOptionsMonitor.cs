using Microsoft.Extensions.Options;

namespace AgentGuard;

/// <summary>
/// The <see cref="IOptionsMonitor{TOptions}"/> for <see cref="AgentGuardOptions"/>: it builds (and so validates) the
/// options when asked, as <c>ValidateOnStart</c> does once at start, and never subscribes to configuration changes.
/// </summary>
/// <remarks>
/// The framework's monitor re-creates the options inside the configuration's change callback and throws there when an
/// edit is invalid: into <c>IConfigurationRoot.Reload()</c>, or onto the file watcher's thread. Reloads are the
/// <see cref="PolicyProvider"/>'s job, which keeps the last good policy instead.
/// </remarks>
internal sealed class StartupOnlyOptionsMonitor(IOptionsFactory<AgentGuardOptions> factory) : IOptionsMonitor<AgentGuardOptions>
{
    public AgentGuardOptions CurrentValue => Get(Options.DefaultName);

    public AgentGuardOptions Get(string? name) => factory.Create(name ?? Options.DefaultName);

    public IDisposable? OnChange(Action<AgentGuardOptions, string?> listener) => null;
}
