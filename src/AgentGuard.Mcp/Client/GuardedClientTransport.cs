using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGuard.Mcp;

/// <summary>An <see cref="IClientTransport"/> decorator whose connections are <see cref="GuardedTransport"/>s.</summary>
internal sealed class GuardedClientTransport(IClientTransport inner, McpToolGate gate) : IClientTransport
{
    public string Name => inner.Name;

    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var transport = await inner.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return new GuardedTransport(transport, gate);
    }
}
