namespace AgentGuard;

/// <content>
/// A URL whose user (or host) is filled in by a template while its password is written out: <c>https://{user}:…@</c>,
/// <c>postgres://${DB_USER}:…@</c>, <c>mysql://%s:…@%s/db</c>, <c>$(MONGO_USER)</c>, <c>{{ user }}</c>, <c>&lt;user&gt;</c>.
/// The template is skipped as a whole; the password beside it is judged as any URL password (a templated password
/// is not read: it stops at its brace, or is too short, as <c>%s</c>).
/// </content>
internal static partial class SecretFormats
{
    /// <summary>The longest template read in a URL's user or host.</summary>
    private const int MaxTemplate = 64;

    /// <summary>
    /// Where a template that starts at <paramref name="i"/> ends (<c>{user}</c>, <c>{{ user }}</c>, <c>${USER}</c>,
    /// <c>$(USER)</c>, <c>&lt;user&gt;</c>, <c>%s</c>, <c>%(user)s</c>), or -1.
    /// </summary>
    private static int TemplateEnd(string text, int i)
    {
        if (i + 1 >= text.Length)
        {
            return -1;
        }

        var (open, close) = text[i] switch
        {
            '{' when text[i + 1] == '{' => (i + 2, "}}"),
            '{' => (i + 1, "}"),
            '$' when text[i + 1] == '{' => (i + 2, "}"),
            '$' when text[i + 1] == '(' => (i + 2, ")"),
            '<' => (i + 1, ">"),
            '%' when text[i + 1] == 's' => (i, ""),
            '%' when text[i + 1] == '(' => (i + 2, ")s"),
            _ => (-1, ""),
        };
        if (open < 0)
        {
            return -1;
        }

        if (close.Length == 0)
        {
            return i + 2;
        }

        var limit = Math.Min(text.Length, open + MaxTemplate);
        for (var j = open; j < limit; j++)
        {
            var c = text[j];
            if (text.AsSpan(j).StartsWith(close, StringComparison.Ordinal))
            {
                return j == open ? -1 : j + close.Length;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ' ' or ':'))
            {
                return -1;
            }
        }

        return -1;
    }
}
