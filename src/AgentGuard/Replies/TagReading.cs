namespace AgentGuard;

/// <summary>
/// One open HTML tag, read a character at a time by the states of a browser's tokenizer (the HTML standard's tag name,
/// attribute name, attribute value and self-closing states): a quoted attribute value is read to its quote (a '&gt;' in
/// it ends nothing), a quote elsewhere is a character of a name or an unquoted value, an '=' that opens an attribute's
/// name is part of the name (<c>&lt;img ="="&gt;" onerror=…&gt;</c> is one tag to a browser), and the tag ends at a
/// '&gt;' outside a quoted value — unless, in a block quote, that '&gt;' is the quote's marker at the start of a continued
/// line (markdown removes those before the browser sees the tag). The scanner and the stream guard read tags with it alike.
/// </summary>
internal struct TagReading
{
    private State _state;
    private char _valueQuote;

    private enum State : byte
    {
        TagName,
        BeforeAttributeName,
        AttributeName,
        AfterAttributeName,
        BeforeAttributeValue,
        QuotedValue,
        UnquotedValue,
        AfterQuotedValue,
    }

    /// <summary>Reads <paramref name="c"/>; true when it is the '&gt;' that ends the tag.</summary>
    /// <param name="c">The next character after the tag's '&lt;'.</param>
    /// <param name="lineStart">Whether only line-break, spaces, tabs and quote markers stand before it on its line.</param>
    /// <param name="inQuote">Whether the tag is in a block quote.</param>
    public bool Ends(char c, bool lineStart, bool inQuote)
    {
        if (_state == State.QuotedValue)
        {
            if (c == _valueQuote)
            {
                _state = State.AfterQuotedValue;
            }

            return false;
        }

        if (lineStart && inQuote && c == '>')
        {
            // The quote's marker: markdown removes it, the browser never reads it.
            return false;
        }

        var blank = c is ' ' or '\t' or '\n' or '\r' or '\f';
        switch (_state)
        {
            case State.TagName:
                _state = blank || c == '/' ? State.BeforeAttributeName : State.TagName;
                return c == '>';
            case State.BeforeAttributeName:
                // An '=' here opens a name ("unexpected-equals-sign-before-attribute-name"): it does not start a value.
                _state = blank || c == '/' ? State.BeforeAttributeName : State.AttributeName;
                return c == '>';
            case State.AttributeName:
                _state = blank ? State.AfterAttributeName : c == '/' ? State.BeforeAttributeName : c == '=' ? State.BeforeAttributeValue : State.AttributeName;
                return c == '>';
            case State.AfterAttributeName:
                _state = blank ? State.AfterAttributeName : c == '/' ? State.BeforeAttributeName : c == '=' ? State.BeforeAttributeValue : State.AttributeName;
                return c == '>';
            case State.BeforeAttributeValue:
                if (c is '"' or '\'')
                {
                    _valueQuote = c;
                    _state = State.QuotedValue;
                    return false;
                }

                _state = blank ? State.BeforeAttributeValue : State.UnquotedValue;
                return c == '>';
            case State.UnquotedValue:
                _state = blank ? State.BeforeAttributeName : State.UnquotedValue;
                return c == '>';
            default:
                // After a quoted value: a blank or '/' separates; any other character opens the next name at once.
                _state = blank || c == '/' ? State.BeforeAttributeName : State.AttributeName;
                return c == '>';
        }
    }
}
