using System.Text;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// The kind a secret is reported under when two scans find the same span: the most specific reading names it (a GitHub
/// token in a URL's password, a JWT or an Azure storage key after a secret-named setting), whichever order a sort
/// leaves equal findings in; and the command-line scans that now start where the first of their markers is still find
/// a password at the end of a long text. Values are generated at run time: no credential-shaped literal is stored.
/// </summary>
public sealed class SecretKindTests
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly SecretDetector _detector = new();
    private readonly Random _random = new(19);

    [Fact]
    public void Find_GitHubTokenAsAUrlPassword_IsNamedAGitHubToken()
    {
        var token = "gho_" + Take(Alnum, 36);
        var text = "\"url\": \"git+https://someone:" + token + "@github.com/org/repo.git\"";

        var finding = Single(text);

        finding.Kind.Should().Be("github-token");
        text.Substring(finding.Start, finding.Length).Should().Be(token);
    }

    [Fact]
    public void Find_JwtAfterATokenSetting_IsNamedAJwt()
    {
        var jwt = Base64Url("{\"alg\":\"HS256\"}") + "." + Base64Url("{\"iss\":\"example\",\"sub\":\"" + Take(Alnum, 16) + "\"}") + "." + Base64Url(Take(Alnum, 32));
        var text = "calendly_token=" + jwt;

        var finding = Single(text);

        finding.Kind.Should().Be("jwt");
        text.Substring(finding.Start, finding.Length).Should().Be(jwt);
    }

    [Fact]
    public void Find_AzureStorageKeyInAConnectionString_IsNamedAnAzureStorageKey()
    {
        var key = Convert.ToBase64String(Encoding.ASCII.GetBytes(Take(Alnum, 64)));
        var text = "AccountKey=" + key;

        Single(text).Kind.Should().Be("azure-storage-key");
    }

    [Fact]
    public void Find_SameTextTwice_ReportsTheSameKinds()
    {
        var text = "\"url\": \"git+https://someone:gho_" + Take(Alnum, 36) + "@github.com/org/repo.git\"\ncalendly_token=" + Base64Url("{\"alg\":\"HS256\"}") + "." + Base64Url("{\"sub\":\"x\"}") + "." + Base64Url(Take(Alnum, 32));

        Kinds(text).Should().Equal(Kinds(text));
    }

    [Theory]
    [InlineData("docker login -u deploy -p {0}")]
    [InlineData("curl -u deploy:{0} https://example.com/api")]
    [InlineData("$db = new PDO('mysql:host=db;dbname=app', 'deploy', '{0}');")]
    public void Find_CommandLinePasswordAfterALongText_IsFound(string line)
    {
        var password = Take(Alnum, 18);
        var text = string.Concat(Enumerable.Repeat("An ordinary paragraph of help text, with nothing in it to find.\n", 160)) + string.Format(System.Globalization.CultureInfo.InvariantCulture, line, password);

        var found = new List<SecretFinding>();
        _detector.Find(text, found);

        found.Select(f => text.Substring(f.Start, f.Length)).Should().Contain(password);
    }

    private SecretFinding Single(string text)
    {
        var found = new List<SecretFinding>();
        _detector.Find(text, found);
        return found.Should().ContainSingle().Subject;
    }

    private List<string> Kinds(string text)
    {
        var found = new List<SecretFinding>();
        _detector.Find(text, found);
        return [.. found.Select(f => f.Kind)];
    }

    private static string Base64Url(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private string Take(string alphabet, int length) => SecretText.Take(_random, alphabet, length);
}
