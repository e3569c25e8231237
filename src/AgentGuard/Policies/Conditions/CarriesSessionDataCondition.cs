using System.Text.Json;
using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// <c>When.CarriesSessionData</c>: holds when a URL at the argument path goes to a host that neither the user's prompt
/// nor a trusted tool's result showed, and its path or query (percent-decoded) carries a value that one of them did: an
/// e-mail address, an IBAN or a number of 7–19 digits. That is how an injected page has the agent leak the user's data
/// in a request ("open https://attacker/log?d= followed by the user's e-mail"). Requests to the user's own hosts, and
/// requests that carry nothing the session was given, do not match.
/// </summary>
internal sealed class CarriesSessionDataCondition(ArgumentPath path) : Condition
{
    public override string Evidence => $"{path} carries session data to a host no prompt or trusted result showed";

    public override int Order => 3;

    public override bool ReadsArguments => true;

    public override bool IsMet(in EvaluationInput input)
    {
        if (input.Session.SessionId is null || input.Call.Arguments.IsMalformed)
        {
            return false;
        }

        var session = input.Session;
        var met = false;
        path.ForEach(input.Call.Arguments.Root, session, (view, element) =>
        {
            met = element.ValueKind == JsonValueKind.String && Carries(element.GetString()!, view);
            return !met;
        });
        return met;
    }

    public override void DeclareReads(in EvaluationInput input, SessionReads reads)
    {
        if (input.Context.SessionId is not { Length: > 0 } || input.Call.Arguments.IsMalformed)
        {
            return;
        }

        path.ForEach(input.Call.Arguments.Root, reads, static (state, element) =>
        {
            if (element.ValueKind == JsonValueKind.String && Split(element.GetString()!) is { } split)
            {
                foreach (var key in split.Keys.Prepend(split.Host))
                {
                    state.Seen.Add((ValueOrigin.Prompt, key));
                    state.Seen.Add((ValueOrigin.Trusted, key));
                }
            }

            return true;
        });
    }

    private static bool Carries(string url, ISessionView session)
    {
        if (Split(url) is not { } split || Given(session, split.Host))
        {
            return false;
        }

        foreach (var key in split.Keys)
        {
            if (Given(session, key))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Given(ISessionView session, string key)
        => session.WasSeen(ValueOrigin.Prompt, key) || session.WasSeen(ValueOrigin.Trusted, key);

    /// <summary>The host key of an http(s) URL and the keys of the typed values in its path and query; null for no such URL, or one that carries none.</summary>
    private static (string Host, List<string> Keys)? Split(string value)
    {
        var text = value.AsSpan().Trim();
        var scheme = text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8 : text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : -1;
        if (scheme < 0)
        {
            return null;
        }

        var rest = text[scheme..];
        var end = rest.IndexOfAny('/', '?', '#');
        if (end < 0)
        {
            return null;
        }

        var host = ValueTokenizer.HostOf(ValueTokenizer.CanonicalUrl(rest[..end]));
        var carried = Uri.UnescapeDataString(rest[end..].ToString().Replace('+', ' '));
        var keys = new List<string>();
        foreach (var token in ValueTokenizer.Tokenize(carried.Replace('/', ' ').Replace('=', ' ').Replace('&', ' ').Replace('?', ' ')))
        {
            if (token.Kind is ValueTokenKind.Email or ValueTokenKind.Iban or ValueTokenKind.Digits)
            {
                keys.Add(token.Key);
            }
        }

        return host.IsEmpty || keys.Count == 0 ? null : ("h:" + host.ToString(), keys);
    }
}
