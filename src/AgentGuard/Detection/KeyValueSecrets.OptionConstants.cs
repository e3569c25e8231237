namespace AgentGuard;

/// <content>
/// A secret passed to an options call beside the constant that names it: <c>curl_easy_setopt(curl,
/// CURLOPT_PASSWORD, "…")</c>, <c>SetOption(OPTION_API_TOKEN, "…")</c>. The constant is the name, the string literal
/// after the comma its value.
/// </content>
internal static partial class KeyValueSecrets
{
    /// <summary>
    /// The name at <c>[start, end)</c> is an upper-case constant given as a call argument (after <c>(</c> or a comma)
    /// and followed by a comma and a string literal: returns where that literal's quote is, or -1.
    /// </summary>
    private static int OptionArgument(string text, int start, int end)
    {
        if (end + 1 >= text.Length || text[end] != ',' || !IsUpperSnakeName(text.AsSpan(start, end - start)))
        {
            return -1;
        }

        var before = start - 1;
        while (before >= 0 && start - before < 8 && text[before] == ' ')
        {
            before--;
        }

        if (before < 0 || text[before] is not ('(' or ','))
        {
            return -1;
        }

        var i = SkipSpaces(text, end + 1, 4);
        return i < text.Length && text[i] == '"' ? i : -1;
    }
}
