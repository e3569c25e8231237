namespace AgentGuard.Tests.Detection;

/// <summary>
/// The secret classes of the tenth pass of issue 14: values in a credential position that name where a value comes
/// from instead of being one, in the general forms config scanners call compliant (a URL with no credentials in it, a
/// file path, a YAML tag such as CloudFormation's <c>!Ref</c>, a name of words ending in <c>_user</c> or <c>_name</c>, a
/// call cut at a nested quote). Each must-stay-clean test sits next to the credential that shares its position, so a rule
/// that dropped the position would fail. Values are generated from a seeded <see cref="Random"/>.
/// </summary>
public sealed class SecretDetectorTenthPassTests
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + Lower + "0123456789";

    private static readonly string[] Positions =
    [
        "password: {0}", "password: \"{0}\"", "\"db_password\": \"{0}\",", "admin_pwd = \"{0}\"", "PASSWORD={0}",
        "<password>{0}</password>", "secret: '{0}'", "client_secret = \"{0}\"", "api_key: \"{0}\"", "const authToken = '{0}';",
    ];

    private readonly SecretDetector _detector = new();
    private readonly Random _random = new(1410);

    /// <summary>A URL without credentials in a credential position is where a secret is fetched or used, not the secret.</summary>
    [Fact]
    public void Find_UrlWithoutCredentialsInACredentialPosition_StaysUnreported()
    {
        foreach (var url in (string[])["http://localhost:8080/auth", "https://vault.example.org/v1/kv/app", "jdbc:mysql://localhost:3306/app", "jdbc:postgresql://db:5432/orders", "s3://config-bucket/app/creds.json", "ssh://git@github.com/org/repo.git"])
        {
            AllPositions(url).Should().BeEmpty(url);
        }
    }

    /// <summary>A file path (<c>../keys/id_rsa</c>, <c>file:///run/secrets/token</c>, <c>C:\keys\app.key</c>) names where the secret is kept.</summary>
    [Fact]
    public void Find_FilePathInACredentialPosition_StaysUnreported()
    {
        foreach (var path in (string[])["../keys/id_rsa", "../../secrets/db.txt", "file:///run/secrets/token", "./certs/client.pfx", "~/.ssh/deploy_key", "/run/secrets/db_password", "C:\\keys\\app.key"])
        {
            AllPositions(path).Should().BeEmpty(path);
        }
    }

    /// <summary>A YAML tag with an argument (CloudFormation's <c>!Ref</c>/<c>!GetAtt</c>/<c>!Sub</c>, Home Assistant's <c>!secret</c>) is resolved at deploy time.</summary>
    [Fact]
    public void Find_YamlTagReferenceInACredentialPosition_StaysUnreported()
    {
        foreach (var line in (string[])[
            "MasterUserPassword: !Ref DbPassword",
            "  password: !GetAtt AdminSecret.SecretString",
            "ClientSecret: !Sub '{{resolve:secretsmanager:${SecretArn}}}'",
            "api_password: !secret hass_api_password",
            "  client_secret: !ImportValue SharedOAuthSecret",
            "\"password\": \"!Ref DbPassword\","])
        {
            Values(line).Should().BeEmpty(line);
        }
    }

    /// <summary>A name of words ending in <c>_user</c>, <c>_name</c> or <c>_placeholder</c> is the name of a setting, not a password.</summary>
    [Fact]
    public void Find_NameOfASettingInACredentialPosition_StaysUnreported()
    {
        foreach (var name in (string[])["service_user", "bucket_name", "admin_placeholder", "replication-user", "mysql.root.username"])
        {
            AllPositions(name).Should().BeEmpty(name);
        }
    }

    /// <summary>A call in quotes that holds quotes of the same kind is cut at them (<c>"config.get("</c>): still code.</summary>
    [Fact]
    public void Find_CallCutAtANestedQuote_StaysUnreported()
    {
        foreach (var line in (string[])[
            "password = \"config.get(\"password\")\"",
            "\"api_key\": \"os.getenv(\"API_KEY\")\",",
            "secret: 'settings.fetch('app_secret')'",
            "auth_token = \"System.getenv(\"AUTH_TOKEN\")\""])
        {
            Values(line).Should().BeEmpty(line);
        }
    }

    /// <summary>The same positions with a credential: a generated password, a password holding a URL-like or path-like run, a token, a tag-like password.</summary>
    [Fact]
    public void Find_CredentialsInTheSamePositions_AreReported()
    {
        var password = Take(Alnum, 6) + "!" + Take(Alnum, 5);
        var token = Take(Alnum, 32);
        AllPositions(password).Should().HaveCount(Positions.Length - 2, "the token names (api_key, authToken) want a token");
        AllPositions(token).Should().HaveCount(Positions.Length);

        var slashed = Take(Alnum, 8) + "/" + Take(Alnum, 6) + "+" + Take(Alnum, 10);
        Values("aws_secret_access_key = \"/" + slashed + Take(Alnum, 14) + "\"").Should().ContainSingle();
        var bang = "!" + Take(Alnum, 10) + "9x";
        Values("password: \"" + bang + "\"").Should().Equal(bang);
        var userValue = "Svc_" + Take(Alnum, 8) + "7_user";
        Values("password: \"" + userValue + "\"").Should().Equal(userValue);
        Values("Server=db;User ID=billing_user;Password=billing_user;").Should().NotBeEmpty("a password equal to the user name is a (weak) password");
        Values("jdbc:mysql://app:" + password + "@db:3306/app").Should().NotBeEmpty();
    }

    private List<string> AllPositions(string value)
    {
        var found = new List<string>();
        foreach (var position in Positions)
        {
            var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, position, value);
            foreach (var v in Values(line))
            {
                found.Add(line + " → " + v);
            }
        }

        return found;
    }

    private List<string> Values(string text) => SecretText.Values(_detector, text);

    private string Take(string alphabet, int count) => SecretText.Take(_random, alphabet, count);
}
