using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>
/// Surfaces calls that need approval as M.E.AI's native <see cref="ToolApprovalRequestContent"/> and honours a
/// <see cref="ToolApprovalResponseContent"/> only for the exact call that was put up for approval, in the session and
/// for the user it was put up for.
/// </summary>
/// <remarks>
/// <para>
/// Each pending call gets its own request id, <c>agentguard_</c> plus a random nonce (never the model's call id, which
/// the model chooses: two sessions, or two calls of one turn, may use the same one). The approval store remembers,
/// per request id, a binding over the call's fingerprint, its call id, the session id and the user id, and the ids of
/// the rules that asked; it is claimed once, when answered, and the answer grants only if the binding recomputed from
/// the answering request matches.
/// </para>
/// <para>
/// A grant answers the reasons it was asked for: when the call is decided again as it resumes, every rule that asks for
/// approval then must have been among those that asked when the person was shown the call. A reason added in between
/// (a parallel call labelled the session, a code policy began to ask) puts the call up again; a rule that denies it
/// since then wins anyway, as no grant turns a denial into an allow.
/// </para>
/// <para>
/// A grant is not a string anyone can present: it is attached to the very <see cref="FunctionInvocationContext"/>
/// object the resume step builds for the answered call, so only that invocation, in the request that carried the
/// answer, can consume it.
/// </para>
/// </remarks>
internal sealed class ApprovalFlow(TimeProvider timeProvider, TimeSpan lifetime, IApprovalStore? store = null)
{
    /// <summary>The prefix of AgentGuard's approval request ids (FICC's own are <c>ficc_</c>).</summary>
    public const string RequestIdPrefix = "agentguard_";

    private readonly IApprovalStore _store = store ?? new InMemoryApprovalStore(timeProvider);
    private readonly ConditionalWeakTable<FunctionInvocationContext, Grant> _grants = [];

    /// <summary>A new request id: the prefix and 128 random bits, URL-safe.</summary>
    public static string NewRequestId()
    {
        Span<byte> nonce = stackalloc byte[16];
        RandomNumberGenerator.Fill(nonce);
        return RequestIdPrefix + Base64Url.EncodeToString(nonce);
    }

    /// <summary>
    /// What a request is bound to: the call (fingerprint and id) and who it was asked for (session and user). A
    /// length-prefixed encoding, so no two different tuples hash alike.
    /// </summary>
    public static string Binding(string fingerprint, string? callId, GuardContext context)
    {
        var text = new StringBuilder(160);
        foreach (var part in (ReadOnlySpan<string?>)[fingerprint, callId, context.SessionId, context.User?.Id])
        {
            text.Append(part?.Length ?? -1).Append(':').Append(part).Append('|');
        }

        return "bind:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Claims the approval answers in <paramref name="messages"/> for the request whose session facts are
    /// <paramref name="context"/>; the approved ones become grants the resume step attaches to the calls it replays.
    /// Dispose the result when the request ends.
    /// </summary>
    public async ValueTask<GrantLease> AdmitAsync(IEnumerable<ChatMessage> messages, GuardContext context, ToolArgumentLimits limits, CancellationToken cancellationToken)
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
                    || await _store.TryClaimAsync(response.RequestId, cancellationToken).ConfigureAwait(false) is not { } stored
                    || !TryReadStored(stored, out var binding, out var ruleIds))
                {
                    continue;
                }

