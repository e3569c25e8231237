using System.Text.RegularExpressions;
using CsCheck;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// "A detected secret never leaves a fragment" for the characters that end a cut: a generated password holding the
/// separators of lists and calls (<c>,</c> <c>;</c> <c>&amp;</c> <c>|</c> <c>&lt;</c> <c>&gt;</c> and the brackets) and
/// quotes, written without quotes around it where a value runs to white space (.env, shell, YAML, INI, .properties, a
/// header), is not reported, or what the audit redactor replaces covers all of it. Before this property the redaction of
/// <c>PASSWORD=9sF9oB;1FY7THjM5F</c> stopped at the first ';' and left <c>;1FY7THjM5F</c> in the audit file. Values
/// where a separator is followed by a name and '=' or ':' (<c>abc;user=x</c>: the next field of a list, by its look) or
/// by a tag (<c>abc&lt;/b&gt;</c>) are not generated: there the cut is the reading a list or markup asks for, and a
/// password that spells them is a known limit. Nor are values holding a name followed by '=' or ':' (<c>…'gbja=8y0zE…</c>, seed
/// 0nV6oyGcevo2; <c>…[JYt:zpt…</c>, seed e8dSbs_tEEv2; <c>…088'=8Kuk…</c>, seed eAVL_BkCY3-1): when the value as cut is not reported (too short: <c>12;…</c>), the run after it is
/// reported as an assignment of its own and the value before it stays, the limit
/// <see cref="GeneratedSecrets"/> describes for names of secrets, here for any name. Iterations from <c>AGENTGUARD_FUZZ_ITERATIONS</c> (default 20,000).
/// </summary>
public sealed partial class SecretNoFragmentSeparatorPropertyTests
{
    /// <summary>Separators that end a value in a list or a call but stand inside generated passwords.</summary>
    private const string Separators = ",;&|<>()[]{}";

    /// <summary>Quotes, which an unquoted value holds as plain characters (<c>abc'def</c> in an .env file or YAML).</summary>
    private const string Quotes = "'\"`";

    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 20_000;

    /// <summary>Unquoted assignments whose value runs to white space or the line's end: {0} is the secret.</summary>
    private static readonly string[] Syntaxes =
    [
        "PASSWORD={0}", "export DB_PASSWORD={0}\nnext=1", "client_secret: {0}\nuser: app", "password = {0}", "spring.datasource.password={0}",
        "[database]\npassword = {0}\nuser = app", "Authorization: Bearer {0}", "X-Api-Key: {0}\r\nAccept: */*", "token={0}", "api_key: {0} # rotated",
        "DB_PASSWORD={0} ./migrate.sh", "  password: {0}\n  host: db",
    ];

    private static readonly Gen<string> Secret = Gen.Select(
        Gen.Char[GeneratedSecrets.Letters],
        Gen.Frequency((8, Gen.Char[GeneratedSecrets.Letters]), (1, Gen.Char[GeneratedSecrets.Symbols]), (2, Gen.Char[Separators]), (1, Gen.Char[Quotes])).Array[6, 120],
        Gen.Char[GeneratedSecrets.Letters],
        (first, body, last) => first + new string(body) + last)
        .Where(secret => !GeneratedSecrets.SecretNames.Any(name => secret.Contains(name, StringComparison.OrdinalIgnoreCase))
            && !secret.Contains("://", StringComparison.Ordinal) && !FieldOrTag().IsMatch(secret) && !InnerAssignment().IsMatch(secret));

