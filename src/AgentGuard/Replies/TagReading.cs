namespace AgentGuard;

/// <summary>
/// One open HTML tag, read a character at a time as a browser reads it: a quoted attribute value is read to its quote (a
/// '&gt;' in it ends nothing), and elsewhere the tag ends at '&gt;' — unless, in a block quote, that '&gt;' is the quote's
/// marker at the start of a continued line (markdown removes those before the browser sees the tag). The scanner and the
/// stream guard read tags with it alike.
/// </summary>
internal struct TagReading
{
    private char _valueQuote;
    private bool _afterEquals;

    /// <summary>Reads <paramref name="c"/>; true when it is the '&gt;' that ends the tag.</summary>
    /// <param name="c">The next character after the tag's '&lt;'.</param>
    /// <param name="lineStart">Whether only line-break, spaces, tabs and quote markers stand before it on its line.</param>
    /// <param name="inQuote">Whether the tag is in a block quote.</param>
    public bool Ends(char c, bool lineStart, bool inQuote)
    {
        if (_valueQuote != '\0')
        {
            _valueQuote = c == _valueQuote ? '\0' : _valueQuote;
            return false;
        }

        if (_afterEquals && !char.IsWhiteSpace(c) && !(lineStart && inQuote && c == '>'))
        {
            _afterEquals = false;
            if (c is '"' or '\'')
            {
                _valueQuote = c;
                return false;
            }
        }

        _afterEquals |= c == '=';
        return c == '>' && !(lineStart && inQuote);
    }
}