                // The answer must come with the request it answers (as a caller's history does), neither may differ
                // from the call that was put up, and it must be answered in the session, for the user, it was asked
                // for: an answer nobody was shown (an auto-approval) or sent from another session grants nothing.
                var fingerprint = FunctionCallTranslator.Fingerprint(call, limits);
                if (response.Approved
                    && shown is not null
                    && shown.TryGetValue(response.RequestId, out var requestedCall)
                    && string.Equals(requestedCall.CallId, call.CallId, StringComparison.Ordinal)
                    && string.Equals(FunctionCallTranslator.Fingerprint(requestedCall, limits), fingerprint, StringComparison.Ordinal)
                    && string.Equals(Binding(fingerprint, call.CallId, context), binding, StringComparison.Ordinal))
                {
                    lease.Admitted[response.RequestId] = new Grant(call.CallId, fingerprint, ruleIds);
                }
            }
        }

        return lease;
    }

    /// <summary>
    /// Consumes the grant attached to this very invocation, if it is for this exact call and answers every reason the
    /// call needs approval for now (<paramref name="decision"/>'s rules were all among those the person was asked
    /// about). A grant that does not cover the call is withdrawn: the call is put up again.
    /// </summary>
    public bool TryConsumeGrant(FunctionInvocationContext invocation, string? callId, string fingerprint, Decision decision)
    {
        if (!_grants.TryGetValue(invocation, out var grant) || !_grants.Remove(invocation))
        {
            return false;
        }

        return string.Equals(grant.CallId, callId, StringComparison.Ordinal)
           && string.Equals(grant.Fingerprint, fingerprint, StringComparison.Ordinal)
           && decision.Effect == DecisionEffect.RequireApproval
           && Covers(grant.RuleIds, decision.RuleIds);
    }

    /// <summary>True when every id in <paramref name="now"/> is in <paramref name="asked"/>.</summary>
    private static bool Covers(string[] asked, IReadOnlyList<string> now)
    {
        for (var i = 0; i < now.Count; i++)
        {
            if (Array.IndexOf(asked, now[i]) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// What the store keeps for a request: the binding, then each rule id that asked, length-prefixed (an id may hold
    /// any character).
    /// </summary>
    internal static string Stored(string binding, IReadOnlyList<string> ruleIds)
    {
        var text = new StringBuilder(binding.Length + (ruleIds.Count * 24));
        text.Append(binding);
        foreach (var id in ruleIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            text.Append('|').Append(id.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(id);
        }

        return text.ToString();
    }

    /// <summary>Reads <see cref="Stored"/>; false for anything else (a request recorded by an older version grants nothing).</summary>
    internal static bool TryReadStored(string stored, out string binding, out string[] ruleIds)
    {
        ruleIds = [];
        var end = stored.IndexOf('|', StringComparison.Ordinal);
        binding = end < 0 ? stored : stored[..end];
        if (!binding.StartsWith("bind:", StringComparison.Ordinal))
        {
            return false;
        }

        var ids = new List<string>();
        var at = end;
        while (at >= 0 && at < stored.Length)
        {
            var colon = stored.IndexOf(':', at + 1);
            if (stored[at] != '|'
                || colon < 0
                || !int.TryParse(stored.AsSpan(at + 1, colon - at - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
                || length > stored.Length - colon - 1)
            {
                return false;
            }

            ids.Add(stored.Substring(colon + 1, length));
            at = colon + 1 + length;
        }

        ruleIds = [.. ids];
        return true;
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

    /// <summary>The request ids of the pending calls, per call id in call order (a model may reuse an id within a turn).</summary>
    private static Dictionary<string, Queue<string>>? CollectPending(IEnumerable<AIContent> contents)
    {
        Dictionary<string, Queue<string>>? pending = null;
        foreach (var content in contents)
        {
            if (content is FunctionResultContent { Result: PendingApproval placeholder } result)
            {
                pending ??= new(StringComparer.Ordinal);
                if (!pending.TryGetValue(result.CallId, out var ids))
                {
                    pending[result.CallId] = ids = new Queue<string>(1);
                }

                ids.Enqueue(placeholder.RequestId);
            }
        }

        return pending;
    }

    private static List<AIContent>? RewriteContents(IList<AIContent> contents, Dictionary<string, Queue<string>> pending)
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
            else if (content is FunctionCallContent call && pending.TryGetValue(call.CallId, out var ids) && ids.TryDequeue(out var requestId))
            {
                replacement = new ToolApprovalRequestContent(requestId, call);
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
    /// Issues a request for a pending call and records it before the call's placeholder result is returned, so the
    /// request the caller sees is already in the store (on every replica, when the store is shared) when it is answered.
    /// </summary>
    /// <returns>The new request id.</returns>
    public async ValueTask<string> RecordPendingAsync(string callId, string fingerprint, GuardContext context, Decision decision, CancellationToken cancellationToken)
    {
        var requestId = NewRequestId();
        await _store.AddPendingAsync(requestId, Stored(Binding(fingerprint, callId, context), decision.RuleIds), timeProvider.GetUtcNow() + lifetime, cancellationToken).ConfigureAwait(false);
        return requestId;
    }

    /// <summary>A person's approval of one exact call, for the reasons (rule ids) they were asked about.</summary>
    internal sealed record Grant(string CallId, string Fingerprint, string[] RuleIds);

    /// <summary>The grants admitted for one request; disposing withdraws the ones not used.</summary>
    internal sealed class GrantLease(ApprovalFlow flow) : IDisposable
    {
        private readonly List<FunctionInvocationContext> _attached = [];

        public Dictionary<string, Grant> Admitted { get; } = new(StringComparer.Ordinal);

        /// <summary>Attaches the grant admitted for <paramref name="requestId"/> to the invocation that replays its call.</summary>
        public void Attach(FunctionInvocationContext invocation, string requestId)
        {
            if (Admitted.Remove(requestId, out var grant))
            {
                flow._grants.AddOrUpdate(invocation, grant);
                _attached.Add(invocation);
            }
        }

        public void Dispose()
        {
            foreach (var invocation in _attached)
            {
                flow._grants.Remove(invocation);
            }

            _attached.Clear();
            Admitted.Clear();
        }
    }
}
