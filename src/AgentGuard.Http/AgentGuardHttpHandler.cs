using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentGuard.Http;

/// <summary>
/// Guards every request of an <see cref="HttpClient"/>: each request is decided by the engine as a
/// <see cref="ToolKind.HttpRequest"/> event before it leaves the process. A denied request is never sent: the caller
/// gets <see cref="ToolCallDeniedException"/>, or a response with <see cref="AgentGuardHttpOptions.DeniedStatusCode"/>.
/// </summary>
/// <remarks>
/// Add it with <c>services.AddHttpClient(...).AddAgentGuard()</c>, or for every factory client with
/// <c>AgentGuard:Http:GuardAllHttpClients</c>. It is outermost in the handler chain, so retries do not re-ask.
/// Redirects followed by the primary handler are not decided again: keep <c>AllowAutoRedirect</c> off for strict egress control.
/// </remarks>
public sealed partial class AgentGuardHttpHandler : DelegatingHandler
{
    /// <summary>The response header set on a denial answered with a status code.</summary>
    public const string DecisionHeader = "X-AgentGuard-Decision";

    private readonly ToolGuard _guard;
    private readonly IOptionsMonitor<AgentGuardHttpOptions> _options;
    private readonly HttpEventFactory _events;
    private readonly ILogger _logger;

    /// <summary>Creates the handler (usually done for you by <c>AddAgentGuard()</c>).</summary>
    /// <param name="guard">The AgentGuard pipeline.</param>
    /// <param name="options">The HTTP options.</param>
    /// <param name="secretDetector">Finds secrets in URLs and bodies; none when null.</param>
    /// <param name="logger">A logger; none when null.</param>
    public AgentGuardHttpHandler(ToolGuard guard, IOptionsMonitor<AgentGuardHttpOptions> options, ISecretDetector? secretDetector = null, ILogger<AgentGuardHttpHandler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(options);
        _guard = guard;
        _options = options;
        _events = new HttpEventFactory(secretDetector, () => _options.CurrentValue, () => _guard.ArgumentLimits);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = await _events.CreateAsync(request, cancellationToken).ConfigureAwait(false);
        var context = _guard.ContextResolver.Resolve();
        var decision = await _guard.AuthorizeAsync(call, context, useApprovalHandler: true, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            return Denied(request, call, decision);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // HttpClient.Send is synchronous by contract; the decision is in-process and does not wait on I/O unless an
        // approval handler is asked, so blocking here is the host's own choice of the synchronous API.
        var call = _events.CreateAsync(request, cancellationToken).AsTask().GetAwaiter().GetResult();
        var context = _guard.ContextResolver.Resolve();
        var decision = _guard.AuthorizeAsync(call, context, useApprovalHandler: true, cancellationToken).AsTask().GetAwaiter().GetResult();
        if (!decision.IsAllowed)
        {
            return Denied(request, call, decision);
        }

        return base.Send(request, cancellationToken);
    }

    private HttpResponseMessage Denied(HttpRequestMessage request, ToolCallEvent call, Decision decision)
    {
        LogDenied(request.Method.Method, call.ToolName, decision.RuleIds.Count == 0 ? "(default)" : string.Join(",", decision.RuleIds));
        if (_options.CurrentValue.DeniedStatusCode is not { } status)
        {
            throw new ToolCallDeniedException(decision);
        }

        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            RequestMessage = request,
            ReasonPhrase = "Denied by policy",
            Content = new StringContent(decision.ModelMessage),
        };
        response.Headers.TryAddWithoutValidation(DecisionHeader, "deny");
        return response;
    }

    [LoggerMessage(3701, LogLevel.Information, "HTTP {Method} to {Host} was not sent (rules: {RuleIds}).")]
    private partial void LogDenied(string method, string host, string ruleIds);
}
