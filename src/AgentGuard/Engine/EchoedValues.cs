using System.Text;
using System.Text.Json;
using AgentGuard.Provenance;

namespace AgentGuard;

/// <summary>
/// A trusted tool's result repeating its own arguments vouches for nothing: the model chose those values (it may have
/// rebuilt them from an untrusted page that hid them reversed, spelled out or split, where no reader saw them as values),
/// and a validator or formatter that repeats them has not said where they came from. So the typed values (e-mail
/// addresses, IBANs, URLs, phone and account numbers), the longer numbers, and the whole word sequences of arguments
/// made of words only (a name) that the call's arguments held are cut out of the text before it is remembered as
/// trusted — read as provenance reads an argument (<see cref="ProvenanceValue"/>); the rest of the result (its other
/// words, the values it produced) still is. Only a trusted result with such arguments pays for this.
/// </summary>
/// <remarks>
/// A cut value is replaced by <see cref="Placeholder"/>, itself a typed value (a domain under the reserved
/// <c>.invalid</c> name, RFC 2606), so the words on either side do not join into a sequence the result never held.
/// A value the user gave, or one an earlier trusted result produced, stays vouched for by that sighting.
/// </remarks>
internal sealed class EchoedValues
{
    /// <summary>What stands for a cut value in the remembered text.</summary>
    internal const string Placeholder = " agentguard.invalid ";

    /// <summary>The most argument strings read, and word sequences kept (arguments are bounded by the limits already).</summary>
    private const int MaxStrings = 1024;

    private const int MaxSequences = 64;

    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly List<string[]> _sequences = [];

    private EchoedValues()
    {
    }

    /// <summary>
    /// What <paramref name="arguments"/> hold that a result must not vouch for (values and property names), or null
    /// when there is nothing (the usual case: nothing is cut).
    /// </summary>
    public static EchoedValues? Of(ToolArguments arguments)
    {
        if (arguments.IsMalformed)
        {
            return null;
        }

        EchoedValues? echoed = null;
        var budget = MaxStrings;
        Walk(arguments.Root, ref echoed, ref budget, depth: 0);
        return echoed;
    }

    /// <summary>
    /// <paramref name="text"/> with every echoed value replaced by <see cref="Placeholder"/>; the text itself when it
    /// holds none.
    /// </summary>
    public string Cut(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var prepared = ValueTokenizer.Prepare(text);
        var tokens = new List<ValueToken>(Math.Min(256, (prepared.Length / 6) + 2));
        var spans = new List<Range>(tokens.Capacity);
        ValueTokenizer.Tokenize(prepared, tokens, spans);
        bool[]? cut = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Counts(tokens[i]) && _keys.Contains(tokens[i].Key))
            {
                (cut ??= new bool[tokens.Count])[i] = true;
            }

            foreach (var sequence in _sequences)
            {
                if (StartsAt(tokens, i, sequence))
                {
                    cut ??= new bool[tokens.Count];
                    Array.Fill(cut, true, i, sequence.Length);
                }
            }
        }

        if (cut is null)
        {
            return text;
        }

        var result = new StringBuilder(prepared.Length);
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!cut[i])
            {
                continue;
            }

            var last = i;
            while (last + 1 < tokens.Count && cut[last + 1])
            {
                last++;
            }

            var start = spans[i].Start.GetOffset(prepared.Length);
            result.Append(prepared, copied, start - copied).Append(Placeholder);
            copied = spans[last].End.GetOffset(prepared.Length);
            i = last;
        }

        return result.Append(prepared, copied, prepared.Length - copied).ToString();
    }

    private static bool StartsAt(List<ValueToken> tokens, int at, string[] sequence)
    {
        if (at + sequence.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < sequence.Length; k++)
        {
            var token = tokens[at + k];
            if (token.Kind != ValueTokenKind.Word || !string.Equals(token.Canonical, sequence[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A typed value, or a word of only digits long enough for provenance to check it as a number.</summary>
    private static bool Counts(ValueToken token)
        => token.Kind != ValueTokenKind.Word || (token.Canonical.Length >= ProvenanceValue.MinimumWordChars && IsDigits(token.Canonical));

    private static void Walk(JsonElement element, ref EchoedValues? echoed, ref int budget, int depth)
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
                    Add(property.Name, isName: true, ref echoed, ref budget);
                    Walk(property.Value, ref echoed, ref budget, depth + 1);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, ref echoed, ref budget, depth + 1);
                }

                break;
            case JsonValueKind.String:
                Add(element.GetString()!, isName: false, ref echoed, ref budget);
                break;
            case JsonValueKind.Number:
                Add(element.GetRawText(), isName: false, ref echoed, ref budget);
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Reads one argument value as provenance does: its typed values and long numbers, or, when it holds words only,
    /// its whole word sequence (a property name's words are the schema's, not a value).
    /// </summary>
    private static void Add(string value, bool isName, ref EchoedValues? echoed, ref int budget)
    {
        budget--;
        if (value.Length < ProvenanceValue.MinimumWordChars)
        {
            return;
        }

        var tokens = ValueTokenizer.Tokenize(value);
        var typed = false;
        var letters = 0;
        foreach (var token in tokens)
        {
            if (Counts(token))
            {
                (echoed ??= new EchoedValues())._keys.Add(token.Key);
            }

            typed |= token.Kind != ValueTokenKind.Word;
            letters += token.Kind == ValueTokenKind.Word ? token.Canonical.Length : 0;
        }

        if (!typed && !isName && letters >= ProvenanceValue.MinimumWordChars && (echoed?._sequences.Count ?? 0) < MaxSequences)
        {
            (echoed ??= new EchoedValues())._sequences.Add([.. tokens.Select(static t => t.Canonical)]);
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
