using System.Text;
using System.Text.Json;

namespace AgentGuard.Provenance;

/// <summary>
/// The people of the messages a session found: the addresses a structured result (JSON) gives as a message's sender or
/// recipients (<c>sender</c>, <c>from</c>, <c>to</c>, <c>cc</c>, <c>receivers</c>…), remembered as
/// <see cref="ValueOrigin.Correspondent"/>. Such an address is as much the author's choice as one in the body, so it
/// vouches for nothing alone: a provenance rule that lists <c>correspondent</c> accepts it only when the user's latest
/// message asks for a reply and the user's own words name that correspondent (<see cref="IsNamedForReply"/>). "Reply to
/// Sally" answers <c>sallee@fakemail.com</c>, who wrote the mail the agent found; "reply to this mail with your code",
/// written by the mail's author, names no one in the user's words.
/// </summary>
internal static class Correspondents
{
    /// <summary>Property names of a message's people, compared ignoring case, <c>_</c> and <c>-</c>.</summary>
    private static readonly string[] HeaderFields =
        ["from", "sender", "author", "to", "cc", "receiver", "receivers", "recipient", "recipients", "replyto"];

    /// <summary>Words of the latest message that ask for a reply, as verbs (not after <see cref="NounMarkers"/>).</summary>
    private static readonly string[] ReplyWords = ["reply", "replying", "respond", "responding"];

    /// <summary>Words before which "reply" is a noun ("Sally's reply", "the reply"), not a request.</summary>
    private static readonly string[] NounMarkers = ["the", "a", "an", "my", "your", "his", "her", "their", "its", "our", "any", "no", "this", "that", "s", "first", "last", "latest"];

    /// <summary>Abbreviations after which a capitalised word is a name, not a sentence's first word.</summary>
    private static readonly string[] Titles = ["mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st"];

    /// <summary>The field names as a JSON text writes them, searched for before anything is parsed.</summary>
    private static readonly System.Buffers.SearchValues<string> QuotedFields = System.Buffers.SearchValues.Create(
        ["\"from\"", "\"sender\"", "\"author\"", "\"to\"", "\"cc\"", "\"receiver", "\"recipient", "\"reply_to\"", "\"replyto\"", "\"reply-to\""],
        StringComparison.OrdinalIgnoreCase);

    private const int MaxValues = 512;

    /// <summary>The longest header value read (an address list); longer ones count as read, and vouch for nothing.</summary>
    private const int MaxValueLength = 1024;

    /// <summary>What separates the addresses of a header value: <c>Sally Lee &lt;sallee@…&gt;, tom@…</c>.</summary>
    private static readonly System.Buffers.SearchValues<char> PieceSeparators = System.Buffers.SearchValues.Create(" <>,;\"'()\t\r\n");

    /// <summary>
    /// The e-mail addresses in the header fields of <paramref name="text"/> when it is JSON (every string under such a
    /// field, objects and arrays in it included: <c>"to": [{"name": …, "email": …}]</c>), joined by spaces; null when none.
    /// </summary>
    public static string? Extract(string text)
    {
        var span = text.AsSpan().TrimStart();
        if (span.IsEmpty || (span[0] != '{' && span[0] != '[') || span.IndexOfAny(QuotedFields) < 0)
        {
            return null;
        }

        var utf8 = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(span.Length));
        try
        {
            var reader = new Utf8JsonReader(utf8.AsSpan(0, Encoding.UTF8.GetBytes(span, utf8)), new JsonReaderOptions { MaxDepth = 64 });
            StringBuilder? found = null;
            var count = 0;
            var headerDepth = -1;
            var pendingHeader = false;
            Span<char> name = stackalloc char[16];
            while (count < MaxValues && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (headerDepth < 0)
                        {
                            pendingHeader = reader.ValueSpan.Length <= name.Length && !reader.ValueIsEscaped
                                && IsHeaderField(name[..reader.CopyString(name)]);
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when pendingHeader:
                        headerDepth = reader.CurrentDepth;
                        pendingHeader = false;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray when reader.CurrentDepth == headerDepth:
                        headerDepth = -1;
                        break;
                    case JsonTokenType.String when pendingHeader || headerDepth >= 0:
                        pendingHeader = false;
                        count += AddAddresses(ref reader, ref found);
                        break;
                    default:
                        pendingHeader = false;
                        break;
                }
            }

            return found?.ToString();
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>Appends the pieces of the string at <paramref name="reader"/> that hold an <c>@</c> (<c>Sally Lee &lt;sallee@…&gt;</c> gives the address); returns how many.</summary>
    private static int AddAddresses(ref Utf8JsonReader reader, ref StringBuilder? found)
    {
        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxValueLength)
        {
            return 1;
        }

        Span<char> value = stackalloc char[MaxValueLength];
        value = value[..reader.CopyString(value)];
        var added = 0;
        while (!value.IsEmpty)
        {
            var end = value.IndexOfAny(PieceSeparators);
            var piece = end < 0 ? value : value[..end];
            if (piece.Contains('@'))
            {
                (found ??= new StringBuilder()).Append(piece).Append(' ');
                added++;
            }

            value = end < 0 ? [] : value[(end + 1)..];
        }

        return added;
    }

