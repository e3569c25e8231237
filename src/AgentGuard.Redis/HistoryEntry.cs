using System.Globalization;
using System.Text;

namespace AgentGuard.Redis;

/// <summary>
/// A recorded call as stored in the history list: fields joined by U+001F — time (Unix ms), effect, kind, tool name,
/// source, call id, tags and result labels (each joined by U+001E), then a stamp: the entry's own id (16 hex digits,
/// random), '/', and the history length its writer trims to. Names, tags and ids only; never arguments.
/// </summary>
internal readonly record struct HistoryEntry(long TimeMs, DecisionEffect Effect, ToolKind Kind, string ToolName, string? Source, string? CallId, string[] Tags, string[] ResultLabels)
{
    private const char FieldSeparator = '\u001f';
    private const char ListSeparator = '\u001e';
    private const byte FieldByte = 0x1f;
    private const byte ListByte = 0x1e;
    private const int NumberSlot = 20;

    /// <summary>The entry as UTF-8, sized exactly and written in one pass (what Redis stores; no string on the way).</summary>
    public static byte[] Encode(string toolName, ToolKind kind, string? source, string[] tags, DecisionEffect effect, DateTimeOffset time, string? callId, ulong id, int keeps)
    {
        // Each number in a 20-byte slot of its own (a long is at most 20 ASCII characters with its sign); the stamp is
        // 16 hex digits, '/' and the length.
        Span<byte> numbers = stackalloc byte[4 * NumberSlot];
        var timeLength = Format(time.ToUnixTimeMilliseconds(), numbers);
        var effectLength = Format((int)effect, numbers[NumberSlot..]);
        var kindLength = Format((int)kind, numbers[(2 * NumberSlot)..]);
        var keepsLength = Format(keeps, numbers[(3 * NumberSlot)..]);
        var length = timeLength + effectLength + kindLength + Utf8Length(toolName) + Utf8Length(source) + Utf8Length(callId)
            + 16 + 1 + keepsLength + 8;
        foreach (var tag in tags)
        {
            length += Utf8Length(tag);
        }

        length += Math.Max(0, tags.Length - 1);
        var entry = new byte[length];
        var at = 0;
        Put(entry, ref at, numbers[..timeLength]);
        entry[at++] = FieldByte;
        Put(entry, ref at, numbers.Slice(NumberSlot, effectLength));
        entry[at++] = FieldByte;
        Put(entry, ref at, numbers.Slice(2 * NumberSlot, kindLength));
        entry[at++] = FieldByte;
        PutClean(entry, ref at, toolName);
        entry[at++] = FieldByte;
        PutClean(entry, ref at, source);
        entry[at++] = FieldByte;
        PutClean(entry, ref at, callId);
        entry[at++] = FieldByte;
        for (var i = 0; i < tags.Length; i++)
        {
            if (i > 0)
            {
                entry[at++] = ListByte;
            }

            PutClean(entry, ref at, tags[i]);
        }

        // No result labels yet, then the stamp.
        entry[at++] = FieldByte;
        entry[at++] = FieldByte;
        id.TryFormat(entry.AsSpan(at, 16), out _, "x16", CultureInfo.InvariantCulture);
        at += 16;
        entry[at++] = (byte)'/';
        Put(entry, ref at, numbers.Slice(3 * NumberSlot, keepsLength));
        return entry;
    }

    /// <summary>Decodes an entry; <see langword="null"/> for one that is not in this format (written by someone else).</summary>
    public static HistoryEntry? Decode(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var fields = value.Split(FieldSeparator);
        if (fields.Length < 8
            || !long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var time)
            || !int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var effect)
            || !int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kind))
        {
            return null;
        }

        return new HistoryEntry(
            time,
            (DecisionEffect)effect,
            (ToolKind)kind,
            fields[3],
            fields[4].Length == 0 ? null : fields[4],
            fields[5].Length == 0 ? null : fields[5],
            List(fields[6]),
            List(fields[7]));
    }

    /// <summary>
    /// Reads what a sequence pattern looks at (time, effect, tool name, tags) straight from the stored UTF-8, with names
    /// and tag lists from <paramref name="names"/>; false for an entry <see cref="Decode"/> would reject.
    /// </summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> utf8, NamePool names, out Header header)
    {
        // Time, effect, kind, tool name, source, call id and tags, each ended by a separator (an eighth field follows).
        header = default;
        if (!TryNextField(ref utf8, out var time) || !TryNextField(ref utf8, out var effect) || !TryNextField(ref utf8, out var kind)
            || !TryNextField(ref utf8, out var toolName) || !TryNextField(ref utf8, out _) || !TryNextField(ref utf8, out _)
            || !TryNextField(ref utf8, out var tags)
            || !TryLong(time, out var timeMs) || !TryInt(effect, out var effectValue) || !TryInt(kind, out _))
        {
            return false;
        }

        header = new Header(timeMs, (DecisionEffect)effectValue, names.Name(toolName), names.List(tags, (byte)ListSeparator));
        return true;
    }

    /// <summary>The field at the start of <paramref name="rest"/>, which then starts after its separator; false when it has none.</summary>
    private static bool TryNextField(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> field)
    {
        var end = rest.IndexOf((byte)FieldSeparator);
        if (end < 0)
        {
            field = default;
            return false;
        }

        field = rest[..end];
        rest = rest[(end + 1)..];
        return true;
    }

    /// <summary>A number field as <see cref="long.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider, out long)"/> reads it; plain digits (all this version writes) read directly.</summary>
    private static bool TryLong(ReadOnlySpan<byte> field, out long value)
        => TryPlainDigits(field, 18, out value) || long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>As <see cref="TryLong"/>, for a field that must fit an <see cref="int"/>.</summary>
    private static bool TryInt(ReadOnlySpan<byte> field, out int value)
    {
        if (TryPlainDigits(field, 9, out var plain))
        {
            value = (int)plain;
            return true;
        }

        return int.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// An optional '-' and 1 to <paramref name="maxDigits"/> ASCII digits (a number that cannot overflow); false for
    /// anything else, which the general parser then reads (so both accept and reject exactly the same fields).
    /// </summary>
    private static bool TryPlainDigits(ReadOnlySpan<byte> field, int maxDigits, out long value)
    {
        value = 0;
        var negative = !field.IsEmpty && field[0] == (byte)'-';
        var digits = negative ? field[1..] : field;
        if (digits.IsEmpty || digits.Length > maxDigits)
        {
            return false;
        }

        foreach (var b in digits)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                value = 0;
                return false;
            }

            value = (value * 10) + digit;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>
    /// What a sequence pattern reads of a call decided here whose record has not gone out, as its entry will read once
    /// stored: from the call's fields when encoding cannot change them (no separator, control character, unpaired
    /// surrogate or empty tag), otherwise from its encoding. The read does not wait for an encoding it does not need.
    /// </summary>
    public static bool TryReadHeader(in RecordedCall call, NamePool names, out Header header)
    {
        if (!ReadsBackAsIs(call.ToolName) || !TagsReadBackAsIs(call.Tags))
        {
            return TryReadHeader(call.Encode(), names, out header);
        }

        header = new Header(call.Time.ToUnixTimeMilliseconds(), call.Effect, call.ToolName, call.Tags);
        return true;
    }

    /// <summary>The stamp in the ninth field (as <see cref="Encode"/> writes it); false when there is none.</summary>
    /// <param name="utf8">The entry.</param>
    /// <param name="id">The entry's random id.</param>
    /// <param name="keeps">The history length the entry's writer trimmed the list to, right after appending it.</param>
    public static bool TryStamp(ReadOnlySpan<byte> utf8, out ulong id, out int keeps)
    {
        if (TryTrailingStamp(utf8, out id, out keeps))
        {
            return true;
        }

        for (var i = 0; i < 8; i++)
        {
            var at = utf8.IndexOf((byte)FieldSeparator);
            if (at < 0)
            {
                return false;
            }

            utf8 = utf8[(at + 1)..];
        }

        var end = utf8.IndexOf((byte)FieldSeparator);
        return TryStampField(end < 0 ? utf8 : utf8[..end], out id, out keeps);
    }

    /// <summary>
    /// The stamp when it is the last of exactly nine fields, as this version writes every entry (and result labels keep
    /// it): read from the end, without walking the fields. Otherwise false, and <see cref="TryStamp"/> looks further.
    /// </summary>
    private static bool TryTrailingStamp(ReadOnlySpan<byte> utf8, out ulong id, out int keeps)
    {
        id = 0;
        keeps = 0;
        var last = utf8.LastIndexOf((byte)FieldSeparator);
        if (last < 0 || utf8[..last].Count((byte)FieldSeparator) != 7)
        {
            return false;
        }

        return TryStampField(utf8[(last + 1)..], out id, out keeps);
    }

    private static bool TryStampField(ReadOnlySpan<byte> field, out ulong id, out int keeps)
    {
        keeps = 0;
        id = 0;
        return field.Length > 17 && field[16] == (byte)'/'
            && ulong.TryParse(field[..16], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out id)
            && int.TryParse(field[17..], NumberStyles.None, CultureInfo.InvariantCulture, out keeps) && keeps > 0;
    }

    public ToolCallRecord ToRecord() => new()
    {
        ToolName = ToolName,
        Kind = Kind,
        Source = Source,
        Tags = Tags,
        Effect = Effect,
        Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(TimeMs),
        CallId = CallId,
        ResultLabels = ResultLabels,
    };

    /// <summary>The fields of an entry a sequence pattern reads.</summary>
    internal readonly record struct Header(long TimeMs, DecisionEffect Effect, string ToolName, string[] Tags);

    private static string[] List(string field) => field.Length == 0 ? [] : field.Split(ListSeparator);

    private static bool TagsReadBackAsIs(string[] tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Length == 0 || !ReadsBackAsIs(tag))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="value"/> is stored and read back unchanged: no control character (the separators among them) and no surrogate.</summary>
    private static bool ReadsBackAsIs(string value)
    {
        foreach (var c in value)
        {
            if (c < ' ' || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Format(long value, Span<byte> into)
    {
        value.TryFormat(into[..NumberSlot], out var written, provider: CultureInfo.InvariantCulture);
        return written;
    }

    private static int Utf8Length(string? value) => value is null ? 0 : Encoding.UTF8.GetByteCount(value);

    private static void Put(byte[] entry, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(entry.AsSpan(at));
        at += bytes.Length;
    }

    /// <summary>
    /// Writes a name as UTF-8 with the two separators replaced by '?': they are ASCII, and no byte of a multi-byte UTF-8
    /// sequence is below 0x80, so replacing the bytes after encoding is the same as replacing the characters before.
    /// </summary>
    private static void PutClean(byte[] entry, ref int at, string? value)
    {
        if (value is null)
        {
            return;
        }

        var written = Encoding.UTF8.GetBytes(value, entry.AsSpan(at));
        entry.AsSpan(at, written).Replace(FieldByte, (byte)'?');
        entry.AsSpan(at, written).Replace(ListByte, (byte)'?');
        at += written;
    }

}
