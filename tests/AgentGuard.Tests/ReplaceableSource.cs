using Microsoft.Extensions.Configuration;

namespace AgentGuard.Tests;

/// <summary>A configuration source whose whole content can be replaced, firing a reload as a changed file would.</summary>
internal sealed class ReplaceableSource(Dictionary<string, string?> initial) : IConfigurationSource
{
    public ReplaceableProvider Provider { get; } = new(initial);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
}

/// <summary>The provider of <see cref="ReplaceableSource"/>.</summary>
internal sealed class ReplaceableProvider(Dictionary<string, string?> initial) : ConfigurationProvider
{
    public override void Load() => Data = new Dictionary<string, string?>(initial, StringComparer.OrdinalIgnoreCase);

    public void Replace(Dictionary<string, string?> data)
    {
        Data = new Dictionary<string, string?>(data, StringComparer.OrdinalIgnoreCase);
        OnReload();
    }
}
