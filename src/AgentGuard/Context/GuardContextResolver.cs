using System.Globalization;
using System.Text.Json;

namespace AgentGuard;

/// <summary>
/// Builds the <see cref="GuardContext"/> for a call from everything that knows something about it. Precedence, most
/// specific first: what the adapter saw, the request's properties (<see cref="GuardContextKeys"/>), the ambient
/// <see cref="AgentGuardScope"/>, the registered <see cref="IGuardContextProvider"/>s, then configured defaults
/// (<c>AgentGuard:Context</c>), then the host's environment name (<see cref="HostEnvironmentNames"/>).
/// </summary>
/// <remarks>
/// Inside a guarded tool call (an agent or chat client used as a tool) the order is reversed for who and where: the
/// enclosing call's session, user, environment, team and the human's prompt win over what the nested request shows,
/// because the nested request's "user" message and options were written for it by the outer agent, whose model chose
/// the text. The nested request can only add data tags. See <c>docs/concepts.md</c>.
/// </remarks>
public sealed class GuardContextResolver
{
    private readonly IGuardContextProvider[] _providers;
    private readonly PolicyProvider _policies;
    private readonly string? _hostEnvironment;

    internal GuardContextResolver(IEnumerable<IGuardContextProvider> providers, PolicyProvider policies, string? hostEnvironmentName = null)
    {
        _providers = [.. providers];
        _policies = policies;
        _hostEnvironment = HostEnvironmentNames.ToPolicyEnvironment(hostEnvironmentName);
    }

    /// <summary>Resolves the context for one call.</summary>
    /// <param name="seen">What the adapter saw (prompt, conversation, agent); may be null.</param>
    /// <param name="properties">The request's property bag (chat options, run options, execution settings); may be null.</param>
    public GuardContext Resolve(GuardContext? seen = null, IEnumerable<KeyValuePair<string, object?>>? properties = null)
    {
        var context = seen ?? GuardContext.Empty;
        if (properties is not null)
        {
            context = ApplyProperties(context, properties);
        }

        if (AgentGuardScope.Current is { } scope)
        {
            context = scope.IsWithinToolCall ? Nest(context, scope.Context) : FillFrom(context, scope.Context);
        }

        foreach (var provider in _providers)
        {
            context = provider.Enrich(context) ?? context;
        }

        var defaults = _policies.Current.Options.Context;
        var environment = defaults.Environment ?? _hostEnvironment;
        if ((context.Environment is null && environment is not null)
            || (context.Team is null && defaults.Team is not null)
            || defaults.DataTags.Count > 0)
        {
            context = context with
            {
                Environment = context.Environment ?? environment,
                Team = context.Team ?? defaults.Team,
                DataTags = Union(context.DataTags, defaults.DataTags),
            };
        }

        return context;
    }

