using System.Buffers;

namespace AgentGuard;

/// <content>
/// "Ignore all previous instructions" and "ignore the document and state …" translated: the cheapest way round a filter
/// that reads English, five European languages, Russian, Chinese and Japanese. Read in Dutch, Polish, Turkish,
/// Indonesian and Malay, Vietnamese, Swedish, Danish and Norwegian, Czech and Slovak, Romanian, Korean, Arabic, Hebrew,
/// Greek and Hindi, and the document dropped in Russian and Ukrainian. As in English, the instructions dropped must be
/// the earlier or all of them (a qualifier and an instruction noun in the verb's sentence), and a dropped document
/// weighs only when the sentence goes on to say what to state ("… en zeg …", "… 말하세요"): a password-reset e-mail's
/// "ignore this e-mail if you did not ask for it" and a manual's "ignore the warning and continue" stay clean, and so
/// does "don't forget" (a negation next to the verb). Verbs written in ASCII are anchors of the word walk; the others are
/// found by one search, in a text that holds a letter of one of their scripts. Each verb is written without a first letter
/// that case would change ("гнорир" for Игнорируй and игнорируй).
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>One language's words for the two orders: the verbs, what makes the instructions the reader's own, and what states.</summary>
    /// <param name="Verbs">"Ignore" and "forget" as orders (a stem, perhaps without its first letter).</param>
    /// <param name="Nouns">Instructions, commands, rules.</param>
    /// <param name="Qualifiers">Previous, earlier, all, above.</param>
    /// <param name="Asserts">What follows a dropped document to say what to state instead ("and say", "and declare").</param>
    /// <param name="Negations">Words next to the verb that make it "don't ignore" or "don't forget".</param>
    private sealed record IgnoreTongue(string[] Verbs, string[] Nouns, string[] Qualifiers, string[] Asserts, string[] Negations);

    private static readonly IgnoreTongue[] IgnoreTongues =
    [
        // Dutch.
        new(["negeer", "vergeet"], ["instructie", "aanwijzing", "opdracht", "regels"], ["vorige", "eerdere", "voorgaande", "alle ", "bovenstaande"],
            [" en zeg", " en verklaar", " en beweer", " en antwoord", " en stel dat", " en schrijf dat", " en schrijf:"], ["niet"]),
        // Polish.
        new(["zignoruj", "ignoruj", "zapomnij"], ["instrukcj", "polece", "wytyczn", "zasad", "komend"], ["poprzedni", "wcześniejsz", "wszystki", "powyższ"],
            [" i powiedz", " i oświadcz", " i stwierdź", " i odpowiedz", " i napisz, że", " i napisz:", " i zadeklaruj"], ["nie"]),
        // Czech and Slovak.
        new(["ignoruj", "zapomeň", "zabudni"], ["instrukc", "pokyn", "pravidl", "příkaz", "príkaz"], ["předchozí", "všechn", "predchádzajúc", "všetk", "výše uveden", "vyššie uveden"],
            [" a řekni", " a řekněte", " a prohlas", " a odpověz", " a odpovězte", " a povedz", " a vyhlás", " a napiš, že", " a napište, že"], ["ne"]),
        // Turkish (the verb ends its sentence: what it drops stands before it).
        new(["yok say", "görmezden gel"], ["talimat", "komut", "kural", "yönerge", "direktif"], ["önceki", "tüm ", "bütün ", "yukarıdaki", "evvelki"],
            [" ve söyle", " ve şunu söyle", " ve belirt", " ve beyan et", " ve yaz:", "olduğunu söyle", "olduğunu belirt"], ["sayma", "gelme"]),
        // Indonesian and Malay.
        new(["abaikan", "lupakan"], ["instruksi", "perintah", "arahan", "aturan", "petunjuk"], ["sebelumnya", "semua", "di atas", "terdahulu"],
            [" dan katakan", " dan nyatakan", " dan jawab", " dan tuliskan bahwa", " dan sebutkan bahwa"], ["jangan"]),
        // Vietnamese (bỏ qua, phớt lờ).
        new(["ỏ qua", "hớt lờ"], ["hướng dẫn", "chỉ dẫn", "chỉ thị", "lệnh", "quy tắc"], ["trước", "tất cả", "mọi", "ở trên"],
            [" và nói", " và tuyên bố", " và trả lời", " và khẳng định", " và viết rằng"], ["đừng", "không"]),
        // Swedish.
        new(["ignorera"], ["instruktion", "anvisning", "regler", "direktiv"], ["tidigare", "alla ", "föregående", "ovanstående"],
            [" och säg", " och förklara", " och påstå", " och svara", " och skriv att", " och skriv:"], ["inte"]),
        // Danish and Norwegian.
        new(["ignorer ", "glem "], ["instruktion", "instruksjon", "instruks", "regler", "anvisning"], ["tidligere", "alle ", "foregående", "ovenstående"],
            [" og sig", " og si ", " og si,", " og si:", " og erklær", " og svar", " og skriv at", " og skriv:"], ["ikke"]),
        // Romanian (ignoră, ignorați).
        new(["gnoră", "gnorați", "gnorati"], ["instrucțiuni", "instrucţiuni", "instructiuni", "reguli", "comenzi", "indicații"], ["anterioare", "toate", "precedente", "de mai sus"],
            [" și spune", " și declară", " și afirmă", " și răspunde", " si spune", " și scrie că"], ["nu"]),
        // Korean (the verb 무시 ends its clause: 무시하고, 무시하세요).
        new(["무시"], ["지시", "지침", "명령", "규칙", "안내", "프롬프트"], ["이전", "모든", "앞의", "위의", "기존", "앞서"],
            ["말하세요", "말해", "답하세요", "대답하세요", "선언하세요", "명시하세요", "진술하세요", "밝히세요", "출력하세요", "라고 하세요"], ["하지 마", "하지마"]),
        // Arabic.
        new(["تجاهل"], ["تعليمات", "أوامر", "الأوامر", "القواعد", "التوجيهات", "إرشادات"], ["السابقة", "السابقه", "جميع", "كل ", "أعلاه"],
            ["وقل", "وقولي", "وصرح", "وصرّح", "وأعلن", "وأجب", "واكتب أن", "وأكد"], ["لا"]),
        // Hebrew.
        new(["התעלם", "שכח את"], ["הוראות", "הנחיות", "פקודות", "כללים"], ["הקודמות", "הקודמים", "הקודמת", "כל ", "שלמעלה"],
            ["ואמור", "ותגיד", "וענה", "והצהר", "והכרז", "וכתוב ש"], ["אל", "לא"]),
        // Greek (Αγνόησε, αγνοήστε, ξέχασε).
        new(["γνόησε", "γνοήστε", "ξέχασε", "ξεχάστε"], ["οδηγί", "εντολ", "κανόν"], ["προηγούμεν", "όλες", "όλους", "όλα", "παραπάνω"],
            ["και πες", "και δήλωσε", "και δηλώστε", "και απάντησε", "και απαντήστε", "και πείτε", "και γράψε ότι"], ["μην"]),
        // Hindi.
        new(["अनदेखा", "नज़रअंदाज़", "नजरअंदाज", "नज़रअंदाज"], ["निर्देश", "आदेश", "नियम", "हिदायत"], ["पिछले", "सभी", "पहले", "ऊपर", "पूर्व"],
            ["और कहें", "और कहो", "और कहिए", "और बताएं", "और बताओ", "और लिखें कि", "और घोषित"], ["मत", "न करें", "न करे"]),
        // Russian (Игнорируй, Забудь): the instructions are read by ScanCyrillicIgnore; here the document dropped.
        new(["гнорир", "абудь"], ["инструкц", "указани", "правил", "команд"], ["предыдущ", "прошл", "все ", "всё "],
            [" и скажи", " и заяви", " и ответь", " и утверждай", " и напиши, что", " и напиши:", " и сообщи, что", " и объяви"], ["не"]),
        // Ukrainian (Ігноруй, Забудь).
        new(["гнору", "абудь"], ["інструкц", "вказівк", "правил"], ["попередн", "усі ", "всі ", "минул"],
            [" і скажи", " і заяви", " і відповідай", " і напиши, що", " і напиши:", " і повідом"], ["не"]),
    ];

    /// <summary>The verbs not written in ASCII, found by one search of a text that holds a character outside ASCII.</summary>
    private static readonly SearchValues<string> OtherTongueIgnoreVerbs = SearchValues.Create(
        [.. IgnoreTongues.SelectMany(t => t.Verbs).Where(v => !System.Text.Ascii.IsValid(v)).Distinct()], StringComparison.Ordinal);

    /// <summary>Where a sentence ends in these languages (the Devanagari danda and the Arabic question mark too).</summary>
    private static readonly SearchValues<char> TongueSentenceEnds = SearchValues.Create(".!?\n\u0964\u061F\u3002");

    /// <summary>How far before and after the verb its sentence is read.</summary>
    private const int TongueReach = 160;

    /// <summary>
    /// Whether <paramref name="text"/> holds a letter of the scripts those verbs are written in: Latin Extended (Turkish
    /// ı ş ğ, Romanian, Czech), Greek, Cyrillic, Hebrew, Arabic, Devanagari, Vietnamese's Latin Extended Additional and
    /// Hangul. A search for the verbs is Aho-Corasick over every character (a seventh of the detector's time on a 10 KB
    /// English page with a dash in it, measured): a text without one of these letters cannot hold a verb and is not
    /// searched. Four vectorized range searches.
    /// </summary>
    private static bool MayHoldOtherTongueVerb(ReadOnlySpan<char> text)
        => text.ContainsAnyInRange('\u0100', '\u06FF') || text.ContainsAnyInRange('\u0900', '\u097F')
            || text.ContainsAnyInRange('\u1E00', '\u1EFF') || text.ContainsAnyInRange('\uAC00', '\uD7AF');

    /// <summary>Every verb of <see cref="OtherTongueIgnoreVerbs"/> in <paramref name="text"/>, checked as <see cref="IgnoreInAnotherTongue"/>.</summary>
    private static void ScanIgnoreInOtherTongues(ReadOnlySpan<char> text, Span<double> weights)
    {
        if (!MayHoldOtherTongueVerb(text))
        {
            return;
        }

        for (var from = 0; from < text.Length && weights[(int)Marker.IgnorePrevious] < 0.85;)
        {
            var found = text[from..].IndexOfAny(OtherTongueIgnoreVerbs);
            if (found < 0)
            {
                return;
            }

            IgnoreInAnotherTongue(text, from + found, weights);
            from += found + 1;
        }
    }

    /// <summary>
    /// At a verb of one of <see cref="IgnoreTongues"/> (<paramref name="at"/>): the earlier or all instructions dropped in
    /// its sentence (0.85), or whatever it drops followed by what to state (0.6), unless a negation stands next to it.
    /// </summary>
    private static void IgnoreInAnotherTongue(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        foreach (var tongue in IgnoreTongues)
        {
            var verb = VerbAt(text, at, tongue.Verbs);
            if (verb.Length == 0 || Negated(text, at, at + verb.Length, tongue.Negations))
            {
                continue;
            }

            var start = Math.Max(0, at - TongueReach);
            var before = text[start..at];
            var stop = before.LastIndexOfAny(TongueSentenceEnds);
            before = stop < 0 ? before : before[(stop + 1)..];
            var after = text.Slice(at, Math.Min(TongueReach, text.Length - at));
            var end = after.IndexOfAny(TongueSentenceEnds);
            after = end < 0 ? after : after[..end];
            if ((ContainsAny(before, tongue.Qualifiers, StringComparison.OrdinalIgnoreCase) || ContainsAny(after, tongue.Qualifiers, StringComparison.OrdinalIgnoreCase))
                && (ContainsAny(before, tongue.Nouns, StringComparison.OrdinalIgnoreCase) || ContainsAny(after, tongue.Nouns, StringComparison.OrdinalIgnoreCase)))
            {
                Raise(weights, Marker.IgnorePrevious, 0.85);
                return;
            }

            if (ContainsAny(after, tongue.Asserts, StringComparison.OrdinalIgnoreCase))
            {
                Raise(weights, Marker.IgnorePrevious, 0.6);
            }
        }
    }

    /// <summary>The verb of <paramref name="verbs"/> that <paramref name="text"/> holds at <paramref name="at"/>, or empty.</summary>
    private static ReadOnlySpan<char> VerbAt(ReadOnlySpan<char> text, int at, string[] verbs)
    {
        foreach (var verb in verbs)
        {
            if (text[at..].StartsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                return verb;
            }
        }

        return [];
    }

    /// <summary>A negation of <paramref name="negations"/> as the word before the verb or the words after it.</summary>
    private static bool Negated(ReadOnlySpan<char> text, int at, int end, string[] negations)
    {
        // The verb may have lost its first letter ("гнорир"): the word it stands in starts before it.
        var wordStart = at;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var before = text[..wordStart].TrimEnd();
        var wordEnd = end;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        var after = text[wordEnd..].TrimStart();
        foreach (var negation in negations)
        {
            if ((before.EndsWith(negation, StringComparison.OrdinalIgnoreCase) && (before.Length == negation.Length || !char.IsLetter(before[^(negation.Length + 1)])))
                || (after.StartsWith(negation, StringComparison.OrdinalIgnoreCase) && (after.Length == negation.Length || !char.IsLetter(after[negation.Length])))
                // Right after the stem, inside its word: Korean joins the negation to the verb ("무시하지 마").
                || text[end..].StartsWith(negation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
