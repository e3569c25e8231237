using System.Text;
using AgentGuard.Provenance;

namespace AgentGuard;

/// <summary>
/// The typed values (e-mail addresses, IBANs, URLs, phone and account numbers) the model handed to a tool that ran.
/// One that no origin had shown — neither the user's prompt nor a trusted result — is the model's own choice: it may
/// have rebuilt it from an untrusted page that hid it (reversed, spelled out), where no reader saw it as a value. Such a
/// value is remembered as untrusted when the call's result comes back, so a trusted tool that later returns it (a note
/// read back, a contact stored and fetched) vouches for nothing: storing a value and reading it back does not launder it.
/// </summary>
/// <remarks>
/// A value the user gave, or a trusted tool produced, before the model handed it on stays vouched for by that sighting.
/// Only configurations with a provenance rule that accepts trusted results pay for this (see
/// <see cref="Policies.CompiledPolicy.VouchesByTrustedResults"/>); it is the only reader of that order.
/// </remarks>
internal sealed class HandedValues
{
    /// <summary>Starts the source under which a handed value is remembered, so evidence can say who chose it.</summary>
    internal const string SourcePrefix = "arguments the model gave to ";

    /// <summary>The most argument strings read, and values kept (arguments are bounded by the limits already).</summary>
    private const int MaxStrings = 1024;

    private const int MaxValues = 64;

    private readonly List<(string Key, string Text)> _values = [];

    private HandedValues()
    {
    }

    /// <summary>Each value's seen-value key and its text as the arguments wrote it.</summary>
    public IReadOnlyList<(string Key, string Text)> Values => _values;

    /// <summary>The typed values of <paramref name="arguments"/>, or null when they hold none (the usual case).</summary>
    public static HandedValues? Of(ToolArguments arguments)
    {
        if (arguments.IsMalformed)
        {
            return null;
        }

        var handed = new System.Runtime.CompilerServices.StrongBox<HandedValues?>();
        ArgumentStrings.Visit(arguments.Root, MaxStrings, handed, static (found, value, _) => Add(value, ref found.Value));
        return handed.Value;
    }

    /// <summary>The source to remember a value handed to <paramref name="toolName"/> under.</summary>
    public static string SourceOf(string toolName) => SourcePrefix + "'" + toolName + "'";

    /// <summary>Declares the sightings <see cref="Unvouched"/> asks about, for stores that read ahead.</summary>
    public void Declare(SessionReads reads)
    {
        foreach (var (key, _) in _values)
        {
            reads.Seen.Add((ValueOrigin.Prompt, key));
            reads.Seen.Add((ValueOrigin.Trusted, key));
        }
    }

    /// <summary>
    /// The text of the values <paramref name="session"/> saw neither in a prompt nor in a trusted result, one per line,
    /// or null when every value was vouched for.
    /// </summary>
    public string? Unvouched(ISessionView session)
    {
        StringBuilder? text = null;
        foreach (var (key, value) in _values)
        {
            if (!session.WasSeen(ValueOrigin.Prompt, key) && !session.WasSeen(ValueOrigin.Trusted, key))
            {
                (text ??= new StringBuilder()).Append(value).Append('\n');
            }
        }

        return text?.ToString();
    }

    private static void Add(string value, ref HandedValues? handed)
    {

        // Every typed value holds a digit (IBANs, numbers), an '@' (addresses) or a '.' (URLs, domains): a value of
        // words alone (a name, a subject) is skipped without being read.
        if (value.Length < ProvenanceValue.MinimumWordChars || value.AsSpan().IndexOfAny(TypedMarks) < 0)
        {
            return;
        }

        var prepared = ValueTokenizer.Prepare(value);
        AddTyped(prepared, ref handed);

        // The value's letters and digits alone, too: handed over letter by letter or oddly grouped (G B 8 2 …,
        // GB.82.WEST…), it is no typed value to any reader, and a store that keeps it compact returns one. (Only a
        // compact run with a digit can be typed: an IBAN or a number.)
        if (prepared.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && Compact(prepared) is { } compact)
        {
            AddTyped(compact, ref handed);
        }
    }

    private static readonly System.Buffers.SearchValues<char> TypedMarks = System.Buffers.SearchValues.Create("0123456789@.");

    private static void AddTyped(string text, ref HandedValues? handed)
    {
        var tokens = new List<ValueToken>();
        var spans = new List<Range>();
        ValueTokenizer.Tokenize(text, tokens, spans);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == ValueTokenKind.Word)
            {
                continue;
            }

            handed ??= new HandedValues();
            if (handed._values.Count >= MaxValues)
            {
                return;
            }

            if (!handed._values.Exists(v => v.Key == tokens[i].Key))
            {
                handed._values.Add((tokens[i].Key, text[spans[i]]));
            }
        }
    }

    /// <summary>The letters and digits of <paramref name="text"/>, when it holds anything else between them; else null.</summary>
    private static string? Compact(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept.Append(c);
            }
        }

        return kept.Length == text.Length || kept.Length < ProvenanceValue.MinimumWordChars ? null : kept.ToString();
    }
}
