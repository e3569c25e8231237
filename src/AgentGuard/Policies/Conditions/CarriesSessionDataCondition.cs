using System.Text.Json;
using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// <c>When.CarriesSessionData</c>: holds when a URL at the argument path goes to a host that neither the user's prompt
/// nor a trusted tool's result showed, and its path or query (percent-decoded) carries a value that one of them did: an
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
        AddTypedKeys(carried, keys);

        // The page's script picks the encoding: a value may travel as base64 (either alphabet) or hex, one layer.
        foreach (var piece in carried.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Decoded(piece) is { } decoded)
            {
                AddTypedKeys(decoded, keys);
            }
        }

        return host.IsEmpty || keys.Count == 0 ? null : ("h:" + host.ToString(), keys);
    }

    private static readonly char[] Separators = ['/', '?', '&', '=', ' ', '#', ';', ','];

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
