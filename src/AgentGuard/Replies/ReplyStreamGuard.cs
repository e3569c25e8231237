namespace AgentGuard;

/// <summary>
/// <see cref="ReplyGuard"/> for one streamed reply. Text is passed on as it arrives, except from where a construct that
/// may load a URL starts (<c>![</c>, an HTML tag, <c>[</c> at the start of a line): from there the text is held until a
/// line ends with nothing left open (no tag before its <c>&gt;</c>, no image before its closing parenthesis), then
/// decided and passed on. The held text is read once, however it arrives. Call <see cref="CompleteAsync"/> when the
/// stream ends, for what is still held. Not thread-safe: one per stream.
/// </summary>
public sealed class ReplyStreamGuard
{
    /// <summary>Most characters held for one undecided construct; past it the held text is decided as it is.</summary>
    private const int MaxHeld = 256 * 1024;

    private readonly ReplyGuard _guard;
    private readonly GuardContext _context;

    /// <summary>The held text: <c>_buffer[.._length]</c>.</summary>
    private char[] _buffer = [];
    private int _length;

    /// <summary>How far the held text has been read, what is open there, and just after the last line break where nothing was (-1: none yet).</summary>
    private int _scanned;
    private Open _open;
    private int _cut = -1;

    /// <summary>Spaces and quote marks since the last line break passed on (a definition may follow them), or -1 after other text.</summary>
    private int _indent;

    internal ReplyStreamGuard(ReplyGuard guard, GuardContext context)
    {
        _guard = guard;
        _context = context;
    }

    /// <summary>Takes the next piece of the reply; returns the text that may be passed on now (often all of it, possibly none).</summary>
    /// <param name="text">The piece, as streamed.</param>
    /// <param name="cancellationToken">Cancels the decisions.</param>
    public async ValueTask<string> PushAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var passed = string.Empty;
        if (_length == 0)
        {
            var start = FirstStart(text);
            if (start < 0)
            {
                return Passed(text);
            }

            passed = Passed(text[..start]);
            Hold(text.AsSpan(start));
        }
        else
        {
            Hold(text);
        }

        Scan();
        if (_cut < 0 && _length <= MaxHeld)
        {
            return passed;
        }

        var cut = _cut < 0 ? _length : _cut;
        var segment = new string(_buffer, 0, cut);
        Array.Copy(_buffer, cut, _buffer, 0, _length - cut);
        _length -= cut;
        _scanned -= cut;
        _cut = -1;
        return passed + Passed(await _guard.GuardAsync(segment, _context, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Decides and returns what is still held when the stream ends.</summary>
    /// <param name="cancellationToken">Cancels the decisions.</param>
    public async ValueTask<string> CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_length == 0)
        {
            return string.Empty;
        }

        var held = new string(_buffer, 0, _length);
        _length = _scanned = 0;
        _cut = -1;
        _open = Open.None;
        return Passed(await _guard.GuardAsync(held, _context, cancellationToken).ConfigureAwait(false));
    }

    private void Hold(ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_length + text.Length, Math.Max(256, _buffer.Length * 2)));
        }

        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private string Passed(string text)
    {
        foreach (var c in text)
        {
            _indent = NextIndent(_indent, c);
        }

        return text;
    }

    private static int NextIndent(int indent, char c) => c == '\n' ? 0 : c is ' ' or '\t' or '>' && indent >= 0 ? indent + 1 : -1;

    /// <summary>Where the first construct that may load a URL starts (or may start, at the end of the text); -1 if none.</summary>
    private int FirstStart(string text)
    {
        var indent = _indent;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if ((c == '!' && next is '[' or '\0') || (c == '<' && (next == '\0' || char.IsAsciiLetter(next))) || (c == '[' && indent >= 0))
            {
                return i;
            }

            indent = NextIndent(indent, c);
        }

        // A line break followed only by spaces or quote marks may still begin a definition.
        return indent > 0 ? text.Length - indent : -1;
    }

    /// <summary>
    /// Reads the held text from where the last read stopped, noting the last line break at which no tag or image is
    /// open. A blank line closes whatever is open (markdown ends an unfinished image there). A character whose meaning
    /// depends on the next one is read when the next one has come.
    /// </summary>
    private void Scan()
    {
        var text = _buffer.AsSpan(0, _length);
        var i = _scanned;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '<' or '!' or ']' && i + 1 >= text.Length)
            {
                break; // the next character decides
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '\n' && next == '\n')
            {
                _open = Open.None;
            }

            switch (_open)
            {
                case Open.None when c == '<' && char.IsAsciiLetter(next):
                    _open = Open.Tag;
                    break;
                case Open.None when c == '!' && next == '[':
                    _open = Open.ImageText;
                    i++;
                    break;
                case Open.None when c == '\n':
                    _cut = i + 1;
                    break;
                case Open.Tag when c == '>':
                case Open.ImageText when c == ']' && next != '(':
                case Open.ImageDestination when c == ')':
                    _open = Open.None;
                    break;
                case Open.ImageText when c == ']':
                    _open = Open.ImageDestination;
                    i++;
                    break;
            }
        }

        _scanned = i;
    }

    private enum Open
    {
        None,
        Tag,
        ImageText,
        ImageDestination,
    }
}