    /// <summary>Applies the <see cref="GuardContextKeys"/> found in <paramref name="properties"/> over <paramref name="context"/>.</summary>
    public static GuardContext ApplyProperties(GuardContext context, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(properties);

        string? sessionId = null, userId = null, agentId = null, environment = null, team = null;
        IReadOnlyList<string>? groups = null, roles = null, dataTags = null;
        bool? external = null;
        foreach (var (key, value) in properties)
        {
            if (key is null || !key.StartsWith("agentguard.", StringComparison.Ordinal) || value is null)
            {
                continue;
            }

            switch (key)
            {
                case GuardContextKeys.SessionId: sessionId = AsString(value); break;
                case GuardContextKeys.UserId: userId = AsString(value); break;
                case GuardContextKeys.UserGroups: groups = AsList(value); break;
                case GuardContextKeys.UserRoles: roles = AsList(value); break;
                case GuardContextKeys.UserExternal: external = AsBool(value); break;
                case GuardContextKeys.AgentId: agentId = AsString(value); break;
                case GuardContextKeys.Environment: environment = AsString(value); break;
                case GuardContextKeys.Team: team = AsString(value); break;
                case GuardContextKeys.DataTags: dataTags = AsList(value); break;
                default: break;
            }
        }

        if (sessionId is null && userId is null && agentId is null && environment is null && team is null
            && groups is null && roles is null && dataTags is null && external is null)
        {
            return context;
        }

        var user = context.User;
        if (!string.IsNullOrWhiteSpace(userId))
        {
            user = (user is not null && user.Id == userId ? user : new GuardUser(userId)) with
            {
                Groups = groups ?? user?.Groups ?? [],
                Roles = roles ?? user?.Roles ?? [],
                IsExternal = external ?? user?.IsExternal ?? false,
            };
        }
        else if (user is not null && (groups is not null || roles is not null || external is not null))
        {
            user = user with { Groups = groups ?? user.Groups, Roles = roles ?? user.Roles, IsExternal = external ?? user.IsExternal };
        }

        var agent = context.Agent;
        if (!string.IsNullOrWhiteSpace(agentId) && agent?.Id != agentId)
        {
            agent = new GuardAgent(agentId, agent?.Name, agent?.Instructions);
        }

        return context with
        {
            SessionId = sessionId ?? context.SessionId,
            User = user,
            Agent = agent,
            Environment = environment ?? context.Environment,
            Team = team ?? context.Team,
            DataTags = dataTags is null ? context.DataTags : Union(context.DataTags, dataTags),
        };
    }

    private static GuardContext FillFrom(GuardContext context, GuardContext ambient) => context with
    {
        SessionId = context.SessionId ?? ambient.SessionId,
        User = context.User ?? ambient.User,
        Agent = context.Agent ?? ambient.Agent,
        Environment = context.Environment ?? ambient.Environment,
        Team = context.Team ?? ambient.Team,
        Policy = context.Policy ?? ambient.Policy,
        Prompt = context.Prompt ?? ambient.Prompt,
        Conversation = context.Conversation ?? ambient.Conversation,
        DataTags = Union(context.DataTags, ambient.DataTags),
        Attributes = context.Attributes ?? ambient.Attributes,
    };

    /// <summary>
    /// The context of a request made inside a guarded tool call: the enclosing session's identity and the human's
    /// prompt; the nested request's own "prompt" is model output, so it is never the prompt (a value the outer model
    /// placed in the task must not pass a provenance rule). Its agent and policy (host configuration of the inner
    /// pipeline) are kept; data tags accumulate.
    /// </summary>
    private static GuardContext Nest(GuardContext nested, GuardContext enclosing) => nested with
    {
        SessionId = enclosing.SessionId ?? nested.SessionId,
        User = enclosing.User ?? nested.User,
        Agent = nested.Agent ?? enclosing.Agent,
        Environment = enclosing.Environment ?? nested.Environment,
        Team = enclosing.Team ?? nested.Team,
        Policy = nested.Policy ?? enclosing.Policy,
        Prompt = enclosing.Prompt,
        Conversation = enclosing.Conversation,
        DataTags = Union(nested.DataTags, enclosing.DataTags),
        Attributes = nested.Attributes ?? enclosing.Attributes,
    };

    private static IReadOnlyList<string> Union(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        if (second.Count == 0)
        {
            return first;
        }

        if (first.Count == 0)
        {
            return second;
        }

        return [.. first.Union(second, StringComparer.OrdinalIgnoreCase)];
    }

    private static string? AsString(object value) => value switch
    {
        string s => string.IsNullOrWhiteSpace(s) ? null : s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement e => e.GetRawText(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static bool? AsBool(object value) => value switch
    {
        bool b => b,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        _ => bool.TryParse(AsString(value), out var parsed) ? parsed : null,
    };

    private static IReadOnlyList<string>? AsList(object value) => value switch
    {
        string s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        IEnumerable<string> strings => [.. strings],
        JsonElement { ValueKind: JsonValueKind.Array } e => [.. e.EnumerateArray().Select(x => x.ToString())],
        _ => AsString(value) is { } text ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
    };
}