    [Fact]
    public void PasswordHoldingSeparators_WrittenUnquoted_IsRedactedWholeOrNotAtAll()
    {
        var detector = new SecretDetector();
        Gen.Select(Secret, Gen.Int[0, Syntaxes.Length - 1]).Sample((secret, syntax) =>
        {
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Syntaxes[syntax], secret);
            return RedactionCoverage.UnreportedOrRedactedWhole(detector, text, secret);
        }, iter: Iterations);
    }

    /// <summary>Constructed cases of the class, one per separator and syntax: each was cut at its first separator.</summary>
    [Theory]
    [InlineData("PASSWORD={0}", "9sF9oB;1FY7THjM5F;9LPBgB")]
    [InlineData("password: {0}", "gef|n9,oTz4Kq")]
    [InlineData("spring.datasource.password={0}", "a&xjBlqIn)4HYeoc8x;lVkDG")]
    [InlineData("export DB_PASSWORD={0}\nnext=1", "txGJ6/Xk3lwRkoqDk74Qq)QejMV/AZnB,(ChTjNNW")]
    [InlineData("password = {0}", "G7qNp1A;cYN\\hS\\BySPacC")]
    [InlineData("[database]\npassword = {0}\nuser = app", "QREYU&7D>[aavV2nT}L}>AFcGdGT")]
    [InlineData("X-Api-Key: {0}\r\nAccept: */*", "JWH6|F2BTEa(SsAC5fpLQ37>g;XBHO4HD")]
    [InlineData("token={0}", "aIoUm04EH9EWl4;;qQms0;qF")]
    [InlineData("client_secret: {0}\nuser: app", "PiE8CKGyt0T)AtKy)j))QPVwfK)H)RlG")]
    [InlineData("Authorization: Bearer {0}", "uo33/ZBknp1E1Z6ANVJY,HclHp;V66")]
    [InlineData("PASSWORD={0}", "hmsk5663115322XQWVM1449771558FOH'TDG")]
    [InlineData("password: {0}\nhost: db", "Kq7mW2x9Lp\"Tz4x`R8")]
    public void PasswordCutAtASeparator_IsRedactedWhole(string syntax, string secret)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, syntax, secret);
        var findings = new List<SecretFinding>();
        new SecretDetector().Find(text, findings);
        findings.Should().NotBeEmpty(text);
        RedactionCoverage.UnreportedOrRedactedWhole(new SecretDetector(), text, secret).Should().BeTrue(text);
    }

    /// <summary>
    /// Look-alikes: the separator ends the value, and what follows it is not redacted — the next field of a connection
    /// string, a query or a list, the closer of a call or a list the value stands in, markup, a shell operator, a comment.
    /// </summary>
    [Theory]
    [InlineData("Server=db;Password=Xk9q2wLm7vPz;Database=app", "Database=app")]
    [InlineData("https://api.example.com/cb?access_token=Xk9q2wLm7vPz&page=2", "page=2")]
    [InlineData("token=Xk9q2wLm7vPz,user=app", "user=app")]
    [InlineData("connect(password=Xk9q2wLm7vPz)", ")")]
    [InlineData("connect(host, password=Xk9q2wLm7vPz), retry(3)", "), retry(3)")]
    [InlineData("opts = [token=Xk9q2wLm7vPz]", "]")]
    [InlineData("<td>password=Xk9q2wLm7vPz</td>", "</td>")]
    [InlineData("PASSWORD=Xk9q2wLm7vPz; echo done", "; echo done")]
    [InlineData("PASSWORD=Xk9q2wLm7vPz && ./deploy.sh", "&& ./deploy.sh")]
    [InlineData("password: Xk9q2wLm7vPz # rotated", "# rotated")]
    [InlineData("client_secret=Xk9q2wLm7vPz;client_id=app-1", "client_id=app-1")]
    [InlineData("{\"cmd\": \"PASSWORD=Xk9q2wLm7vPz\", \"cwd\": \"/srv\"}", "\", \"cwd\": \"/srv\"}")]
    [InlineData("Run `PASSWORD=Xk9q2wLm7vPz`, then deploy", "`, then deploy")]
    [InlineData("os.system('PASSWORD=Xk9q2wLm7vPz')", "')")]
    public void SeparatorBeforeTheNextField_EndsTheRedaction(string text, string kept)
    {
        var findings = new List<SecretFinding>();
        var detector = new SecretDetector();
        detector.Find(text, findings);
        findings.Should().NotBeEmpty(text);
        RedactionCoverage.UnreportedOrRedactedWhole(detector, text, "Xk9q2wLm7vPz").Should().BeTrue(text);
        var keptAt = text.LastIndexOf(kept, StringComparison.Ordinal);
        ArgumentRedactor.RedactionSpans(text, findings).Should().NotContain(s => s.Start + s.Length > keptAt, text);
    }

    /// <summary>A separator followed by a name and '=' or ':' (the next field), or a '&lt;' opening a tag.</summary>
    [GeneratedRegex(@"[,;&|][A-Za-z_][A-Za-z0-9_.\-\[\]]*[=:]|<[/!?]|<[A-Za-z][A-Za-z0-9]*(?:[>/]|$)")]
    private static partial Regex FieldOrTag();

    /// <summary>A name (or a quoted or bracketed one) followed by '=' or ':' inside the value.</summary>
    [GeneratedRegex(@"[A-Za-z0-9_'""`\])}][=:]")]
    private static partial Regex InnerAssignment();
}
