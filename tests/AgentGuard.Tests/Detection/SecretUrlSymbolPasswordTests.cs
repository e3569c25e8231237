namespace AgentGuard.Tests.Detection;

/// <summary>
/// A URL's password written with the symbols a URL reserves (<c>/</c>, <c>?</c>, <c>#</c>, brackets) instead of their
/// percent escapes, as a generated password is pasted into a <c>DATABASE_URL</c>: the authority runs to the host after
/// the last <c>@</c>, and the password is reported and redacted whole. Look-alikes: a port followed by a path holding
/// <c>@</c> (<c>host:4873/@scope/pkg</c>), a user and password made of placeholders or one word, a path after a
/// complete authority.
/// </summary>
public sealed class SecretUrlSymbolPasswordTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "DATABASE_URL=postgres://app:Xk9/qT3#mW7?zR2p@db.internal:5432/app", "Xk9/qT3#mW7?zR2p" },
        { "mongodb://admin:pa/ss#wo?rd9Zq@mongo.internal/admin", "pa/ss#wo?rd9Zq" },
        { "redis://:Rq8/v#T2?kL9mPz@cache:6379/0", "Rq8/v#T2?kL9mPz" },
        { "url = \"https://deploy:G7h/2k#Lq9?Zx@git.corp.local/repo.git\"", "G7h/2k#Lq9?Zx" },
        { "amqp://worker:Zq8#Tk3/Lm9@rabbit:5672/", "Zq8#Tk3/Lm9" },
        { "export BROKER_URL='amqps://svc:Tq4[kqZ]9(Lmw)2/Zxv@mq.example.net/vhost'", "Tq4[kqZ]9(Lmw)2/Zxv" },
        { "mysql://root:Wm3?9/k@Tz4@db:3306/shop", "Wm3?9/k@Tz4" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_UrlPasswordWithReservedSymbols_CoversItWhole(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Redact_UrlPasswordWithReservedSymbols_LeavesNoPieceOfIt(string line, string secret)
    {
        var redacted = ArgumentRedactor.Replace(line, SecretText.Find(_detector, line));

        foreach (var piece in secret.Split(['/', '?', '#', '[', ']', '(', ')', '@'], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 3))
        {
            redacted.Should().NotContain(piece, line);
        }
    }

    [Theory]
    [InlineData("npm install --registry http://localhost:4873/@myorg/tools")]
    [InlineData("see https://registry.internal:8443/@scope/pkg@1.2.3 for the build")]
    [InlineData("https://user:pass/word@example.com")]
    [InlineData("DATABASE_URL=postgres://user:your/password@localhost:5432/app")]
    [InlineData("https://example.com/users/@alice:matrix.org")]
    [InlineData("git remote add origin https://github.com/org/repo.git # push as @octocat")]
    [InlineData("postgres://app:app/x@db:5432/app")]
    [InlineData("http://proxy:3128/path?ref=team@corp.example.com")]
    public void Find_NotAUrlPassword_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }
}
