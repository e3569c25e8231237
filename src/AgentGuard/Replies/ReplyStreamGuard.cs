namespace AgentGuard;

/// <summary>
/// <see cref="ReplyGuard"/> for one streamed reply. Text is passed on as it arrives, except from where a construct that
/// may load a URL starts (<c>![</c>, an HTML tag, <c>[</c> at the start of a line): from there the text is held until a
/// line ends with nothing left open (no tag before its <c>&gt;</c>, no image before its closing parenthesis), then
/// decided and passed on. From a <c>style</c> element on, the rest is held to the end (its CSS may run to it). The held
/// text is read once, however it arrives. Call <see cref="CompleteAsync"/> when the stream ends, for what is still held.
/// Not thread-safe: one per stream.
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
    private bool _inTag;
    private bool _tagInQuote;
    private bool _inStyle;

    /// <summary>The open tag, as far as it has been read.</summary>
    private TagReading _tag;
    private bool _lineQuoted;
    private Open _image;
    private int _imageDepth;
    private bool _inDestinationUrl;

    /// <summary>Whether the open image's URL has begun (blanks after its '(' come before it).</summary>
    private bool _urlBegun;
    private Open _definition;
    private int _cut = -1;

    /// <summary>As <see cref="_indent"/>, where the held text has been read to; and whether an open definition's URL has begun, or its one line break passed.</summary>
    private int _scanIndent;
    private bool _definitionHasUrl;
    private bool _definitionBroke;

    /// <summary>Spaces and quote marks since the last line break passed on (a definition may follow them), or -1 after other text.</summary>
    private int _indent;

    /// <summary>Whether the line passed on last began with a block quote marker, and whether the held text starts inside such a line.</summary>
    private bool _passedQuoted;
    private bool _heldQuoted;

    /// <summary>The start of the line passed on last (up to <see cref="MaxLead"/> characters), and, when the held text starts right after a list item's marker or the blanks alone that indent its line, where the item's content may start (-1 otherwise).</summary>
    private readonly char[] _lead = new char[MaxLead];
    private int _leadLength;
    private int _heldListIndent = -1;

    /// <summary>The longest line start kept to tell a list item's marker (markers, quote markers and spaces before content).</summary>
    private const int MaxLead = 40;

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
        if (_length == 0 && !_inStyle)
        {
            var start = FirstStart(text);
            if (start < 0)
            {
                return Passed(text);
            }

            passed = Passed(text[..start]);
            _scanIndent = _indent;
            _heldQuoted = _passedQuoted || (_leadLength < MaxLead && RenderedUrlScanner.OpensQuote(_lead.AsSpan(0, _leadLength)));
            _heldListIndent = _leadLength < MaxLead ? RenderedUrlScanner.ContentIndent(RenderedUrlScanner.AfterQuoteMarkers(_lead.AsSpan(0, _leadLength))) : -1;
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

        // No line break with nothing open: the held text has outgrown MaxHeld and is decided whole.
        var whole = _cut < 0;
        var cut = whole ? _length : _cut;
        var segment = new string(_buffer, 0, cut);
        Array.Copy(_buffer, cut, _buffer, 0, _length - cut);
        _length -= cut;
        _scanned -= cut;
        _cut = -1;
        var quoted = _heldQuoted;
        var listIndent = _heldListIndent;
        _heldQuoted = _lineQuoted && segment[^1] != '\n';
        _heldListIndent = -1;
        var guarded = await _guard.GuardAsync(segment, _context, quoted, listIndent, cancellationToken).ConfigureAwait(false);
        if (!ReferenceEquals(guarded, segment) && LeavesTagOpen(guarded, quoted))
        {
            // A removal took what closed a tag (a '>' or a quote in the removed value): the tag would run on into the
            // text still to come, which is decided apart. Nothing in this part may become markup.
            guarded = ReplyGuard.Inert(guarded);
        }

        if (_inStyle && whole)
        {
            // A style element with more after it than is held: it is made text with all markup before the cut. (A line
            // cut before the style element leaves it held, to the end.)
            _inStyle = false;
            guarded = ReplyGuard.Inert(guarded);
        }

        return passed + Passed(guarded);
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
        var quoted = _heldQuoted;
        var listIndent = _heldListIndent;
        _heldQuoted = false;
        _heldListIndent = -1;
        _length = _scanned = 0;
        _cut = -1;
        _inTag = _inStyle = false;
        _image = _definition = Open.None;
        _scanIndent = 0;
        return Passed(await _guard.GuardAsync(held, _context, quoted, listIndent, cancellationToken).ConfigureAwait(false));
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
            _passedQuoted = c != '\n' && (_passedQuoted || (_indent >= 0 && c == '>'));
            _indent = NextIndent(_indent, c);
            if (c == '\n')
            {
                _leadLength = 0;
            }
            else if (_leadLength < MaxLead)
            {
                _lead[_leadLength++] = c;
            }
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
            if ((c == '!' && next is '[' or '\0') || (c == '<' && (next == '\0' || char.IsAsciiLetter(next))) || (c == '[' && (indent >= 0 || AfterListMarker(text, i))))
            {
                return i;
            }

            indent = NextIndent(indent, c);
        }

        // A line break followed only by spaces or quote marks may still begin a definition.
        return indent > 0 ? text.Length - indent : -1;
    }

    /// <summary>Whether the line of <paramref name="at"/>, as passed on and in <paramref name="text"/>, holds only container markers before it ("- [1]: …" may define a URL).</summary>
    private bool AfterListMarker(string text, int at)
    {
        var lineStart = at > 0 ? text.LastIndexOf('\n', at - 1) + 1 : 0;
        if (lineStart > 0)
        {
            return at - lineStart <= MaxLead && RenderedUrlScanner.IsContainerLead(text.AsSpan(lineStart, at - lineStart));
        }

        if (_leadLength + at > MaxLead)
        {
            return false;
        }

        Span<char> lead = stackalloc char[MaxLead];
        _lead.AsSpan(0, _leadLength).CopyTo(lead);
        text.AsSpan(0, at).CopyTo(lead[_leadLength..]);
        return RenderedUrlScanner.IsContainerLead(lead[..(_leadLength + at)]);
    }

    /// <summary>
    /// Reads the held text from where the last read stopped, noting the last line break at which no tag, image or
    /// definition is open. Each is followed on its own, since they nest (a tag in a definition's label). A blank line
    /// closes whatever is open (markdown ends an unfinished image there); a definition may have its URL on the next
    /// line. A character whose meaning depends on the next one is read when the next one has come.
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

            if (c == '<')
            {
                if (i + StyleStart.Length + 1 > text.Length)
                {
                    break; // whether a style element starts here, the next characters decide
                }

                // From a "<style" anywhere (even where this reading sees another tag's attribute value, which the
                // renderer may print as text) everything is held to the end: whether and where its CSS ends is the
                // renderer's to say (an end tag in a code span or escaped is text; in SVG style elements nest).
                _inStyle |= IsStyleTag(text[i..]);
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '\n' && next == '\n')
            {
                // A tag stays open: an HTML block may carry it across blank lines, and a browser reads on.
                _image = Open.None;
                _definition = Open.None;
            }

            var lineStart = _scanIndent >= 0;
            _scanIndent = NextIndent(_scanIndent, c);
            _lineQuoted = c != '\n' && (_lineQuoted || (lineStart && c == '>'));

            // In a block quote, a continued line's '>' is the quote's marker, not the tag's end.
            if (_inTag)
            {
                _inTag = !_tag.Ends(c, lineStart, _tagInQuote);
            }
            else if (c == '<' && char.IsAsciiLetter(next) && !_inStyle)
            {
                _inTag = true;
                _tagInQuote = _lineQuoted;
                _tag = default;
            }

            // "![a](…)" closes at its ')'. An opener whose closing bracket opens no destination ("![a][1] … ](…)") may
            // pair with a later "](" of the paragraph, so it stays open until a blank line.
            switch (_image)
            {
                case Open.None when c == '!' && next == '[':
                    _image = Open.ImageText;
                    _imageDepth = 0;
                    break;
                case Open.ImageText when c == '[':
                    _imageDepth++;
                    break;
                case Open.ImageText when c == ']' && --_imageDepth == 0:
                    _image = next == '(' ? Open.ImageDestination : Open.ImageLoose;
                    _imageDepth = -1; // the destination's '(' comes next
                    _inDestinationUrl = true;
                    _urlBegun = false;
                    break;
                case Open.ImageDestination when _inDestinationUrl && char.IsWhiteSpace(c) && _imageDepth >= 0:
                    // Past the URL, the first ')' closes (a title may hold one); blanks before it ("(⇥https://…") end nothing.
                    _inDestinationUrl = !_urlBegun;
                    break;
                case Open.ImageDestination when _inDestinationUrl && c == '(':
                    _urlBegun |= _imageDepth >= 0;
                    _imageDepth++;
                    break;
                case Open.ImageDestination when _inDestinationUrl && _imageDepth >= 0 && c != ')':
                    _urlBegun = true;
                    break;
                case Open.ImageDestination when c == ')' && (!_inDestinationUrl || _imageDepth-- == 0):
                    _image = Open.None;
                    break;
            }

            switch (_definition)
            {
                case Open.None when c == '[' && lineStart:
                    _definition = Open.DefinitionLabel;
                    break;
                case Open.DefinitionLabel when c == ']':
                    _definition = next == ':' ? Open.DefinitionDestination : Open.None;
                    _definitionHasUrl = _definitionBroke = false;
                    break;
                case Open.DefinitionLabel when c == '\n':
                    _definition = Open.None;
                    break;
                case Open.DefinitionDestination when c == '\n':
                    // "[1]:" may have its URL on the next line: the first line break before it is no end.
                    _definition = _definitionHasUrl || _definitionBroke ? Open.None : Open.DefinitionDestination;
                    _definitionBroke = true;
                    break;
                case Open.DefinitionDestination when c is not (' ' or '\t' or ':'):
                    _definitionHasUrl = true;
                    break;
            }

            if (c == '\n' && !_inTag && !_inStyle && _image == Open.None && _definition == Open.None)
            {
                _cut = i + 1;
            }
        }

        _scanned = i;
    }

    /// <summary>Whether <paramref name="text"/>, read from a line's start, ends inside a tag, a quoted value or a style element.</summary>
    private bool LeavesTagOpen(string text, bool quoted)
    {
        var probe = new ReplyStreamGuard(_guard, _context) { _lineQuoted = quoted };
        probe.Hold(text);
        probe.Hold(ProbeEnd); // the reading waits at a '<' until it sees what follows: give it room to end
        probe.Scan();
        return probe._inTag || probe._inStyle;
    }

    private const string ProbeEnd = "\n\n\n\n\n\n\n\n";

    private const string StyleStart = "<style";

    /// <summary>Whether <paramref name="text"/> starts with a <c>style</c> start tag's name (<c>&lt;style</c> and white space, '/' or '&gt;').</summary>
    private static bool IsStyleTag(ReadOnlySpan<char> text)
        => text.Length > 6 && text[1..].StartsWith("style", StringComparison.OrdinalIgnoreCase) && text[6] is ' ' or '\t' or '\r' or '\n' or '/' or '>';

    private enum Open
    {
        None,
        ImageText,
        ImageDestination,
        ImageLoose,
        DefinitionLabel,
        DefinitionDestination,
    }
}
