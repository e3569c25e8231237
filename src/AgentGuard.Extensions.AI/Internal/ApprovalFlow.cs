using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>
/// Surfaces calls that need approval as M.E.AI's native <see cref="ToolApprovalRequestContent"/> and honours a
/// <see cref="ToolApprovalResponseContent"/> only for the exact call (name and arguments) that was put up for approval.
/// </summary>
/// <remarks>
/// Issued requests are remembered in the <see cref="IApprovalStore"/> (request id to fingerprint, expiring; shared
/// between replicas when the store is), and claimed once when answered. An approved response becomes a
/// one-use grant for the duration of the request that carries it; the function invoker consumes the grant only if the
/// fingerprint of the call it is about to run equals the fingerprint that was approved.
/// </remarks>
internal sealed class ApprovalFlow(TimeProvider timeProvider, TimeSpan lifetime, IApprovalStore? store = null)
{
    /// <summary>The prefix of AgentGuard's approval request ids (FICC's own are <c>ficc_</c>).</summary>
    public const string RequestIdPrefix = "agentguard_";

    private readonly IApprovalStore _store = store ?? new InMemoryApprovalStore(timeProvider);
    private readonly ConcurrentDictionary<(string CallId, string Fingerprint), GrantLease> _grants = new();

    /// <summary>Records grants for the approved responses in <paramref name="messages"/>; dispose the result when the request ends.</summary>
    public async ValueTask<GrantLease> AdmitAsync(IEnumerable<ChatMessage> messages, ToolArgumentLimits limits, CancellationToken cancellationToken)
    {
        var lease = new GrantLease(this);
        Dictionary<string, FunctionCallContent>? shown = null;
        foreach (var message in messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is ToolApprovalRequestContent { ToolCall: FunctionCallContent requested } request && IsOurs(request.RequestId))
                {
                    (shown ??= new(StringComparer.Ordinal))[request.RequestId] = requested;
                    continue;
                }

                if (content is not ToolApprovalResponseContent { ToolCall: FunctionCallContent call } response
                    || !IsOurs(response.RequestId)
                    || await _store.TryClaimAsync(response.RequestId, cancellationToken).ConfigureAwait(false) is not { } fingerprint)
                {
                    continue;
                }

                // The answer must come with the request it answers (as a caller's history does), and neither may
                // differ from the call that was put up: an answer nobody was shown (an auto-approval) grants nothing.
                if (response.Approved
                    && shown is not null
                    && shown.TryGetValue(response.RequestId, out var requestedCall)
                    && string.Equals(FunctionCallTranslator.Fingerprint(requestedCall, limits), fingerprint, StringComparison.Ordinal)
                    && string.Equals(response.RequestId, RequestIdPrefix + call.CallId, StringComparison.Ordinal)
                    && string.Equals(FunctionCallTranslator.Fingerprint(call, limits), fingerprint, StringComparison.Ordinal))
                {
                    var key = (call.CallId, fingerprint);
                    _grants[key] = lease;
                    lease.Keys.Add(key);
                }
            }
        }

        return lease;
    }

    /// <summary>Consumes the grant for this exact call, if a person approved it in the current request.</summary>
    public bool TryConsumeGrant(string? callId, string fingerprint)
    {
        if (callId is null)
        {
            return false;
        }

        return _grants.TryRemove((callId, fingerprint), out _);
    }

    /// <summary>True for AgentGuard's approval request ids.</summary>
    public static bool IsOurs(string requestId) => requestId.StartsWith(RequestIdPrefix, StringComparison.Ordinal);

    /// <summary>True when any message answers one of AgentGuard's approval requests.</summary>
    public static bool HasAnswers(IList<ChatMessage> messages)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            var contents = messages[i].Contents;
            for (var j = 0; j < contents.Count; j++)
            {
                if (contents[j] is ToolApprovalResponseContent response && IsOurs(response.RequestId))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when any message carries a call waiting for approval.</summary>
    public static bool HasPending(IList<ChatMessage> messages)
    {
        // Indexed loops: this runs on every response, and an interface foreach boxes an enumerator per list.
        for (var i = 0; i < messages.Count; i++)
        {
            if (HasPending(messages[i].Contents))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Turns pending calls in a complete response into approval requests and drops their placeholder results.</summary>
    public IList<ChatMessage> Rewrite(IList<ChatMessage> messages)
    {
        var pending = CollectPending(messages.SelectMany(m => m.Contents));
        if (pending is null)
        {
            return messages;
        }

        var rewritten = new List<ChatMessage>(messages.Count);
        foreach (var message in messages)
        {
            var contents = RewriteContents(message.Contents, pending);
            if (contents is null)
            {
                rewritten.Add(message);
            }
            else if (contents.Count > 0)
            {
                message.Contents = contents;
                rewritten.Add(message);
            }
        }

        return rewritten;
    }

    /// <summary>
    /// The streaming form of <see cref="Rewrite"/>: updates carrying function calls are held back until their results
    /// arrive (calls are not user-visible text), then released with pending calls replaced by approval requests.
    /// </summary>
    public async IAsyncEnumerable<T> RewriteAsync<T>(
        IAsyncEnumerable<T> updates,
        Func<T, IList<AIContent>> getContents,
        Action<T, IList<AIContent>> setContents,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<T>? held = null;
        HashSet<string>? open = null;
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var contents = getContents(update);
            if (held is null && !contents.Any(static c => c is FunctionCallContent or FunctionResultContent { Result: PendingApproval }))
            {
                yield return update;
                continue;
            }

            (held ??= []).Add(update);
            open ??= new HashSet<string>(StringComparer.Ordinal);
            foreach (var content in contents)
            {
                if (content is FunctionCallContent call)
                {
                    open.Add(call.CallId);
                }
                else if (content is FunctionResultContent result)
                {
                    open.Remove(result.CallId);
                }
            }

            if (open.Count == 0)
            {
                foreach (var released in Release(held, getContents, setContents))
                {
                    yield return released;
                }

                held = null;
            }
        }

        if (held is not null)
        {
            foreach (var released in Release(held, getContents, setContents))
            {
                yield return released;
            }
        }
    }

    private List<T> Release<T>(List<T> held, Func<T, IList<AIContent>> getContents, Action<T, IList<AIContent>> setContents)
    {
        var pending = CollectPending(held.SelectMany(getContents));
        if (pending is null)
        {
            return held;
        }

        var released = new List<T>(held.Count);
        foreach (var update in held)
        {
            var contents = RewriteContents(getContents(update), pending);
            if (contents is null)
            {
                released.Add(update);
            }
            else if (contents.Count > 0)
            {
                setContents(update, contents);
                released.Add(update);
            }
        }

        return released;
    }

    private static bool HasPending(IList<AIContent> contents)
    {
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is FunctionResultContent { Result: PendingApproval })
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string>? CollectPending(IEnumerable<AIContent> contents)
    {
        HashSet<string>? pending = null;
        foreach (var content in contents)
        {
            if (content is FunctionResultContent { Result: PendingApproval } result)
            {
                (pending ??= new(StringComparer.Ordinal)).Add(result.CallId);
            }
        }

        return pending;
    }

    private List<AIContent>? RewriteContents(IList<AIContent> contents, HashSet<string> pending)
    {
        List<AIContent>? rewritten = null;
        for (var i = 0; i < contents.Count; i++)
        {
            var content = contents[i];
            AIContent? replacement = content;
            if (content is FunctionResultContent { Result: PendingApproval })
            {
                replacement = null;
            }
            else if (content is FunctionCallContent call && pending.Contains(call.CallId))
            {
                replacement = new ToolApprovalRequestContent(RequestIdPrefix + call.CallId, call);
            }

            if (!ReferenceEquals(replacement, content) && rewritten is null)
            {
                rewritten = [.. contents.Take(i)];
            }

            if (rewritten is not null && replacement is not null)
            {
                rewritten.Add(replacement);
            }
        }

        return rewritten;
    }

    /// <summary>
    /// Records the pending request for <paramref name="callId"/> before the call's placeholder result is returned, so the
    /// request the caller sees is already in the store (on every replica, when the store is shared) when it is answered.
    /// </summary>
    public ValueTask RecordPendingAsync(string callId, string fingerprint, CancellationToken cancellationToken)
        => _store.AddPendingAsync(RequestIdPrefix + callId, fingerprint, timeProvider.GetUtcNow() + lifetime, cancellationToken);

    /// <summary>The grants admitted for one request; disposing withdraws the ones not used.</summary>
    internal sealed class GrantLease(ApprovalFlow flow) : IDisposable
    {
        public List<(string CallId, string Fingerprint)> Keys { get; } = [];

        public void Dispose()
        {
            foreach (var key in Keys)
            {
                flow._grants.TryRemove(new KeyValuePair<(string CallId, string Fingerprint), GrantLease>(key, this));
            }

            Keys.Clear();
        }
    }
}