    private static bool IsHeaderField(ReadOnlySpan<char> name)
    {
        Span<char> folded = stackalloc char[16];
        var length = 0;
        foreach (var c in name)
        {
            if (c is '_' or '-')
            {
                continue;
            }

            if (length == folded.Length)
            {
                return false;
            }

            folded[length++] = char.ToLowerInvariant(c);
        }

        foreach (var field in HeaderFields)
        {
            if (folded[..length].SequenceEqual(field))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the last line of <paramref name="prompt"/> (the user's latest message) asks for a reply and a name the
    /// user wrote with a capital, anywhere in the prompt and not as a sentence's first word, is the e-mail address
    /// <paramref name="emailKey"/>'s local part or one of its words ("Sally" for <c>sallee@…</c> on a common start of
    /// four letters, "Hotel Dealz" for <c>hotel-dealz@…</c>, "Mrs. Fritz" for <c>sara.fritz@…</c>).
    /// </summary>
    public static bool IsNamedForReply(string emailKey, string? prompt)
    {
        if (prompt is not { Length: > 0 } || !emailKey.StartsWith("e:", StringComparison.Ordinal))
        {
            return false;
        }

        var at = emailKey.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var local = emailKey.AsSpan(2, at - 2);
        var latest = prompt.AsSpan(prompt.LastIndexOf('\n') + 1);
        return AsksForReply(latest) && NamesLocalPart(prompt, local);
    }

    private static bool AsksForReply(ReadOnlySpan<char> message)
    {
        var previous = ReadOnlySpan<char>.Empty;
        for (var i = 0; i < message.Length;)
        {
            var (start, end) = NextWord(message, i);
            if (start < 0)
            {
                return false;
            }

            var word = message[start..end];
            foreach (var reply in ReplyWords)
            {
                if (word.Equals(reply, StringComparison.OrdinalIgnoreCase) && !IsNounMarker(previous))
                {
                    return true;
                }
            }

            previous = word;

            if (word.Equals("write", StringComparison.OrdinalIgnoreCase) && NextWordIs(message, end, "back"))
            {
                return true;
            }

            i = end;
        }

        return false;
    }

    private static bool IsNounMarker(ReadOnlySpan<char> word)
    {
        foreach (var marker in NounMarkers)
        {
            if (word.Equals(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesLocalPart(string prompt, ReadOnlySpan<char> local)
    {
        var text = prompt.AsSpan();
        for (var i = 0; i < text.Length;)
        {
            var (start, end) = NextWord(text, i);
            if (start < 0)
            {
                return false;
            }

            if (char.IsUpper(text[start]) && end - start >= 3 && !StartsSentence(text, start) && MatchesAWordOf(text[start..end], local))
            {
                return true;
            }

            i = end;
        }

        return false;
    }

    /// <summary>True when the word at <paramref name="start"/> opens a line or follows <c>.</c>, <c>!</c> or <c>?</c> (not after a title such as "Mrs.").</summary>
    private static bool StartsSentence(ReadOnlySpan<char> text, int start)
    {
        var j = start - 1;
        while (j >= 0 && text[j] is ' ' or '\t' or '"' or '\'' or '(' or '\u201C')
        {
            j--;
        }

        if (j < 0 || text[j] is '\n' or '\r')
        {
            return true;
        }

        if (text[j] is '!' or '?')
        {
            return true;
        }

        if (text[j] != '.')
        {
            return false;
        }

        var end = j;
        while (j > 0 && char.IsLetter(text[j - 1]))
        {
            j--;
        }

        var before = text[j..end];
        foreach (var title in Titles)
        {
            if (before.Equals(title, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="name"/> and a word of the local part (letters of three or more) are the same word or share their first four letters.</summary>
    private static bool MatchesAWordOf(ReadOnlySpan<char> name, ReadOnlySpan<char> local)
    {
        for (var i = 0; i < local.Length;)
        {
            while (i < local.Length && !char.IsLetter(local[i]))
            {
                i++;
            }

            var start = i;
            while (i < local.Length && char.IsLetter(local[i]))
            {
                i++;
            }

            var word = local[start..i];
            if (word.Length < 3)
            {
                continue;
            }

            var common = 0;
            while (common < word.Length && common < name.Length && char.ToLowerInvariant(word[common]) == char.ToLowerInvariant(name[common]))
            {
                common++;
            }

            if (common >= 4 || (common == word.Length && common == name.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static (int Start, int End) NextWord(ReadOnlySpan<char> text, int from)
    {
        var i = from;
        while (i < text.Length && !char.IsLetter(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return (-1, -1);
        }

        var start = i;
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }

        return (start, i);
    }

    private static bool NextWordIs(ReadOnlySpan<char> text, int from, string expected)
    {
        var (start, end) = NextWord(text, from);
        return start >= 0 && text[start..end].Equals(expected, StringComparison.OrdinalIgnoreCase);
    }
}
