using System.Globalization;
using System.Text;

namespace AgentGuard.Shell.Parsing;

/// <summary>
/// Splits a script into words and operators the way a POSIX shell (and bash) reads it: quoting, escapes,
/// backslash-newline continuations, <c>$'…'</c>, parameter, command, process and arithmetic substitutions,
/// comments and here-documents. Never throws: problems are collected in <see cref="Errors"/>.
/// </summary>
internal sealed class ShellLexer
{
    private readonly string _text;
    private readonly List<ShellToken> _tokens;
    private List<HereDocument>? _pendingHereDocuments; // made by the first <<: most lines have none
    private readonly StringBuilder _literal = new();
    private int _pos;

    private ShellLexer(string text)
    {
        _text = text;

        // About one token per four characters on everyday lines: sized once instead of grown 4, 8, 16 (capped, so a
        // long line still grows as it goes).
        _tokens = new List<ShellToken>(Math.Min((text.Length / 4) + 2, 64));
    }

    /// <summary>What could not be read (unbalanced quotes, unterminated substitutions).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Lexes <paramref name="text"/>.</summary>
    public static (List<ShellToken> Tokens, List<string> Errors) Lex(string text)
    {
        var lexer = new ShellLexer(text);
        lexer.Run();
        return (lexer._tokens, lexer.Errors);
    }

    private static bool IsMeta(char c) => c is ' ' or '\t' or '\n' or '\r' or '|' or '&' or ';' or '<' or '>' or '(' or ')';

    private void Run()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\\' && Peek(1) == '\n')
            {
                _pos += 2;
                continue;
            }

            if (c is ' ' or '\t' or '\r')
            {
                _pos++;
                continue;
            }

            if (c == '\n')
            {
                _pos++;
                _tokens.Add(ShellToken.Newline);
                ReadHereDocumentBodies();
                continue;
            }

            if (c == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }

