namespace AgentGuard.Tests.Detection;

/// <summary>
/// The secret classes of the fifth pass of issue 14. Each was found from tuning lines only: the tuning part's labelled
/// secrets written into the syntaxes a config file, a header or a URL uses, looking for a redaction that leaves a
/// fragment. First how a credential leaves a fragment behind, then the ordinary text that looks like it. Values are
/// generated from a seeded <see cref="Random"/>: no credential-shaped literal sits in the repository.
/// </summary>
public sealed class SecretDetectorFifthPassTests
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly SecretDetector _detector = new();
    private readonly Random _random = new(1405);

    /// <summary>
    /// A generated password draws from every symbol: unquoted, it was cut at its first ')', ']', '}', '&gt;' or '&lt;'
    /// and the rest reached the audit file.
    /// </summary>
    [Fact]
    public void Redact_UnquotedPasswordWithClosingBrackets_LeavesNoFragment()
    {
        var withParenthesis = Take(Alnum, 1) + "@" + Take(Alnum, 5) + ")" + Take(Alnum, 1) + ">8" + Take(Alnum, 2) + "(" + Take(Alnum, 3) + "^(" + Take(Alnum, 3) + "<g=";
        var withBrackets = Take(Alnum, 6) + "]" + Take(Alnum, 4) + "}" + Take(Alnum, 5) + "!";

        CoveredText("DB_PASSWORD=" + withParenthesis).Should().Contain(withParenthesis);
        CoveredText("password = " + withParenthesis + ";").Should().Contain(withParenthesis);
        CoveredText("spring.datasource.password=" + withBrackets + "\nspring.datasource.username=app").Should().Contain(withBrackets);
        CoveredText("--password " + withBrackets + " --verbose").Should().Contain(withBrackets);
    }

    /// <summary>A bracket that closes a call or group, one before white space, punctuation or the end, and markup still end the value.</summary>
    [Fact]
    public void Find_BracketThatEndsTheValue_IsNotTakenIntoIt()
    {
        var password = Take(Alnum, 4) + "!" + Take(Alnum, 6);

        Values("connect(host=db, password=" + password + ")").Should().Equal(password);
        Values("connect(password=" + password + "), retry(3)").Should().Equal(password);
        Values("[password=" + password + "]").Should().Equal(password);
        Values("{password=" + password + "}").Should().Equal(password);
        Values("<td>password=" + password + "</td>").Should().Equal(password);
        Values("<p>password=" + password + "<br>next line").Should().Equal(password);
        Values("<p>password=" + password + "<span class=\"x\">").Should().Equal(password);
        Values("(password=" + password + ")").Should().Equal(password);
    }

    /// <summary>Code around a password name stays code: the call's own parentheses do not make a value.</summary>
    [Fact]
    public void Find_CallsInPasswordPosition_StayUnreported()
    {
        Find("password=getPassword()").Should().BeEmpty();
        Find("password=config.get(\"db\")").Should().BeEmpty();
        Find("if (password) { login(); }").Should().BeEmpty();
    }

    /// <summary>
    /// A generated token assigned to a service's name, with no key word in the name (<c>apiMetrics := "…"</c>,
    /// <c>asana: '…'</c>, <c>telnyx = KEY…</c>): it went to the audit file verbatim.
    /// </summary>
    [Fact]
    public void Find_GeneratedTokenAssignedToAServiceName_IsReported()
    {
        var token = Mixed(32);

        Values("apiMetrics := \"" + token + "\"").Should().Equal(token);
        Values("asana: '" + token + "'").Should().Equal(token);
        Values("telnyx = " + token + "\nregion = eu").Should().Equal(token);
        Values("{\"mailjet\": \"" + token + "\", \"region\": \"eu\"}").Should().Equal(token);
        Values("STRIPE=" + token).Should().Equal(token);
    }

    /// <summary>What stands after a name in everyday code and config: ids, hashes, versions, identifiers, alphabets, mangled names.</summary>
    [Fact]
    public void Find_IdsHashesAndIdentifiersAfterAName_StayUnreported()
    {
        var token = Mixed(32);

        Find("requestId: \"" + token + "\"").Should().BeEmpty();
        Find("\"id\": \"" + token + "\"").Should().BeEmpty();
        Find("commit_sha = " + token).Should().BeEmpty();
        Find("<script nonce=\"" + token + "\">").Should().BeEmpty();
        Find("etag: \"" + token + "\"").Should().BeEmpty();
        Find("state=" + token + "&code=abc").Should().BeEmpty();
        Find("exports.X509SubjectKeyIDExtension = X509SubjectKeyIDExtension;").Should().BeEmpty();
        Find("exports.bigIntAndBufferInt64Check = bigIntAndBufferInt64Check;").Should().BeEmpty();
        Find("var characters = \"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789\";").Should().BeEmpty();
        Find("fun:_ZN2v88internal9Execution4CallEPNS0_7IsolateENS0_6HandleINS0_6ObjectEEES6_iPS6_").Should().BeEmpty();
        Find("commit: 3f2a9c1d0b7e4a5f8c6d2e1b9a0f7c3d5e4b2a1c").Should().BeEmpty();
        Find("uuid = 7c9e6679-7425-40de-944b-e07fc1f90ae7").Should().BeEmpty();
        Find("integrity: sha512-" + token + "+" + token + "==").Should().BeEmpty();
        Find("image = " + token + "/" + token).Should().BeEmpty();
    }

    /// <summary>Placeholders and masks after a service name stay unreported as everywhere else.</summary>
    [Fact]
    public void Find_PlaceholderAfterAServiceName_StaysUnreported()
    {
        Find("telnyx = YOUR_TELNYX_API_KEY_GOES_HERE_1234_5678").Should().BeEmpty();
        Find("asana: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'").Should().BeEmpty();
        Find("apiMetrics := \"EXAMPLEk3y9Qw2Er7Ty5Ui8Op4As6Df\"").Should().BeEmpty();
    }

    /// <summary>A token of letters of both cases and digits spread over it, as a service generates one.</summary>
    private string Mixed(int length)
    {
        while (true)
        {
            var value = Take(Alnum, length);
            if (value.Count(char.IsAsciiDigit) >= 4 && value.Count(char.IsAsciiLetterUpper) >= 4 && value.Count(char.IsAsciiLetterLower) >= 4)
            {
                return value;
            }
        }
    }

    private List<SecretFinding> Find(string text)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        return findings;
    }

    private List<string> Values(string text) => [.. Find(text).Select(f => text.Substring(f.Start, f.Length))];

    /// <summary>What the audit redactor replaces in <paramref name="text"/>, joined.</summary>
    private string CoveredText(string text) => SecretText.Covered(text, Find(text));

    private string Take(string alphabet, int count) => SecretText.Take(_random, alphabet, count);
}
