using System.Globalization;
using System.Net;

namespace AgentGuard.Http;

/// <summary>
/// The one spelling of a host that rules are matched against: lower case, punycode (IDN), no trailing dot, and an
/// IPv4 address for every IPv6 form that reaches an IPv4 host (<c>[::ffff:169.254.169.254]</c>, <c>[::ffff:a9fe:a9fe]</c>,
/// NAT64 <c>[64:ff9b::a9fe:a9fe]</c>). The same function canonicalises the hosts written in rules, so a rule written
/// in Unicode matches the punycode request and the other way round.
/// </summary>
internal static class HttpHost
{
    private static readonly IdnMapping Idn = new();

    /// <summary>The canonical host of an absolute request URI.</summary>
    public static string Canonical(Uri uri)
    {
        // IdnHost is already punycode and lower case; IPv4 in decimal, octal or hex forms is already dotted decimal.
        var host = uri.IdnHost;
        if (uri.HostNameType == UriHostNameType.IPv6 && TryCanonicalAddress(host, out var address))
        {
            return address;
        }

        return host.TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>
    /// Canonicalises a host or host glob written in a rule (labels may mix Unicode and punycode). Returns false with a
    /// problem naming the fix when it cannot: a glob inside a Unicode label, or a label that is not valid punycode.
    /// </summary>
    public static bool TryCanonicalPattern(string pattern, out string canonical, out string? problem)
    {
        canonical = pattern;
        problem = null;
        var text = pattern.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        var hasGlob = text.AsSpan().IndexOfAny('*', '?') >= 0;
        if (!hasGlob && TryCanonicalAddress(text, out var address))
        {
            canonical = address;
            return true;
        }

        var labels = text.TrimEnd('.').ToLowerInvariant().Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            var labelHasGlob = label.AsSpan().IndexOfAny('*', '?') >= 0;
            if (!System.Text.Ascii.IsValid(label))
            {
                if (labelHasGlob)
                {
                    problem = $"'{pattern}' has a glob inside an internationalised label; write that label in punycode (xn--…) so it can be matched.";
                    return false;
                }

                if (!TryToAscii(label, out var ascii))
                {
                    problem = $"'{pattern}' has a label that is not a valid internationalised domain name.";
                    return false;
                }

                labels[i] = ascii;
            }
            else if (label.StartsWith("xn--", StringComparison.Ordinal) && !labelHasGlob && !IsValidPunycode(label))
            {
                problem = $"'{pattern}' has a label '{label}' that is not valid punycode; write the host in Unicode or in correct punycode.";
                return false;
            }
        }

        canonical = string.Join('.', labels);
        return true;
    }

    private static bool TryCanonicalAddress(string text, out string canonical)
    {
        canonical = text;
        var bare = text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : text;
        var isIPv6 = bare.Contains(':', StringComparison.Ordinal);
        if (!isIPv6 && (bare.Count(static c => c == '.') != 3 || !bare.All(static c => char.IsAsciiDigit(c) || c == '.')))
        {
            return false;
        }

        if (!IPAddress.TryParse(bare, out var ip))
        {
            return false;
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }
        else if (IsNat64(ip))
        {
            ip = new IPAddress(ip.GetAddressBytes().AsSpan(12, 4));
        }

        if (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            ip.ScopeId = 0;
        }

        canonical = ip.ToString().ToLowerInvariant();
        return true;
    }

    /// <summary>The NAT64 well-known prefix 64:ff9b::/96 (RFC 6052) reaches the embedded IPv4 address.</summary>
    private static bool IsNat64(IPAddress ip)
    {
        if (ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return false;
        }

        ReadOnlySpan<byte> prefix = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];
        return ip.GetAddressBytes().AsSpan(0, 12).SequenceEqual(prefix);
    }

    private static bool TryToAscii(string label, out string ascii)
    {
        try
        {
            ascii = Idn.GetAscii(label);
            return true;
        }
        catch (ArgumentException)
        {
            ascii = label;
            return false;
        }
    }

    private static bool IsValidPunycode(string label)
    {
        try
        {
            return string.Equals(Idn.GetAscii(Idn.GetUnicode(label)), label, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
