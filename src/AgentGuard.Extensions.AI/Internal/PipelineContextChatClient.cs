using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>
/// Opens an <see cref="AgentGuardScope"/> carrying one pipeline's agent, environment, team and policy around each request, so
/// the guard below sees them as ambient facts. An enclosing scope's session and user are kept.
/// </summary>
internal sealed class PipelineContextChatClient(IChatClient inner, AgentGuardPipelineOptions options) : DelegatingChatClient(inner)
{
    private readonly GuardAgent? _agent = string.IsNullOrWhiteSpace(options.AgentId) ? null : new GuardAgent(options.AgentId, options.AgentName);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using (Begin())
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The ambient scope does not survive a yield, so it is opened around each step of the inner stream.
        IAsyncEnumerator<ChatResponseUpdate> updates;
        using (Begin())
        {
            updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }

        await using (updates.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                using (Begin())
                {
                    more = await updates.MoveNextAsync().ConfigureAwait(false);
                }

                if (!more)
                {
                    yield break;
                }

                yield return updates.Current;
            }
        }
    }

    private AgentGuardScope Begin()
    {
        var outer = AgentGuardScope.Current?.Context ?? GuardContext.Empty;
        return AgentGuardScope.Begin(outer with
        {
            Agent = _agent ?? outer.Agent,
            Environment = options.Environment ?? outer.Environment,
            Team = options.Team ?? outer.Team,
            Policy = options.Policy ?? outer.Policy,
        });
    }
}
