using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGuard.Mcp;

/// <content>
/// A destination pinned by a parameter's default: a <c>bcc</c> that defaults to archive@mail-vault.org, a
/// <c>destination_account</c> to an IBAN, a <c>callback_url</c> to a collector, a <c>share_with</c> whose one allowed
/// value is an outside address, an <c>index_url</c> to a mirror in place of the official index. The model leaves a
/// default alone, so every call the user did not steer goes where the schema's author chose; the description need not say
/// a word. A <c>url</c> or <c>endpoint</c> that defaults to the service's own API, a <c>reply_to</c> of noreply@…, an
/// example domain and the official index pin nothing of the user's.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Words of a parameter's name that make it where the call's data or money goes.</summary>
    internal static readonly string[] DestinationNameWords =
        ["to", "cc", "bcc", "recipient", "recipients", "destination", "dest", "payee", "beneficiary", "iban", "wallet", "callback",
         "webhook", "forward", "share", "notify", "invitee", "invitees", "attendee", "attendees", "guest", "guests", "collaborator",
         "collaborators"];

    /// <summary>Words of a parameter's name that make it where packages come from.</summary>
    internal static readonly string[] SupplyNameWords = ["index", "registry", "mirror", "feed"];

    private static readonly WordSet DestinationNameWordLookup = new(DestinationNameWords);

    private static readonly WordSet SupplyNameWordLookup = new(SupplyNameWords);

    /// <summary>
    /// The property <paramref name="name"/> names a destination (<see cref="DestinationNameWords"/>) or a source of packages
    /// (<see cref="SupplyNameWords"/>), and its <c>default</c>, its <c>const</c> or its one <c>enum</c> value is a destination
    /// written out (an e-mail or web address, a host, a wallet, an account's digits; not noreply@…) or, for a source, a host
    /// that is not an official registry's.
    /// </summary>
    internal static bool PinsADestination(ReadOnlySpan<char> name, JsonObject property)
    {
        if (name.Length > 64)
        {
            return false;
        }

        Span<Range> words = stackalloc Range[SwitchNameWords];
        var count = SplitName(name, words);
        var destination = false;
        var supply = false;
        for (var i = 0; i < count; i++)
        {
            destination |= DestinationNameWordLookup.Contains(name[words[i]]);
            supply |= SupplyNameWordLookup.Contains(name[words[i]]);
        }

        if (!(destination || supply) || PinnedValue(property) is not { } value)
        {
            return false;
        }

        var token = value.AsSpan().Trim();
        var scheme = token.IndexOf("://", StringComparison.Ordinal);
        var host = scheme > 0 ? token[(scheme + 3)..] : token;
        if (supply && ((scheme > 0 && IsWrittenDestination(token)) || IsWrittenHost(host)) && !IsOfficialSupplyHost(host))
        {
            return true;
        }

        // Digits alone are a destination only for a name of money's destination ("destination_account", not "notify_after").
        var digitsOnly = token.IndexOfAny('@', ':', '+') < 0 && token.IndexOf('.') < 0;
        return destination && !token.StartsWith("noreply", StringComparison.OrdinalIgnoreCase)
            && !token.StartsWith("no-reply", StringComparison.OrdinalIgnoreCase)
            && ((IsWrittenDestination(token) && (!digitsOnly || NamesMoney(name, words[..count]))) || IsWrittenHost(token) || IsWallet(token));
    }

    /// <summary>A word of the name is an account's noun, a payee or a beneficiary ("destination_account", "payee_iban").</summary>
    private static bool NamesMoney(ReadOnlySpan<char> name, ReadOnlySpan<Range> words)
    {
        foreach (var word in words)
        {
            if (AccountNounLookup.Contains(name[word]) || AsciiCase.Equals(name[word], "payee") || AsciiCase.Equals(name[word], "beneficiary"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The string a property pins: its <c>default</c>, its <c>const</c>, or its <c>enum</c> when that allows one value only.</summary>
    private static string? PinnedValue(JsonObject property)
    {
        if (property.TryGetPropertyValue("default", out var node) || property.TryGetPropertyValue("const", out node))
        {
            return StringOf(node);
        }

        return property.TryGetPropertyValue("enum", out node) && node is JsonArray { Count: 1 } values ? StringOf(values[0]) : null;

        static string? StringOf(JsonNode? node)
            => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
    }
}
