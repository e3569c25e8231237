using AgentGuard.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the AgentGuard approval page and its endpoints.</summary>
public static class ApprovalEndpoints
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/> (default <c>/agentguard/approvals</c>): <c>GET</c> the page;
    /// <c>GET api</c> the calls waiting for the signed-in approver; <c>GET api/{id}</c> one call;
    /// <c>POST api/{id}/approve</c> and <c>POST api/{id}/reject</c> with <c>{ "fingerprint": "...", "reason": "..." }</c>.
    /// All require the approver policy (<see cref="WebApprovalOptions.PolicyName"/>). Register the queue with
    /// <c>AddAgentGuard(...).AddWebApprovals()</c>.
    /// </summary>
    public static RouteGroupBuilder MapAgentGuardApprovals(this IEndpointRouteBuilder endpoints, string prefix = "/agentguard/approvals")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<WebApprovalOptions>>().Value;
        var group = endpoints.MapGroup(prefix).RequireAuthorization(options.PolicyName);
        var apiBase = prefix.TrimEnd('/') + "/api";

        group.MapGet("/", (HttpContext http, WebApprovalQueue queue, IOptionsMonitor<AgentGuardHttpContextOptions> mapping) =>
            Approver(http, mapping) is { } approver
                ? Results.Content(ApprovalPage.Render(approver, queue.ListFor(approver), apiBase), "text/html; charset=utf-8")
                : Results.Forbid());

        group.MapGet("/api", (HttpContext http, WebApprovalQueue queue, IOptionsMonitor<AgentGuardHttpContextOptions> mapping) =>
            Approver(http, mapping) is { } approver ? Results.Ok(queue.ListFor(approver)) : Results.Forbid());

        group.MapGet("/api/{id}", (string id, HttpContext http, WebApprovalQueue queue, IOptionsMonitor<AgentGuardHttpContextOptions> mapping) =>
            Approver(http, mapping) is not { } approver ? Results.Forbid()
            : queue.Find(id, approver) is { } call ? Results.Ok(call)
            : Results.NotFound(new { message = "No such call is waiting for you." }));

        group.MapPost("/api/{id}/approve", (string id, ApprovalAnswer answer, HttpContext http, WebApprovalQueue queue, IOptionsMonitor<AgentGuardHttpContextOptions> mapping)
            => Answer(id, approve: true, answer, http, queue, mapping));
        group.MapPost("/api/{id}/reject", (string id, ApprovalAnswer answer, HttpContext http, WebApprovalQueue queue, IOptionsMonitor<AgentGuardHttpContextOptions> mapping)
            => Answer(id, approve: false, answer, http, queue, mapping));
        return group;
    }

    private static IResult Answer(string id, bool approve, ApprovalAnswer answer, HttpContext http, WebApprovalQueue queue, IOptionsMonitor<AgentGuardHttpContextOptions> mapping)
    {
        if (Approver(http, mapping) is not { } approver)
        {
            return Results.Forbid();
        }

        return queue.Answer(id, approver, approve, answer) switch
        {
            AnswerResult.Accepted => Results.Ok(new { message = approve ? "Approved: the call runs." : "Rejected: the call was not run.", outcome = approve ? "approved" : "rejected" }),
            AnswerResult.FingerprintMismatch => Results.Conflict(new { message = "The call you answered is not the call that is waiting (its arguments differ). Reload and check it again." }),
            AnswerResult.SelfApproval => Results.Json(new { message = "You cannot answer a call made on your own behalf." }, statusCode: StatusCodes.Status403Forbidden),
            AnswerResult.ReasonRequired => Results.BadRequest(new { message = "Give a reason to reject a call." }),
            _ => Results.NotFound(new { message = "No such call is waiting: it was answered or timed out." }),
        };
    }

    private static string? Approver(HttpContext http, IOptionsMonitor<AgentGuardHttpContextOptions> mapping)
        => ClaimsUserMapper.Map(http.User, mapping.CurrentValue.Claims)?.Id;
}
