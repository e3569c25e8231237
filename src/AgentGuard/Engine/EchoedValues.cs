using System.Text;
using System.Text.Json;
using AgentGuard.Provenance;

namespace AgentGuard;

/// <summary>
/// A trusted tool's result repeating its own arguments vouches for nothing: the model chose those values (it may have
/// rebuilt them from an untrusted page that hid them reversed, spelled out or split, where no reader saw them as values),
/// and a validator or formatter that repeats them has not said where they came from. So the typed values (e-mail
/// addresses, IBANs, URLs, phone and account numbers) and the longer numbers that the call's arguments held are cut out
/// of the text before it is remembered as trusted; the rest of the result (its words, the values it produced) still is.
/// </summary>
/// <remarks>
/// A cut value is replaced by <see cref="Placeholder"/>, itself a typed value (a domain under the reserved
/// <c>.invalid</c> name, RFC 2606), so the words on either side do not join into a sequence the result never held.
/// A value the user gave, or one an earlier trusted result produced, stays vouched for by that sighting.
/// </remarks>
internal static class EchoedValues
{
    /// <summary>What stands for a cut value in the remembered text.</summary>
    internal const string Placeholder = " agentguard.invalid ";

    /// <summary>The most argument string values read (arguments are bounded by the argument limits already).</summary>
    private const int MaxStrings = 1024;

    /// <summary>
    /// The keys (<see cref="ValueToken.Key"/>) of the typed values and of the numbers of at least
    /// <see cref="ProvenanceValue.MinimumWordChars"/> digits in <paramref name="arguments"/> (values and property
    /// names), or null when there are none (the usual case: nothing is cut).
    /// </summary>
    public static HashSet<string>? Of(ToolArguments arguments)
    {
        if (arguments.IsMalformed)
        {
            return null;
        }

        HashSet<string>? keys = null;
        var budget = MaxStrings;
        Walk(arguments.Root, ref keys, ref budget, depth: 0);
        return keys;
    }

    /// <summary>
    /// <paramref name="text"/> with every value whose key is in <paramref name="keys"/> replaced by
    /// <see cref="Placeholder"/>; the text itself when it holds none.
    /// </summary>
    public static string Cut(string text, HashSet<string> keys)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var prepared = ValueTokenizer.Prepare(text);
        var tokens = new List<ValueToken>(Math.Min(256, (prepared.Length / 6) + 2));
        var spans = new List<Range>(tokens.Capacity);
        ValueTokenizer.Tokenize(prepared, tokens, spans);
        StringBuilder? cut = null;
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!Counts(tokens[i]) || !keys.Contains(tokens[i].Key))
            {
                continue;
            }

            var (start, length) = spans[i].GetOffsetAndLength(prepared.Length);
            cut ??= new StringBuilder(prepared.Length);
            cut.Append(prepared, copied, start - copied).Append(Placeholder);
            copied = start + length;
        }

        return cut is null ? text : cut.Append(prepared, copied, prepared.Length - copied).ToString();
    }

    /// <summary>A typed value, or a word of only digits long enough for provenance to check it as a number.</summary>
    private static bool Counts(ValueToken token)
        => token.Kind != ValueTokenKind.Word || (token.Canonical.Length >= ProvenanceValue.MinimumWordChars && IsDigits(token.Canonical));

    private static void Walk(JsonElement element, ref HashSet<string>? keys, ref int budget, int depth)
    {
        if (budget <= 0 || depth > 64)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Add(property.Name, ref keys, ref budget);
                    Walk(property.Value, ref keys, ref budget, depth + 1);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, ref keys, ref budget, depth + 1);
                }

                break;
            case JsonValueKind.String:
                Add(element.GetString()!, ref keys, ref budget);
                break;
            case JsonValueKind.Number:
                Add(element.GetRawText(), ref keys, ref budget);
                break;
            default:
                break;
        }
    }

    private static void Add(string value, ref HashSet<string>? keys, ref int budget)
    {
        budget--;
        if (value.Length < ProvenanceValue.MinimumWordChars)
        {
            return;
        }

        foreach (var token in ValueTokenizer.Tokenize(value))
        {
            if (Counts(token))
            {
                (keys ??= new HashSet<string>(StringComparer.Ordinal)).Add(token.Key);
            }
        }
    }

    private static bool IsDigits(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
