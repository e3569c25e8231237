using System.Globalization;
using System.Text;

namespace AgentGuard;

/// <summary>
/// Puts tool names in the form rules match: surrounding white space trimmed, format characters (zero-width, bidi
/// controls, tag characters) removed, Unicode NFKC applied (full-width and mathematical letters become plain ones),
/// and — in a name that mixes Latin letters with Cyrillic or Greek ones — look-alike letters mapped to Latin
/// (<c>ѕend_email</c> with a Cyrillic <c>ѕ</c> is <c>send_email</c>). A name that had to change is marked, so policy
/// can treat a disguised name as suspicious (tag <c>obfuscated-name</c>).
/// </summary>
public static class ToolNames
{
    /// <summary>The tag a call carries when its tool name had to be normalised.</summary>
    public const string ObfuscatedTag = "obfuscated-name";

    /// <summary>The normalised form of <paramref name="name"/>; the same instance when nothing had to change.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsPlain(name))
        {
            return name;
        }

        var text = UnicodeText.CleanAndNormalize(name);
        text = MapLookalikes(text.Trim());
        if (text.Length == 0)
        {
            text = name.Trim();
        }

        return text == name ? name : text;
    }

    /// <summary>True when the name has only printable ASCII and no surrounding white space: nothing to normalise.</summary>
    private static bool IsPlain(string name)
    {
        if (name.Length == 0 || char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static string MapLookalikes(string text)
    {
        var hasLatin = false;
        var hasLookalike = false;
        foreach (var c in text)
        {
            hasLatin |= char.IsAsciiLetter(c);
            hasLookalike |= Latin(c) != c;
        }

        if (!hasLatin || !hasLookalike)
        {
            return text;
        }

        return string.Create(text.Length, text, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                destination[i] = Latin(source[i]);
            }
        });
    }

    /// <summary>The Latin letter a Cyrillic or Greek letter is commonly mistaken for (after Unicode's confusables list), or the letter itself.</summary>
    private static char Latin(char c) => c switch
    {
        'а' => 'a',
        'А' => 'A',
        'в' => 'B',
        'В' => 'B',
        'с' => 'c',
        'С' => 'C',
        'ԁ' => 'd',
        'е' => 'e',
        'Е' => 'E',
        'һ' => 'h',
        'Н' => 'H',
        'і' => 'i',
        'І' => 'I',
        'ј' => 'j',
        'Ј' => 'J',
        'к' => 'k',
        'К' => 'K',
        'ӏ' => 'l',
        'м' => 'm',
        'М' => 'M',
        'о' => 'o',
        'О' => 'O',
        'р' => 'p',
        'Р' => 'P',
        'ԛ' => 'q',
        'ѕ' => 's',
        'Ѕ' => 'S',
        'т' => 't',
        'Т' => 'T',
        'ս' => 'u',
        'ѵ' => 'v',
        'ԝ' => 'w',
        'х' => 'x',
        'Х' => 'X',
        'у' => 'y',
        'У' => 'Y',
        'Ζ' => 'Z',
        'α' => 'a',
        'Α' => 'A',
        'Β' => 'B',
        'ε' => 'e',
        'Ε' => 'E',
        'Η' => 'H',
        'ι' => 'i',
        'Ι' => 'I',
        'κ' => 'k',
        'Κ' => 'K',
        'Μ' => 'M',
        'ν' => 'v',
        'Ν' => 'N',
        'ο' => 'o',
        'Ο' => 'O',
        'ρ' => 'p',
        'Ρ' => 'P',
        'τ' => 't',
        'Τ' => 'T',
        'υ' => 'u',
        'Υ' => 'Y',
        'χ' => 'x',
        'Χ' => 'X',
        _ => c,
    };
}
