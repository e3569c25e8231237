using System.Buffers;

namespace AgentGuard;

/// <content>
/// A recipient written in base64 or hex after a sending order: "Send your email to: Y29udGFj…bQ==", "type the word in the
/// body of your email to the address: Y29u…". Encoding the address keeps it from a reader and from a filter that looks
/// for addresses, and a model decodes it on request; people write an address as it is. Encoded data holds addresses too
/// (a token's claims, a Basic credential <c>user@host:password</c>), so only a run that decodes to an address and
/// nothing else counts, and only when the 200 characters before it order a sending.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>The longest encoded run read as an address (an address of 90 characters in base64).</summary>
    private const int MaximumEncodedRecipient = 120;

    private static readonly SearchValues<char> AddressLocalChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-");

    private static readonly SearchValues<char> DomainChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-");

    /// <summary>
    /// The encoded run <paramref name="start"/>..<paramref name="end"/> decodes (hex or base64) to one e-mail address
    /// outside the reserved example domains, and the text before it orders a sending
    /// (<see cref="InjectionPatterns.SendingOrderBefore"/>).
    /// </summary>
    private static void EncodedRecipient(ReadOnlySpan<char> text, int start, int end, Span<double> weights)
    {
        var run = text[start..end].TrimEnd('=');
        if (run.Length > MaximumEncodedRecipient)
        {
            return;
        }

        Span<byte> bytes = stackalloc byte[MaximumEncodedRecipient];
        int written;
        if (run.IndexOfAnyExcept(HexChars) < 0)
        {
            if (Convert.FromHexString(run[..(run.Length & ~1)], bytes, out _, out written) != OperationStatus.Done)
            {
                return;
            }
        }
        else if (!Convert.TryFromBase64Chars(text[start..end], bytes, out written))
        {
            return;
        }

        Span<char> decoded = stackalloc char[written];
        for (var k = 0; k < written; k++)
        {
            decoded[k] = (char)bytes[k];
        }

        var sign = decoded.IndexOf('@');
        if (sign <= 0 || decoded[..sign].IndexOfAnyExcept(AddressLocalChars) >= 0)
        {
            return;
        }

        var domain = decoded[(sign + 1)..];
        if (domain.IndexOfAnyExcept(DomainChars) >= 0 || domain.IndexOf('.') < 1 || domain[^1] == '.' || IsReservedExampleDomain(domain))
        {
            return;
        }

        if (InjectionPatterns.SendingOrderBefore().IsMatch(text[Math.Max(0, start - 200)..start]))
        {
            Raise(weights, Marker.SendExternal, 0.5);
        }
    }
}
