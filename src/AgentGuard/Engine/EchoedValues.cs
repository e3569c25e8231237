using System.Text;
using AgentGuard.Provenance;

namespace AgentGuard;

/// <summary>
/// A trusted tool's result repeating its own arguments vouches for nothing: the model chose those values (it may have
/// rebuilt them from an untrusted page that hid them reversed, spelled out or split, where no reader saw them as values),
/// and a validator or formatter that repeats them has not said where they came from. So the typed values (e-mail
/// addresses, IBANs, URLs, phone and account numbers), the longer numbers, and the whole word sequences of arguments
/// made of words only (a name) that the call's arguments held are cut out of the text before it is remembered as
/// trusted — read as provenance reads an argument (<see cref="ProvenanceValue"/>) — and so is a typed value whose letters
/// and digits are the arguments' pieces joined end to end (an IBAN handed in two halves, or in three-letter parts); the
/// rest of the result (its other words, the values it produced) still is. Only a trusted result of a call with
/// arguments pays for this: one more reading of its text.
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

    /// <summary>The most argument pieces kept for the join check.</summary>
    private const int MaxPieces = 256;

    /// <summary>The longest value (letters and digits) the join check reads; a longer one is checked whole only.</summary>
    private const int MaxJoined = 2048;

    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly List<string[]> _sequences = [];
    private readonly HashSet<string> _pieces = new(StringComparer.Ordinal);
    private Dictionary<char, List<string>>? _byFirst;

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

        var echoed = new System.Runtime.CompilerServices.StrongBox<EchoedValues?>();
        ArgumentStrings.Visit(arguments.Root, MaxStrings, echoed, static (found, value, isName) => Add(value, isName, ref found.Value));
        return echoed.Value;
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
            if (Counts(tokens[i]) && (_keys.Contains(tokens[i].Key) || JoinedFromPieces(tokens[i].Canonical)))
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

    /// <summary>
    /// True when the value's letters and digits are the arguments' pieces joined end to end (<c>GB82WEST1234</c> and
    /// <c>5698765432</c> make an IBAN neither argument held): the tool assembled what the model handed it in parts.
    /// A value with anything the arguments did not hold (an address's domain the directory added) is not.
    /// </summary>
    private bool JoinedFromPieces(string canonical)
    {
        if (_pieces.Count == 0)
        {
            return false;
        }

        var target = Alphanumeric(canonical);
        if (target.Length == 0 || target.Length > MaxJoined)
        {
            return false;
        }

        if (_byFirst is null)
        {
            _byFirst = [];
            foreach (var piece in _pieces)
            {
                if (!_byFirst.TryGetValue(piece[0], out var starting))
                {
                    _byFirst[piece[0]] = starting = [];
                }

                starting.Add(piece);
            }
        }

        Span<bool> reached = target.Length < 256 ? stackalloc bool[target.Length + 1] : new bool[target.Length + 1];
        reached[0] = true;
        for (var i = 0; i < target.Length; i++)
        {
            if (!reached[i] || !_byFirst.TryGetValue(target[i], out var candidates))
            {
                continue;
            }

            foreach (var piece in candidates)
            {
                if (i + piece.Length <= target.Length && target.AsSpan(i).StartsWith(piece, StringComparison.Ordinal))
                {
                    reached[i + piece.Length] = true;
                }
            }
        }

        return reached[target.Length];
    }

    /// <summary>The letters and digits of <paramref name="text"/>, lower case.</summary>
    private static string Alphanumeric(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept.Append(char.ToLowerInvariant(c));
            }
        }

        return kept.ToString();
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

    /// <summary>
    /// Reads one argument value as provenance does: its typed values and long numbers, or, when it holds words only,
    /// its whole word sequence (a property name's words are the schema's, not a value).
    /// </summary>
    private static void Add(string value, bool isName, ref EchoedValues? echoed)
    {
        if (value.Length == 0 || (isName && value.Length < ProvenanceValue.MinimumWordChars))
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

            if (!isName && (echoed ??= new EchoedValues())._pieces.Count < MaxPieces && Alphanumeric(token.Canonical) is { Length: > 0 } piece)
            {
                // Every piece, however short: a value joined from one-letter arguments is as much the model's.
                echoed._pieces.Add(piece);
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
