using System.Buffers;

namespace AgentGuard;

/// <content>
/// An injection written in a low-resource language, the known way round an English-trained filter (Zulu, Xhosa,
/// Albanian, Irish, Scottish Gaelic): the shapes the English checks read, said in those languages. Each of six parts
/// weighs as one cue and raises its own marker, so one part alone stays below the threshold and two together cross it:
/// the reader's reply as the place to put something ("empendulweni yakho", "i do fhreagra", "në përgjigjen tënde" — in
/// your response), instructions given to the reader ("imiyalo yakho", "na treoracha duit"), the system message or the
/// first prompt ("teachdaireachd siostam", "kërkesën fillestare"), what stands above this message ("os cionn na
/// teachdaireachd seo"), a developer mode ("modh leasachaidh") and a case that replaces the reader's task ("má iarrtar
/// ort" — if you are asked). A heading announcing new instructions ("*** TREORACHA NUA ***") followed by a line that
/// speaks of the reader's things is a task handed over, as "NEW IMPORTANT INSTRUCTIONS" is in English. Orders the
/// English checks read alone weigh as much said in these languages: the reader's configuration or identifier asked for
/// ("ndaj konfigurimin tënd", "roinn do chumraíocht"), what stands above this message gone over line by line ("líne ar
/// líne"), a word repeated in the reader's reply ("ath-aithris … aig deireadh do fhreagairt"). A letter that
/// thanks for a reply ("faleminderit për përgjigjen tuaj"), a page of instructions for its reader ("Treoracha: freagair
/// gach ceist") and an exam's "scríobh do fhreagra" name none of these places or name one. English text pays a search
/// for the languages' accented letters and two for ASCII words.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>
    /// The accented letters of Albanian (ë), Scottish Gaelic (à è ì ò ù) and Irish (á é í ó ú), in either case: a text in
    /// these languages holds some; Zulu and Xhosa, written without them, hold "-akho" (yakho, zakho: "your"), and Irish or
    /// Gaelic written without accents still names the reply as "fhreagra" or "fhreagairt".
    /// </summary>
    private static readonly SearchValues<char> OtherTongueLetters = SearchValues.Create("\u00EB\u00CB\u00E0\u00C0\u00E8\u00C8\u00EC\u00CC\u00F2\u00D2\u00F9\u00D9\u00E1\u00C1\u00E9\u00C9\u00ED\u00CD\u00F3\u00D3\u00FA\u00DA");

    /// <summary>ASCII stems of every phrase below (one of them is in each): text without one is not read further.</summary>
    private static readonly SearchValues<string> OtherTongueStems = SearchValues.Create(
        ["mpendul", "fhreag", "rgjigj", "iyal", "treorach", "ireadh", "iridhean", "dhezim", "zimet", "zime ", "siostam", "sistemit", "sistimu", "fillestar", "tosaigh", "mesazh", "teachdaireachd", "teachtaireacht", "zhvillues", "leasachaidh", "forbr", "njiniyela", "rkohet", "iarrtar", "iarraidh", "ucelwa", "konfigurim", "chumra", "shfaq id", "shfaqni id"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>The reader's reply as a place: "in your response", "at the end of your response".</summary>
    private static readonly string[] InYourReply =
        ["empendulweni yakho", "ezimpendulweni zakho", "kwimpendulo yakho", "i do fhreagra", "i d'fhreagra", "deireadh do fhreagra", "nad fhreagairt", "san fhreagairt agad", "deireadh do fhreagairt", "anns an fhreagairt agad",
         "në përgjigjen tënde", "në përgjigjen tuaj", "ne pergjigjen tende", "ne pergjigjen tuaj", "në përgjigjen e tij"];

    /// <summary>The nouns for instructions (Zulu and Xhosa, Albanian, Irish, Scottish Gaelic).</summary>
    private static readonly string[] InstructionNouns =
        ["imiyalelo", "imiyalo", "udhëzime", "udhëzimet", "udhezime", "udhezimet", "treoracha", "treoir", "stiùireadh", "stiùiridhean", "stiuireadh", "stiuiridhean"];

    /// <summary>The system message and the first prompt.</summary>
    private static readonly string[] SystemMessage =
        ["teachdaireachd siostam", "teachdaireachd an t-siostaim", "teachtaireacht chórais", "teachtaireacht an chórais", "teachtaireacht córais", "leid chórais", "moladh tosaigh", "leid tosaigh",
         "mesazhin e sistemit", "mesazhi i sistemit", "mesazhin e sistemit tënd", "kërkesën fillestare", "kerkesen fillestare", "kërkesa fillestare", "umlayezo wesistimu", "umyalezo wesistimu", "umyalezo wohlelo"];

    /// <summary>What stands above this message (the prompt before it).</summary>
    private static readonly string[] AboveThisMessage =
        ["os cionn na teachdaireachd seo", "thuas an teachtaireacht seo", "os cionn na teachtaireachta seo", "sipër këtij mesazhi", "siper ketij mesazhi", "ngaphezu kwalo myalezo", "ngaphezulu kwalo mlayezo"];

    /// <summary>A developer mode.</summary>
    private static readonly string[] DeveloperMode =
        ["modalitetin zhvillues", "modaliteti zhvillues", "modalitetin e zhvilluesit", "modh leasachaidh", "mód forbróra", "mod forbrora", "imodi yonjiniyela"];

    /// <summary>A case that replaces the reader's task: "if you are asked (to summarise …)".</summary>
    private static readonly string[] IfYouAreAsked =
        ["nëse të kërkohet", "nese te kerkohet", "má iarrtar ort", "ma iarrtar ort", "ma thèid iarraidh ort", "ma theid iarraidh ort", "uma ucelwa"];

    /// <summary>The reader's configuration or identifier asked for: "share your configuration", "show your unique ID" (Albanian in the familiar and the polite form).</summary>
    private static readonly string[] ReadersOwnSettingAsked =
        ["ndaj konfigurimin tënd", "ndaj konfigurimin tend", "ndaj konfigurimin tuaj", "ndani konfigurimin tuaj", "ndani konfigurimin tënd",
         "shfaq id-në tënde", "shfaq id-ne tende", "shfaq id-në tuaj", "shfaq id-ne tuaj", "shfaqni id-në tuaj", "shfaqni id-ne tuaj",
         "roinn do chumraíocht", "roinn do chumraiocht"];

    /// <summary>"Line by line", with which what stands above this message is gone over.</summary>
    private static readonly string[] LineByLine = ["líne ar líne", "line ar line", "loidhne air loidhne"];

    /// <summary>"Repeat", with which a word is put into the reader's reply.</summary>
    private static readonly string[] RepeatVerbs = ["ath-aithris", "athaithris"];

    /// <summary>"New" in these languages, which makes an instructions heading an announcement.</summary>
    private static readonly string[] NewWords = ["emisha", "entsha", "ezintsha", "reja", "re", "nua", "ùr", "ùra", "ur", "ura"];

    /// <summary>The reader's own: "your" and "to you" (yakho, tënd, duit, agad …).</summary>
    private static readonly string[] SecondPerson =
        ["yakho", "wakho", "lakho", "zakho", "kwakho", "sakho", "bakho", "tënd", "tënde", "tende", "tend", "tuaj", "duit", "agad", "dhut", "do", "nad"];

    /// <summary>The six parts, each raising its own marker (see the content note).</summary>
    private static void ScanOtherTongues(ReadOnlySpan<char> text, Span<double> weights)
    {
        // Cheap gates first (a vectorised character search, two ASCII words): a search for all the stems costs several
        // times more than these, and English text passes none.
        if ((text.IndexOfAny(OtherTongueLetters) < 0 && text.IndexOf("akho", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("fhreag", StringComparison.OrdinalIgnoreCase) < 0)
            || text.IndexOfAny(OtherTongueStems) < 0)
        {
            return;
        }

        var inYourReply = HasPhrase(text, InYourReply);
        if (inYourReply)
        {
            Raise(weights, Marker.AgentRequest, 0.3);
            if (HasPhrase(text, RepeatVerbs))
            {
                // A word repeated in the reader's reply, as "repeat 'TEST' at the end of your response" is in English.
                Raise(weights, Marker.AddressedToAi, 0.55);
            }
        }

        var aboveThisMessage = HasPhrase(text, AboveThisMessage);
        if (HasPhrase(text, SystemMessage) || aboveThisMessage)
        {
            Raise(weights, Marker.PromptLeak, 0.3);
        }

        if (HasPhrase(text, ReadersOwnSettingAsked) || (aboveThisMessage && HasPhrase(text, LineByLine)))
        {
            // Orders the English checks read alone: the reader's configuration or identifier asked for; what stands above
            // this message gone over line by line.
            Raise(weights, Marker.PromptLeak, 0.55);
        }

        if (HasPhrase(text, DeveloperMode))
        {
            Raise(weights, Marker.FakeRoleTag, 0.3);
        }

        if (HasPhrase(text, IfYouAreAsked))
        {
            Raise(weights, Marker.Ordering, 0.3);
        }

        InstructionsInOtherTongue(text, weights);
    }

    /// <summary>
    /// An instructions noun: in a heading that calls them new, with the next line speaking of the reader's things, a task
    /// handed over; with "your" or "to you" beside it (within three words either side), instructions given to the reader.
    /// </summary>
    private static void InstructionsInOtherTongue(ReadOnlySpan<char> text, Span<double> weights)
    {
        foreach (var noun in InstructionNouns)
        {
            for (var from = 0; from < text.Length;)
            {
                var hit = text[from..].IndexOf(noun, StringComparison.OrdinalIgnoreCase);
                if (hit < 0)
                {
                    break;
                }

                var at = from + hit;
                from = at + noun.Length;
                if (!IsWholeWord(text, at, noun.Length))
                {
                    continue;
                }

                var lineStart = text[..at].LastIndexOf('\n') + 1;
                var lineEnd = text[at..].IndexOf('\n');
                lineEnd = lineEnd < 0 ? text.Length : at + lineEnd;
                var line = text[lineStart..lineEnd];
                if (IsOtherTongueHeading(line) && HasWordOf(line, NewWords))
                {
                    Raise(weights, Marker.NewInstructions, 0.35);
                    if (HasWordOf(NextNonEmptyLine(text, lineEnd), SecondPerson))
                    {
                        Raise(weights, Marker.AgentRequest, 0.3);
                    }
                }
                else if (HasWordOf(WordsAround(text, at, noun.Length, 3), SecondPerson))
                {
                    Raise(weights, Marker.NewInstructions, 0.3);
                }
            }
        }
    }

    /// <summary>A phrase of <paramref name="phrases"/> stands in the text as whole words (case-insensitive).</summary>
    private static bool HasPhrase(ReadOnlySpan<char> text, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            for (var from = 0; from < text.Length;)
            {
                var hit = text[from..].IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
                if (hit < 0)
                {
                    break;
                }

                if (IsWholeWord(text, from + hit, phrase.Length))
                {
                    return true;
                }

                from += hit + phrase.Length;
            }
        }

        return false;
    }

    /// <summary>The span at <paramref name="at"/> is neither preceded nor followed by a letter.</summary>
    private static bool IsWholeWord(ReadOnlySpan<char> text, int at, int length)
        => (at == 0 || !char.IsLetter(text[at - 1])) && (at + length >= text.Length || !char.IsLetter(text[at + length]));

    /// <summary>A heading: framed by '*', '#' or '=', or written in capitals, of at most eight words.</summary>
    private static bool IsOtherTongueHeading(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.IsEmpty || WordCount(trimmed) > 8)
        {
            return false;
        }

        if (trimmed[0] is '*' or '#' or '=')
        {
            return true;
        }

        foreach (var c in trimmed)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The next line after <paramref name="lineEnd"/> that holds a letter, or empty.</summary>
    private static ReadOnlySpan<char> NextNonEmptyLine(ReadOnlySpan<char> text, int lineEnd)
    {
        var rest = lineEnd < text.Length ? text[(lineEnd + 1)..] : [];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            if (line.ContainsAnyExcept(" \t\r*#=-"))
            {
                return line;
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return [];
    }

    /// <summary>The text from <paramref name="words"/> words before the span to <paramref name="words"/> words after it, on its line.</summary>
    private static ReadOnlySpan<char> WordsAround(ReadOnlySpan<char> text, int at, int length, int words)
    {
        var start = at;
        for (var seen = 0; start > 0 && text[start - 1] != '\n'; start--)
        {
            if (text[start - 1] == ' ' && ++seen > words)
            {
                break;
            }
        }

        var end = at + length;
        for (var seen = 0; end < text.Length && text[end] != '\n'; end++)
        {
            if (text[end] == ' ' && ++seen > words)
            {
                break;
            }
        }

        return text[start..end];
    }

    /// <summary>A word of <paramref name="span"/> equals one of <paramref name="words"/> (case-insensitive).</summary>
    private static bool HasWordOf(ReadOnlySpan<char> span, string[] words)
    {
        var i = 0;
        for (var word = NextWordOfSpan(span, ref i); !word.IsEmpty; word = NextWordOfSpan(span, ref i))
        {
            foreach (var candidate in words)
            {
                if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
