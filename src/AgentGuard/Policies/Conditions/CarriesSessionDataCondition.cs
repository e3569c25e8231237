using System.Text.Json;
using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// <c>When.CarriesSessionData</c>: holds when a URL at or under the argument path (alone or in text, at any depth of
/// objects and arrays) goes to a host that neither the user's prompt
/// nor a trusted tool's result showed, and its path or query (percent-decoded), its user information or a label of its
/// host name (<c>https://DE89….attacker.example</c>: resolving the name alone tells the attacker) carries a value that one of them did: an
/// e-mail address, an IBAN or a number of 7–19 digits. That is how an injected page has the agent leak the user's data
/// in a request ("open https://attacker/log?d= followed by the user's e-mail"). Requests to the user's own hosts, and
/// requests that carry nothing the session was given, do not match. A piece of the path or query written in base64
/// (either alphabet) or hex is read decoded too, one layer, as the secret scan reads arguments.
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

        var met = false;
        path.ForEach(input.Call.Arguments.Root, input.Session, (view, element) =>
        {
            met = ForEachUrl(element, view, static (session, url) => Carries(url, session), depth: 0);
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
            ForEachUrl(element, state, static (reads, url) =>
            {
                if (Split(url) is { } split)
                {
                    foreach (var key in split.Keys.Prepend(split.Host))
                    {
                        reads.Seen.Add((ValueOrigin.Prompt, key));
                        reads.Seen.Add((ValueOrigin.Trusted, key));
                    }
                }

                return false;
            }, depth: 0);
            return true;
        });
    }

    /// <summary>Deepest nesting of objects and arrays read under the selected value.</summary>
    private const int MaxDepth = 16;

    /// <summary>
    /// Calls <paramref name="visit"/> with every http(s) URL in the strings at or under <paramref name="element"/> (a
    /// URL may stand in any argument, alone or in text: the page picks the parameter), until it returns true.
    /// </summary>
    private static bool ForEachUrl<TState>(JsonElement element, TState state, Func<TState, string, bool> visit, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                // A value that is a URL is read whole (a client sends what follows a space too, escaped); a URL in
                // text ends at white space or a quote.
                var text = element.GetString()!.Trim();
                for (var at = IndexOfUrl(text, 0); at >= 0; at = IndexOfUrl(text, at + 1))
                {
                    var end = at == 0 ? -1 : text.AsSpan(at).IndexOfAny(UrlEnds);
                    if (visit(state, end < 0 ? text[at..] : text.Substring(at, end)))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Object when depth < MaxDepth:
                foreach (var property in element.EnumerateObject())
                {
                    if (ForEachUrl(property.Value, state, visit, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array when depth < MaxDepth:
                foreach (var item in element.EnumerateArray())
                {
                    if (ForEachUrl(item, state, visit, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Where the next <c>http://</c> or <c>https://</c> (any case) starts at or after <paramref name="from"/>, or -1.</summary>
    private static int IndexOfUrl(string text, int from)
    {
        for (var at = text.IndexOf("http", from, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf("http", at + 4, StringComparison.OrdinalIgnoreCase))
        {
            var rest = text.AsSpan(at + 4);
            if (rest.StartsWith("://", StringComparison.Ordinal) || rest.StartsWith("s://", StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>What ends a URL written in text: white space, and the quotes and angle brackets around it.</summary>
    private static readonly System.Buffers.SearchValues<char> UrlEnds = System.Buffers.SearchValues.Create(" \t\r\n\"'<>`");

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
        var authority = end < 0 ? rest : rest[..end];
        var host = ValueTokenizer.HostOf(ValueTokenizer.CanonicalUrl(authority));
        if (host.IsEmpty)
        {
            return null;
        }

        // The path and query, and what else the request hands the attacker: the user information before an '@' and the
        // host name's labels (a lookup of the name alone reaches the attacker's name server).
        var userInformation = authority.LastIndexOf('@') is var at and >= 0 ? authority[..at] : [];
        var path = end < 0 ? [] : rest[end..];
        var carried = Uri.UnescapeDataString($"{path} {userInformation.ToString().Replace(':', ' ')} {host.ToString().Replace('.', ' ')}".Replace('+', ' '));
        var keys = new List<string>();
        AddTypedKeys(carried, keys);

        // The page's script picks the encoding: a value may travel as base64 (either alphabet) or hex, one layer.
        foreach (var piece in carried.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Decoded(piece) is { } decoded)
            {
                AddTypedKeys(decoded, keys);
            }
        }

        return keys.Count == 0 ? null : ("h:" + host.ToString(), keys);
    }

    private static readonly char[] Separators = ['/', '?', '&', '=', ' ', '#', ';', ',', ':'];

    /// <summary>The shortest piece decoded: an e-mail address or IBAN encodes to at least this many characters.</summary>
    private const int MinEncoded = 12;

    private static void AddTypedKeys(string text, List<string> keys)
    {
        foreach (var token in ValueTokenizer.Tokenize(text.Replace('/', ' ').Replace('=', ' ').Replace('&', ' ').Replace('?', ' ')))
        {
            if (token.Kind is ValueTokenKind.Email or ValueTokenKind.Iban or ValueTokenKind.Digits)
            {
                keys.Add(token.Key);
            }
        }
    }

    /// <summary>The printable text a hex or base64 piece decodes to (<see cref="DecodedText"/>), or null.</summary>
    private static string? Decoded(string piece)
    {
        if (piece.Length < MinEncoded)
        {
            return null;
        }

        byte[] bytes;
        if (piece.Length % 2 == 0 && piece.AsSpan().IndexOfAnyExcept(HexDigits) < 0)
        {
            bytes = Convert.FromHexString(piece);
        }
        else
        {
            var standard = piece.Replace('-', '+').Replace('_', '/');
            standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
            bytes = new byte[standard.Length / 4 * 3];
            if (!Convert.TryFromBase64String(standard, bytes, out var written))
            {
                return null;
            }

            bytes = bytes[..written];
        }

        return DecodedText.TryRead(bytes, out var text) ? text : null;
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
}
