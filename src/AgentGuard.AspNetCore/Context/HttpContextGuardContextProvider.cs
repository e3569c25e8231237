using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AgentGuard.AspNetCore;

/// <summary>Fills in the user and the session id from the current HTTP request, where the adapter supplied none.</summary>
internal sealed class HttpContextGuardContextProvider(IHttpContextAccessor accessor, IOptionsMonitor<AgentGuardHttpContextOptions> options) : IGuardContextProvider
{
    public GuardContext Enrich(GuardContext context)
    {
        if (accessor.HttpContext is not { } http || (context.User is not null && context.SessionId is not null))
        {
            return context;
        }

        var settings = options.CurrentValue;
        var user = context.User ?? ClaimsUserMapper.Map(http.User, settings.Claims);
        var session = context.SessionId;
        if (session is null && SessionId(http, settings.Session) is { } fromRequest)
        {
            session = settings.Session.ScopeToUser && user is not null ? user.Id + "/" + fromRequest : fromRequest;
        }

        return ReferenceEquals(user, context.User) && ReferenceEquals(session, context.SessionId)
            ? context
            : context with { User = user, SessionId = session };
    }

    private static string? SessionId(HttpContext http, SessionIdOptions options)
    {
        string? value = null;
        if (!string.IsNullOrEmpty(options.Header) && http.Request.Headers.TryGetValue(options.Header, out var header) && header.Count == 1)
        {
            value = header[0];
        }

        if (string.IsNullOrWhiteSpace(value) && !string.IsNullOrEmpty(options.RouteValue))
        {
            value = http.Request.RouteValues.TryGetValue(options.RouteValue, out var route) ? route?.ToString() : null;
        }

        return string.IsNullOrWhiteSpace(value) || value.Length > options.MaxLength ? null : value.Trim();
    }
}
