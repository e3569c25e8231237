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

    /// <summary>
    /// A URL whose path or query carries a token (a webhook's secret segment, a reset or access token) is
    /// itself the secret in a credential position: it is redacted whole, as before the location rule (which, reading any
    /// URL without "user:password@" as a location, left such a webhook unreported and redacted only the query value of a
    /// reset link — a fragment).
    /// </summary>
    [Fact]
    public void Find_UrlCarryingATokenInACredentialPosition_IsRedactedWhole()
    {
        foreach (var url in (string[])[
            "https://hooks.example.com/services/T012AB3CD/B034EF5GH/" + Take(Alnum, 20) + "7q",
            "https://example.com/reset?token=" + Take(Alnum, 30) + "4z",
            "https://api.example.net/v2/" + Take(Alnum, 24) + "9a/report"])
        {
            // The token names (api_key, authToken) want a token, not a URL, and never took one.
            foreach (var position in Positions.Where(p => !p.Contains("api_key", StringComparison.Ordinal) && !p.Contains("authToken", StringComparison.Ordinal)))
            {
                var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, position, url);
                SecretText.Covered(line, SecretText.Find(_detector, line)).Should().Contain(url, line);
            }
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

    /// <summary>
    /// A password that starts with '!' and has more text after it on its line is not a YAML tag: tags are the ones
    /// CloudFormation, Home Assistant and Ansible define, after a YAML name, not after a flag or '='.
    /// </summary>
    [Fact]
    public void Find_PasswordStartingWithAnExclamationMark_IsReported()
    {
        foreach (var format in (string[])["--password {0} --verbose", "-Password {0} -Force", "password: {0} # rotated", "PASSWORD={0} ./run.sh", "login deploy password {0} port 21", "password: {0} trailing words"])
        {
            var password = "!" + Take(Alnum, 7) + "1";
            var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, password);
            SecretText.Covered(line, SecretText.Find(_detector, line)).Should().StartWith(password, line);
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

    /// <summary>
    /// An unquoted value in YAML, INI or a .properties file runs to the end of its line (a comment aside): a passphrase
    /// with spaces there had only its first word redacted, and the rest of it reached the audit file.
    /// </summary>
    [Fact]
    public void Redact_UnquotedPassphraseRunningToTheEndOfItsLine_LeavesNoFragment()
    {
        foreach (var format in (string[])["password: {0}", "  db_password: {0}", "password = {0}", "client_secret={0}", "- admin_pwd: {0}", "password: {0}  # rotated monthly", "secret = {0} ; set by ops\nuser = admin"])
        {
            var phrase = Take(Alnum, 8) + "1 " + Take(Lower, 6) + " " + Take(Lower, 5) + "-" + Take(Alnum, 3);
            var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, phrase).Replace("\\n", "\n", StringComparison.Ordinal);
            SecretText.Covered(line, SecretText.Find(_detector, line)).Should().Be(phrase, line);
        }
    }

    /// <summary>What follows a value that is not on a line of its own, or after a shell or a second pair, is not taken into it.</summary>
    [Fact]
    public void Redact_ValueFollowedByOtherWords_EndsWhereTheSyntaxEndsIt()
    {
        var password = Take(Alnum, 8) + "!" + Take(Alnum, 4);
        SecretText.Covered("Use password: " + password + " to log in", SecretText.Find(_detector, "Use password: " + password + " to log in")).Should().Be(password);
        var pairs = "host=db port=3306 password=" + password + " dbname=app";
        SecretText.Covered(pairs, SecretText.Find(_detector, pairs)).Should().Be(password);
        var quoted = "password: '" + password + "' # old";
        SecretText.Covered(quoted, SecretText.Find(_detector, quoted)).Should().Be(password);
    }

    /// <summary>
    /// A quote escaped by a backslash inside a quoted literal (JSON, Java, Go, JavaScript, Python, shell) belongs to the
    /// value: the value was cut there and what followed the escaped quote reached the audit file.
    /// </summary>
    [Fact]
    public void Redact_EscapedQuoteInsideAQuotedPassword_LeavesNoFragment()
    {
        foreach (var format in (string[])["password = \"{0}\\\"{1}\"", "\"db_password\": \"{0}\\\"{1}\",", "String pwd = \"{0}\\\"{1}\";", "const password = '{0}\\'{1}';", "export CLIENT_SECRET=\"{0}\\\"{1}\""])
        {
            var head = Take(Alnum, 7) + "9";
            var tail = Take(Alnum, 6) + "!";
            var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, head, tail);
            var escaped = line.Substring(line.IndexOf(head, StringComparison.Ordinal), head.Length + 2 + tail.Length);
            SecretText.Covered(line, SecretText.Find(_detector, line)).Should().Be(escaped, line);
        }
    }

    /// <summary>JSON written inside a string (every quote escaped) still ends each value at its escaped closing quote.</summary>
    [Fact]
    public void Redact_JsonInsideAString_EndsEachValueAtItsEscapedQuote()
    {
        var password = Take(Alnum, 9) + "#" + Take(Alnum, 3);
        var line = "body: \"{\\\"user\\\": \\\"bob\\\", \\\"password\\\": \\\"" + password + "\\\", \\\"remember\\\": true}\"";
        SecretText.Covered(line, SecretText.Find(_detector, line)).Should().Be(password, line);
    }

    /// <summary>
    /// Code assigns one variable to another: an unquoted name in small letters and '_' that holds a secret's word
    /// (<c>passwd = fallback_getpass</c>, <c>self.passwd = password_mgr</c>, <c>token = token_bucket</c>) is a variable,
    /// wherever the word stands in it.
    /// </summary>
    [Fact]
    public void Find_VariableHoldingASecretWordAssignedInCode_StaysUnreported()
    {
        foreach (var line in (string[])["        passwd = fallback_getpass", "    getpass = unix_getpass", "        self.passwd = password_mgr", "password = password_ptr", "secret: secret_store_client", "client_secret = oauth_secret_loader"])
        {
            Values(line).Should().BeEmpty(line);
        }

        // A password of words without a secret's word, or in a connection string, still is one.
        Values("password = open_sesame").Should().Equal("open_sesame");
        Values("Server=db;User ID=svc_password;Password=svc_password;").Should().NotBeEmpty();
    }

    /// <summary>GnuPG's <c>--recv-keys</c>/<c>--search-keys</c> take public key ids and fingerprints, not secrets.</summary>
    [Fact]
    public void Find_KeyFingerprintsGivenToGnuPg_StayUnreported()
    {
        var fingerprint = Take("0123456789ABCDEF", 40);
        Values("gpg --keyserver hkps://keys.openpgp.org --recv-keys " + fingerprint + " # maintainer").Should().BeEmpty();
        Values("gpg --batch --recv-key " + fingerprint).Should().BeEmpty();
        Values("gpg --search-keys " + fingerprint).Should().BeEmpty();
        Values("--api-keys " + Take(Alnum, 32)).Should().ContainSingle("a key flag that is not GnuPG's still takes a secret");
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
