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

    private List<SecretFinding> Find(string text) => SecretText.Find(_detector, text);

    private List<string> Values(string text) => SecretText.Values(_detector, text);

    /// <summary>What the audit redactor replaces in <paramref name="text"/>, joined.</summary>
    private string CoveredText(string text) => SecretText.Covered(text, Find(text));

    private string Take(string alphabet, int count) => SecretText.Take(_random, alphabet, count);
}