                continue;
            }

            if ((c == '<' || c == '>') && Peek(1) == '(')
            {
                ReadWord();
                continue;
            }

            if (TryReadOperator(null))
            {
                continue;
            }

            ReadWord();
        }

        if (_pendingHereDocuments is { Count: > 0 })
        {
            ReadHereDocumentBodies();
        }
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private bool TryReadOperator(string? fileDescriptor)
    {
        var op = MatchOperator(_text[_pos], Peek(1), Peek(2));
        if (op is not null)
        {
            _pos += op.Length;
            if (fileDescriptor is null && ShellToken.SharedOperator(op) is { } shared)
            {
                _tokens.Add(shared);
                return true;
            }

            var token = new ShellToken { Kind = ShellTokenKind.Operator, Text = op, FileDescriptor = fileDescriptor };
            if (op is "<<" or "<<-")
            {
                var document = new HereDocument { StripTabs = op == "<<-" };
                token.HereDocument = document;
                _tokens.Add(token);
                SkipBlanks();
                var delimiterStart = _tokens.Count;
                ReadWord();
                if (_tokens.Count > delimiterStart)
                {
                    document.Delimiter = DelimiterText(_tokens[^1]);
                    document.Quoted = _tokens[^1].Parts.Any(p => p.Quoted);
                    (_pendingHereDocuments ??= []).Add(document);
                }

                return true;
            }

            _tokens.Add(token);
            return true;
        }

        return false;
    }

    /// <summary>The longest operator starting with <paramref name="c"/>, <paramref name="n"/>, <paramref name="m"/>; null when none.</summary>
    private static string? MatchOperator(char c, char n, char m) => c switch
    {
        ';' => n == ';' ? (m == '&' ? ";;&" : ";;") : n == '&' ? ";&" : ";",
        '&' => n == '&' ? "&&" : n == '>' ? (m == '>' ? "&>>" : "&>") : "&",
        '|' => n == '|' ? "||" : n == '&' ? "|&" : "|",
        '<' => n == '<' ? (m == '<' ? "<<<" : m == '-' ? "<<-" : "<<") : n == '>' ? "<>" : n == '&' ? "<&" : "<",
        '>' => n == '>' ? ">>" : n == '&' ? ">&" : n == '|' ? ">|" : ">",
        '(' => "(",
        ')' => ")",
        _ => null,
    };

    private static string DelimiterText(ShellToken word)
    {
        var builder = new StringBuilder();
        for (var partIndex = 0; partIndex < word.Parts.Count; partIndex++)
        {
            var part = word.Parts[partIndex];
            builder.Append(part is LiteralPart literal ? literal.Text : string.Empty);
        }

        return builder.ToString();
    }

    private void SkipBlanks()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t')
        {
            _pos++;
        }
    }

    private void ReadHereDocumentBodies()
    {
        if (_pendingHereDocuments is null)
        {
            return;
        }

        foreach (var document in _pendingHereDocuments)
        {
            var body = new StringBuilder();
            while (_pos < _text.Length)
            {
                var end = _text.IndexOf('\n', _pos);
                var line = end < 0 ? _text[_pos..] : _text[_pos..end];
                _pos = end < 0 ? _text.Length : end + 1;
                var compared = document.StripTabs ? line.TrimStart('\t') : line;
                if (compared.TrimEnd('\r') == document.Delimiter)
                {
                    document.Terminated = true;
                    break;
                }

                body.Append(compared).Append('\n');
            }

            document.Body = body.ToString();
            if (!document.Terminated)
            {
                Errors.Add("here-document '" + document.Delimiter + "' is not terminated");
            }
        }

        _pendingHereDocuments.Clear();
    }

    /// <summary>What ends a plain word or makes it more than plain: metacharacters, quotes, escapes, <c>$</c> and backticks.</summary>
    private static readonly System.Buffers.SearchValues<char> WordStops = System.Buffers.SearchValues.Create(" \t\n\r|&;<>()\\'\"$`");

    private void ReadWord()
    {
        // Most words are plain text up to a blank or an operator: found in one vectorized search, their text is the raw
        // text. A word that stops at a quote, escape, expansion or redirection (2>&1, <(…)) takes the full path.
        var stop = _text.AsSpan(_pos).IndexOfAny(WordStops);
        var plainEnd = stop < 0 ? _text.Length : _pos + stop;
        if (plainEnd > _pos && (plainEnd == _text.Length || _text[plainEnd] is ' ' or '\t' or '\n' or '\r' or '|' or '&' or ';' or '(' or ')'))
        {
            _tokens.Add(new ShellToken { Kind = ShellTokenKind.Word, Text = _text[_pos..plainEnd], IsPlainLiteral = true });
            _pos = plainEnd;
            return;
        }

        var start = _pos;
        List<WordPart>? parts = null; // most words are one plain literal: no list for them
        var literal = _literal.Clear();
        var allDigits = true;

        void Flush(bool quoted)
        {
            if (literal.Length > 0 || quoted)
            {
                (parts ??= new List<WordPart>(2)).Add(new LiteralPart(literal.ToString(), quoted));
                literal.Clear();
            }
        }

        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if ((c == '<' || c == '>') && Peek(1) == '(')
            {
                Flush(false);
                var close = FindClosingParen(_pos + 2);
                (parts ??= new List<WordPart>(2)).Add(new ProcessSubstitutionPart(Slice(_pos + 2, close)));
                _pos = close < 0 ? _text.Length : close + 1;
                allDigits = false;
                continue;
            }

            if (IsMeta(c))
            {
                break;
            }

            if (!char.IsAsciiDigit(c))
            {
                allDigits = false;
            }

            switch (c)
            {
                case '\\':
                    if (Peek(1) == '\n')
                    {
                        _pos += 2;
                    }
                    else if (_pos + 1 < _text.Length)
                    {
                        Flush(false);
                        literal.Append(_text[_pos + 1]);
                        Flush(true);
                        _pos += 2;
                    }
                    else
                    {
                        _pos++;
                    }

                    break;
                case '\'':
                    {
                        Flush(false);
                        var close = _text.IndexOf('\'', _pos + 1);
                        if (close < 0)
                        {
                            Errors.Add("a single quote is not closed");
                            close = _text.Length;
                        }

                        (parts ??= new List<WordPart>(2)).Add(new LiteralPart(Slice(_pos + 1, close), true));
                        _pos = Math.Min(close + 1, _text.Length);
                        break;
                    }

                case '"':
                    Flush(false);
                    _pos++;
                    ReadDoubleQuoted(parts ??= new List<WordPart>(2));
                    break;
                case '$':
                    Flush(false);
                    ReadDollar(parts ??= new List<WordPart>(2), quoted: false);
                    break;
                case '`':
                    Flush(false);
                    ReadBacktick(parts ??= new List<WordPart>(2), quoted: false);
                    break;
                default:
                    literal.Append(c);
                    _pos++;
                    break;
            }
        }

        var raw = _text[start.._pos];
        IReadOnlyList<WordPart>? wordParts = null;
        var plain = parts is null && literal.Length == raw.Length;
        if (plain)
        {
            // The whole word is one unquoted literal (nothing escaped or continued): its text is the raw text, and its
            // one part is made only if something asks for it.
            literal.Clear();
        }
        else
        {
            Flush(false);
            wordParts = (IReadOnlyList<WordPart>?)parts ?? [];
        }

        if (allDigits && raw.Length > 0 && _pos < _text.Length && (_text[_pos] == '<' || _text[_pos] == '>') && Peek(1) != '(')
        {
            TryReadOperator(raw);
            return;
        }

        if (raw.Length > 0)
        {
            _tokens.Add(plain ? new ShellToken { Kind = ShellTokenKind.Word, Text = raw, IsPlainLiteral = true } : new ShellToken { Kind = ShellTokenKind.Word, Text = raw, Parts = wordParts! });
        }
    }

    /// <summary>
    /// Reads text in which the shell expands <c>$…</c> and backticks but not quotes: an unquoted here-document body,
    /// an arithmetic expression, a <c>${name:-word}</c> word. Returns its parts.
    /// </summary>
    public static IReadOnlyList<WordPart> ExpandableText(string text)
    {
        var lexer = new ShellLexer(text);
        var parts = new List<WordPart>();
        lexer.ReadDoubleQuoted(parts, untilQuote: false);
        return parts;
    }

    private void ReadDoubleQuoted(List<WordPart> parts, bool untilQuote = true)
    {
        var literal = new StringBuilder();
        var closed = !untilQuote;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '"' && untilQuote)
            {
                _pos++;
                closed = true;
                break;
            }

            if (c == '\\' && _pos + 1 < _text.Length)
            {
                var next = _text[_pos + 1];
                if (next == '\n')
                {
                    _pos += 2;
                    continue;
                }

                if (next is '$' or '`' or '"' or '\\')
                {
                    literal.Append(next);
                    _pos += 2;
                    continue;
                }

                literal.Append(c);
                _pos++;
                continue;
            }

            if (c == '$' || c == '`')
            {
                parts.Add(new LiteralPart(literal.ToString(), true));
                literal.Clear();
                if (c == '$')
                {
                    ReadDollar(parts, quoted: true);
                }
                else
                {
                    ReadBacktick(parts, quoted: true);
                }

                continue;
            }

            literal.Append(c);
            _pos++;
        }

        if (!closed)
        {
            Errors.Add("a double quote is not closed");
        }

        parts.Add(new LiteralPart(literal.ToString(), true));
    }

    private void ReadDollar(List<WordPart> parts, bool quoted)
    {
        var next = Peek(1);
        if (next == '(' && Peek(2) == '(')
        {
            var close = _text.IndexOf("))", _pos + 3, StringComparison.Ordinal);
            if (close < 0)
            {
                Errors.Add("an arithmetic expansion is not closed");
                close = _text.Length;
            }

            parts.Add(new ArithmeticPart(Slice(_pos + 3, close), quoted));
            _pos = Math.Min(close + 2, _text.Length);
            return;
        }

        if (next == '(')
        {
            var close = FindClosingParen(_pos + 2);
            parts.Add(new CommandSubstitutionPart(Slice(_pos + 2, close), quoted));
            _pos = close < 0 ? _text.Length : close + 1;
            return;
        }

        if (next == '{')
        {
            var close = FindClosingBrace(_pos + 2);
            var inner = Slice(_pos + 2, close);
            _pos = close < 0 ? _text.Length : close + 1;
            var nameLength = 0;
            while (nameLength < inner.Length && (char.IsAsciiLetterOrDigit(inner[nameLength]) || inner[nameLength] == '_'))
            {
                nameLength++;
            }

            if (nameLength == 0 && inner.Length > 0 && inner[0] is '@' or '*' or '#' or '?' or '!' or '$' or '-')
            {
                nameLength = 1;
            }

            var name = inner[..nameLength];
            parts.Add(new ParameterPart(name.Length == 0 ? inner : name, nameLength == inner.Length ? null : inner[nameLength..], quoted));
            return;
        }

        if (!quoted && next == '\'')
        {
            var (text, end) = AnsiC.Decode(_text, _pos + 2);
            if (end >= _text.Length)
            {
                Errors.Add("a $'...' quote is not closed");
            }

            parts.Add(new LiteralPart(text, true));
            _pos = Math.Min(end + 1, _text.Length);
            return;
        }

        if (!quoted && next == '"')
        {
            _pos += 2;
            ReadDoubleQuoted(parts);
            return;
        }

        if (char.IsAsciiLetter(next) || next == '_')
        {
            var start = _pos + 1;
            var end = start;
            while (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] == '_'))
            {
                end++;
            }

            parts.Add(new ParameterPart(_text[start..end], null, quoted));
            _pos = end;
            return;
        }

        if (char.IsAsciiDigit(next) || next is '@' or '*' or '#' or '?' or '!' or '$' or '-')
        {
            parts.Add(new ParameterPart(next.ToString(), null, quoted));
            _pos += 2;
            return;
        }

        parts.Add(new LiteralPart("$", quoted));
        _pos++;
    }

    private void ReadBacktick(List<WordPart> parts, bool quoted)
    {
        var builder = new StringBuilder();
        var i = _pos + 1;
        var closed = false;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c == '\\' && i + 1 < _text.Length && _text[i + 1] is '`' or '\\' or '$')
            {
                builder.Append(_text[i + 1]);
                i += 2;
                continue;
            }

            if (c == '`')
            {
                closed = true;
                break;
            }

            builder.Append(c);
            i++;
        }

        if (!closed)
        {
            Errors.Add("a backtick substitution is not closed");
        }

        parts.Add(new CommandSubstitutionPart(builder.ToString(), quoted));
        _pos = Math.Min(i + 1, _text.Length);
    }

    private string Slice(int start, int close) => close < 0 ? _text[Math.Min(start, _text.Length)..] : _text[start..close];

    /// <summary>Finds the parenthesis closing one opened just before <paramref name="start"/>, skipping quotes; -1 when none.</summary>
    private int FindClosingParen(int start)
    {
        var index = ScanBalanced(_text, start, '(', ')');
        if (index < 0)
        {
            Errors.Add("a substitution is not closed");
        }

        return index;
    }

    private int FindClosingBrace(int start)
    {
        var index = ScanBalanced(_text, start, '{', '}');
        if (index < 0)
        {
            Errors.Add("a ${...} expansion is not closed");
        }

        return index;
    }

    private static int ScanBalanced(string text, int start, char open, char close)
    {
        var depth = 1;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    i += 2;
                    continue;
                case '\'':
                    {
                        var end = text.IndexOf('\'', i + 1);
                        if (end < 0)
                        {
                            return -1;
                        }

                        i = end + 1;
                        continue;
                    }

                case '"':
                    i++;
                    while (i < text.Length && text[i] != '"')
                    {
                        i += text[i] == '\\' ? 2 : 1;
                    }

                    i++;
                    continue;
                case '`':
                    {
                        var end = text.IndexOf('`', i + 1);
                        if (end < 0)
                        {
                            return -1;
                        }

                        i = end + 1;
                        continue;
                    }

                default:
                    break;
            }

            if (c == open)
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    /// <summary>Decodes bash's <c>$'…'</c> quoting.</summary>
    private static class AnsiC
    {
        public static (string Text, int End) Decode(string text, int start)
        {
            var builder = new StringBuilder();
            var i = start;
            while (i < text.Length && text[i] != '\'')
            {
                if (text[i] != '\\' || i + 1 >= text.Length)
                {
                    builder.Append(text[i++]);
                    continue;
                }

                var e = text[i + 1];
                i += 2;
                switch (e)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'a': builder.Append('\a'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'e' or 'E': builder.Append('\u001b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'v': builder.Append('\v'); break;
                    case 'x':
                        i = AppendNumber(builder, text, i, 2, 16);
                        break;
                    case 'u':
                        i = AppendNumber(builder, text, i, 4, 16);
                        break;
                    case 'U':
                        i = AppendNumber(builder, text, i, 8, 16);
                        break;
                    case >= '0' and <= '7':
                        i = AppendNumber(builder, text, i - 1, 3, 8);
                        break;
                    default:
                        builder.Append(e);
                        break;
                }
            }

            return (builder.ToString(), i);
        }

        private static int AppendNumber(StringBuilder builder, string text, int start, int maxDigits, int radix)
        {
            var end = start;
            while (end < text.Length && end - start < maxDigits && Uri.IsHexDigit(text[end]) && (radix == 16 || text[end] is >= '0' and <= '7'))
            {
                end++;
            }

            if (end == start)
            {
                return start;
            }

            var value = radix == 16
                ? int.Parse(text.AsSpan(start, end - start), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : Convert.ToInt32(text.Substring(start, end - start), 8);
            if (value is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
            {
                builder.Append(char.ConvertFromUtf32(value));
            }

            return end;
        }
    }
}
