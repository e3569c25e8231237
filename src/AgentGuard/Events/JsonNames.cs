using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AgentGuard;

/// <summary>
/// Case-insensitive lookups of JSON property names without allocating: names are compared on their raw UTF-8 bytes,
/// decoded into a stack buffer, and only escaped or very long names fall back to a string.
/// </summary>
internal static class JsonNames
{
    private const int StackLimit = 256;

    /// <summary>Finds a property whose name equals <paramref name="name"/> ignoring case (exact spelling first).</summary>
    public static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (NameEquals(property, name))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>
    /// <see cref="TryGetProperty(JsonElement, string, out JsonElement)"/> for a name whose UTF-8 bytes the caller keeps
    /// (<paramref name="utf8Name"/>, from <see cref="Utf8Of"/>): the exact spelling is looked up without transcoding the
    /// name, and an ASCII name is compared with each raw name without checking it again.
    /// </summary>
    public static bool TryGetProperty(JsonElement obj, string name, byte[] utf8Name, bool asciiName, out JsonElement value)
    {
        if (obj.TryGetProperty(utf8Name, out value))
        {
            return true;
        }

        foreach (var property in obj.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            if (asciiName && raw.IndexOf((byte)'\\') < 0 && Ascii.IsValid(raw)
                ? raw.Length == utf8Name.Length && Ascii.EqualsIgnoreCase(raw, utf8Name)
                : NameEquals(property, name))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The UTF-8 bytes of a property name, for <see cref="TryGetProperty(JsonElement, string, byte[], bool, out JsonElement)"/>.</summary>
    public static byte[] Utf8Of(string name) => Encoding.UTF8.GetBytes(name);

    /// <summary>True when the property's name equals <paramref name="name"/> ignoring case (ordinal rules).</summary>
    public static bool NameEquals(JsonProperty property, string name)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0 && Ascii.IsValid(raw) && Ascii.IsValid(name))
        {
            // ASCII on both sides (the usual case): ignoring case is comparing bytes ignoring A-Z/a-z, no decoding.
            return Ascii.EqualsIgnoreCase(raw, name);
        }

        if (raw.Length > StackLimit || raw.IndexOf((byte)'\\') >= 0)
        {
            return string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase);
        }

        Span<char> buffer = stackalloc char[StackLimit];
        var count = Encoding.UTF8.GetChars(raw, buffer);
        return buffer[..count].Equals(name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when two properties' names are equal ignoring case.</summary>
    public static bool NamesEqual(JsonProperty left, JsonProperty right)
    {
        var a = JsonMarshal.GetRawUtf8PropertyName(left);
        var b = JsonMarshal.GetRawUtf8PropertyName(right);
        if (a.IndexOf((byte)'\\') < 0 && b.IndexOf((byte)'\\') < 0 && Ascii.IsValid(a) && Ascii.IsValid(b))
        {
            // ASCII names (the usual case): no decoding into stack buffers, and names of different lengths differ.
            return a.Length == b.Length && Ascii.EqualsIgnoreCase(a, b);
        }

        if (a.Length > StackLimit || b.Length > StackLimit || a.IndexOf((byte)'\\') >= 0 || b.IndexOf((byte)'\\') >= 0)
        {
            return string.Equals(left.Name, right.Name, StringComparison.OrdinalIgnoreCase);
        }

        Span<char> first = stackalloc char[StackLimit];
        Span<char> second = stackalloc char[StackLimit];
        var n = Encoding.UTF8.GetChars(a, first);
        var m = Encoding.UTF8.GetChars(b, second);
        return first[..n].Equals(second[..m], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Finds the first object (at any depth; linear in the size of the arguments, which their limits bound) holding two property names that differ at most in case, e.g.
    /// <c>{"iban": "a", "IBAN": "b"}</c>; returns the duplicated name, or null when there is none.
    /// </summary>
    public static string? FindDuplicateName(JsonElement element)
    {
        return Find(element);

        static string? Find(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var count = 0;
                    foreach (var _ in element.EnumerateObject())
                    {
                        count++;
                    }

                    if (count > 1 && (count <= 32 ? FindSmall(element) : FindLarge(element)) is { } duplicate)
                    {
                        return duplicate;
                    }

                    foreach (var property in element.EnumerateObject())
                    {
                        if (Find(property.Value) is { } nested)
                        {
                            return nested;
                        }
                    }

                    return null;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (Find(item) is { } nested)
                        {
                            return nested;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        static string? FindSmall(JsonElement element)
        {
            // Plain ASCII names (the usual case): a case-folded hash of each, compared pairwise; only equal hashes are
            // compared in full. A name that is escaped or not ASCII could equal another in a way the hash does not see
            // ("\u0049BAN", dotless i), so then every pair is compared as before.
            Span<int> hashes = stackalloc int[32];
            var n = 0;
            var plain = true;
            foreach (var property in element.EnumerateObject())
            {
                var raw = JsonMarshal.GetRawUtf8PropertyName(property);
                if (raw.IndexOf((byte)'\\') >= 0 || !Ascii.IsValid(raw))
                {
                    plain = false;
                    break;
                }

                hashes[n++] = FoldedHash(raw);
            }

            if (plain)
            {
                for (var a = 0; a < n; a++)
                {
                    for (var b = a + 1; b < n; b++)
                    {
                        if (hashes[a] == hashes[b] && PropertyAt(element, a) is var left && PropertyAt(element, b) is var right && NamesEqual(left, right))
                        {
                            return right.Name;
                        }
                    }
                }

                return null;
            }

            var i = 0;
            foreach (var left in element.EnumerateObject())
            {
                var j = 0;
                foreach (var right in element.EnumerateObject())
                {
                    if (j++ <= i)
                    {
                        continue;
                    }

                    if (NamesEqual(left, right))
                    {
                        return right.Name;
                    }
                }

                i++;
            }

            return null;
        }

        static JsonProperty PropertyAt(JsonElement element, int index)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (index-- == 0)
                {
                    return property;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(index));
        }

        static int FoldedHash(ReadOnlySpan<byte> ascii)
        {
            var hash = (uint)ascii.Length * 16777619u;
            foreach (var b in ascii)
            {
                hash = (hash ^ (b is >= (byte)'A' and <= (byte)'Z' ? (uint)(b | 0x20) : b)) * 16777619u;
            }

            return (int)hash;
        }

        static string? FindLarge(JsonElement element)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                if (!names.Add(property.Name))
                {
                    return property.Name;
                }
            }

            return null;
        }
    }
}
