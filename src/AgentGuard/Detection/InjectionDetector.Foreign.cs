namespace AgentGuard;

/// <content>
/// Requests opened by "please" in Spanish, Portuguese, Italian, French and German ("Por favor, recupera …", "Per
/// favore, raccogli …", "Veuillez envoyer …", "Bitte schicke …"), weighed as the English "Please …" is: a request alone
/// stays below the threshold; one that also sends to an address ("… y envíalos a abc@xyz.com") crosses it, as "Please
/// retrieve … and send it to abc@xyz.com" does. A request to send one's questions or comments ("envía tus preguntas a
/// soporte@…") is a contact line, as in English.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>The first words of the foreign anchors of <c>Family.Please</c> ("por favor", "per favore", "veuillez", "bitte").</summary>
    private static readonly string[] ForeignPlease = ["por", "per", "veuillez", "bitte"];

    /// <summary>The two-word openers whose second word ("favor", "favore") is read past.</summary>
    private static readonly string[] TwoWordPlease = ["por", "per"];

    /// <summary>What a foreign "please" opens that is no request for an action ("Por favor, no …", "Bitte nicht …").</summary>
    private static readonly string[] ForeignNegations = ["no", "non", "ne", "nicht", "não", "nao"];

    /// <summary>The stems of "send" in these languages (envía, envie, reenvía, manda, remite, invia, inoltra, envoyez, transférez, schicke, sende, übermittle).</summary>
    private static readonly string[] ForeignSendStems = ["envi", "enví", "reenv", "mand", "remit", "invi", "inoltr", "envoy", "transf", "send", "schick", "übermitt"];

    /// <summary>What readers are asked to send themselves: their questions, doubts, comments, suggestions.</summary>
    private static readonly string[] ForeignContactStems = ["pregunt", "duda", "dúvida", "duvida", "comentari", "comentári", "sugerenc", "sugest", "domand", "comment", "suggeri", "question", "remarque", "frage", "anmerkung", "feedback"];

    /// <summary>
    /// "Por favor, …" (and its Italian, French, German openers) opening a sentence: a request as weighty as "Please …";
    /// with a send verb and an address later in its sentence, a sending too.
    /// </summary>
    private static void ForeignPleaseRequest(ReadOnlySpan<char> text, int at, int i, bool fieldStart, Span<double> weights)
    {
        if (IsOneOf(text[at..i], TwoWordPlease))
        {
            NextWord(text, ref i);
        }

        var verb = NextWord(text, ref i);
        if (verb.IsEmpty || IsOneOf(verb, ForeignNegations))
        {
            return;
        }

        Raise(weights, Marker.AgentRequest, fieldStart ? 0.5 : 0.35);
        var sentence = text.Slice(i - verb.Length, Math.Min(300, text.Length - i + verb.Length));
        var end = SentenceOrLineEnd(sentence);
        sentence = sentence[..end];
        var address = sentence.IndexOf('@');
        var url = sentence.IndexOf("://", StringComparison.Ordinal);
        var target = address < 0 ? url : url < 0 ? address : Math.Min(address, url);
        if (target > 0 && HasWordWithStem(sentence[..target], ForeignSendStems) && !HasWordWithStem(sentence, ForeignContactStems))
        {
            Raise(weights, Marker.SendExternal, 0.3);
        }
    }

    /// <summary>The end of the sentence: a line break, '!' or '?', or a full stop before a space (not the dot of an address).</summary>
    private static int SentenceOrLineEnd(ReadOnlySpan<char> span)
    {
        for (var k = 0; k < span.Length; k++)
        {
            if (span[k] is '\n' or '!' or '?' || (span[k] == '.' && (k + 1 == span.Length || span[k + 1] == ' ')))
            {
                return k;
            }
        }

        return span.Length;
    }

    /// <summary>A word of <paramref name="span"/> opens with one of <paramref name="stems"/> (case-insensitive).</summary>
    private static bool HasWordWithStem(ReadOnlySpan<char> span, string[] stems)
    {
        var i = 0;
        for (var word = NextWordOfSpan(span, ref i); !word.IsEmpty; word = NextWordOfSpan(span, ref i))
        {
            foreach (var stem in stems)
            {
                if (word.StartsWith(stem, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
