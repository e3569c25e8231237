namespace AgentGuard.Tests.Detection;

/// <summary>
/// The secret classes of the ninth pass of issue 14, decided from tuning lines and from the general forms whispers'
/// own rules describe (a value that is a variable, a template or the name of a secret is compliant; a value under a
/// name ending in <c>secret</c> is not). First how a credential got past the detector, then the ordinary text that looks
/// like it. Values are generated from a seeded <see cref="Random"/>: no credential-shaped literal sits in the repository.
/// </summary>
public sealed class SecretDetectorNinthPassTests
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + Lower + "0123456789";

    private readonly SecretDetector _detector = new();
    private readonly Random _random = new(1409);

    /// <summary>
    /// A password-like value under a name ending in <c>secret</c> was reported only in quotes
    /// (<c>client_secret: "…"</c>); the same value unquoted in YAML, an .env file or INI was left in the audit file.
    /// </summary>
    [Fact]
    public void Find_ShortSecretUnquotedUnderASecretName_IsReported()
    {
        var word = Take(Lower, 7) + Take("0123456789", 2);
        var mixed = Take(Alnum, 5) + "#" + Take(Alnum, 4);

        Values("secret: " + word).Should().Equal(word);
        Values("CLIENT_SECRET=" + word).Should().Equal(word);
        Values("  client_secret: " + mixed).Should().Equal(mixed);
        Values("app.secret = " + mixed).Should().Equal(mixed);
    }

    /// <summary>Under a name ending in <c>secret</c>, unquoted words, names and prose are not values.</summary>
    [Fact]
    public void Find_WordsAndNamesUnderASecretName_StayUnreported()
    {
        foreach (var line in (string[])[
            "secret: db-credentials-v2",
            "secret: required",
            "The client secret: rotate it every 90 days.",
            "kind: Secret",
            "secret: mysql-root-password",
            "clientSecret: clientSecretFromVault",
            "secret: Opaque",
            "  secret: /var/run/secrets/app.key",
            "secret = $insta::secret"])
        {
            Values(line).Should().BeEmpty(line);
        }
    }

    /// <summary>
    /// A Windows variable (<c>%DB_PASSWORD%</c>) or an Ant/Maven filter token (<c>@db.password@</c>) in a credential
    /// position is filled in at run time: a template, not a value.
    /// </summary>
    [Fact]
    public void Find_WindowsVariablesAndFilterTokens_StayUnreported()
    {
        foreach (var line in (string[])[
            "set PASSWORD=%DB_PASSWORD%",
            "<password>%DB_PASSWORD%</password>",
            "password: \"%ADMIN_PASSWORD%\"",
            "jdbc.password=@db.password@",
            "<apikey>@api.key@</apikey>",
            "api_token = '%API_TOKEN%'"])
        {
            Values(line).Should().BeEmpty(line);
        }
    }

    /// <summary>
    /// The name of a secret as the value (<c>password: db_password</c>, <c>"passwordSecretRef": "registry-password"</c>,
    /// <c>api_key = stripe_api_key</c>): words joined by '_', '-', '.' or camel case, the last of them a secret's
    /// word. A reference to where the secret is kept, not the secret.
    /// </summary>
    [Fact]
    public void Find_SecretNamesAsValues_StayUnreported()
    {
        foreach (var line in (string[])[
            "password: db_password",
            "DB_PASSWORD=my_password",
            "password = adminPassword;",
            "\"passwordSecretRef\": \"registry-password\",",
            "secret: app_secret",
            "api_key = stripe_api_key",
            "<password>mysql.root.password</password>",
            "token: github-token"])
        {
            Values(line).Should().BeEmpty(line);
        }
    }

    /// <summary>Values that end in a secret's word but are not names of words still are values.</summary>
    [Fact]
    public void Find_ValuesEndingInASecretWord_AreReported()
    {
        var prefix = Take(Alnum, 6) + "9";
        // A run of 36 small letters after short parts is no word, pronounceable or not: under a key name it stays a token.
        var run = string.Concat(Enumerable.Range(0, 18).Select(_ => Take("bdfgklmnprstvz", 1) + Take("aeiou", 1)));
        Values("api_key = sk_5678_" + run).Should().Equal("sk_5678_" + run);

        foreach (var value in (string[])[prefix + "_password", "Summer2024_password"])
        {
            Values("password: " + value).Should().Equal([value], value);
        }

        // A password written in words, quoted in code: a weak password, not the name of one; in a connection string,
        // which holds no references, any value is the value.
        Values("opt.Password = \"MyAdminPassword\";").Should().Equal("MyAdminPassword");
        Values("Server=db;Uid=app;Pwd=adminPassword;Encrypt=true").Should().Equal("adminPassword");
        Values("Pwd=db_password; Database=app").Should().Equal("db_password");
    }

    /// <summary>
    /// An XML element's content was not checked for code and references as an assigned value is:
    /// <c>&lt;password&gt;ENV['DB_PASSWORD']&lt;/password&gt;</c>, a member path, an ARN, a vault path were reported.
    /// </summary>
    [Fact]
    public void Find_ReferencesInSecretElements_StayUnreported()
    {
        foreach (var line in (string[])[
            "<password>ENV['DB_PASSWORD']</password>",
            "<db_password>settings.DB_PASSWORD</db_password>",
            "<apikey>arn:aws:secretsmanager:us-east-1:123456789012:secret:db-pass-AbCdEf</apikey>",
            "<password>vault:secret/data/db#password</password>",
            "<dbPassword>{db.password}</dbPassword>",
            "<token>process.env.GITHUB_TOKEN</token>",
            "<password>$this->config['password']</password>"])
        {
            Values(line).Should().BeEmpty(line);
        }
    }

    /// <summary>Secrets in those elements are still reported, the Jenkins encrypted form too.</summary>
    [Fact]
    public void Find_SecretsInSecretElements_AreReported()
    {
        var password = Take(Alnum, 8) + "!" + Take(Alnum, 3);
        var token = Take(Alnum, 32);

        Values("<password>" + password + "</password>").Should().Equal(password);
        Values("<apiToken>" + token + "</apiToken>").Should().Equal(token);
        Values("<password>{AQAAABAAAAAQ" + Take(Alnum, 40) + " " + password + "}</password>").Should().Equal(password);
    }

    /// <summary>A PHP member with an index (<c>$this-&gt;config['password']</c>) is code, like <c>config['password']</c>.</summary>
    [Fact]
    public void Find_PhpMemberIndexAsValue_StaysUnreported()
    {
        Values("$password = $this->config['password'];").Should().BeEmpty();
        Values("password: $this->config['db_password']").Should().BeEmpty();
    }

    /// <summary>
    /// Other ways config files and scripts give a password its name: a Dockerfile's <c>ENV NAME value</c> (the form
    /// without '='), Windows' <c>setx NAME "value"</c>, Java's XML properties <c>&lt;entry key="…"&gt;value&lt;/entry&gt;</c>
    /// and <c>&lt;property name="…"&gt;</c> elements, and an element named <c>pwd</c>.
    /// </summary>
    [Fact]
    public void Find_PasswordsInDockerfileSetxAndXmlPropertySyntaxes_AreReported()
    {
        var password = Take(Alnum, 9) + "@" + Take(Alnum, 3);
        var word = Take(Lower, 8) + Take("0123456789", 2);

        Values("ENV DB_PASSWORD " + password).Should().Equal(password);
        Values("FROM alpine\nENV ADMIN_PASSWORD " + word + "\nRUN ./start.sh").Should().Equal(word);
        Values("setx DB_PASSWORD \"" + password + "\"").Should().Equal(password);
        Values("    <entry key=\"db.password\">" + password + "</entry>").Should().Equal(password);
        Values("<property name=\"javax.net.ssl.keyStorePassword\">" + word + "</property>").Should().Equal(word);
        Values("<pwd>" + password + "</pwd>").Should().Equal(password);
    }

    /// <summary>The same syntaxes with names, paths, variables, numbers and intrinsic functions as values.</summary>
    [Fact]
    public void Find_ReferencesInDockerfileSetxAndXmlPropertySyntaxes_StayUnreported()
    {
        foreach (var line in (string[])[
            "ENV DB_PASSWORD_FILE /run/secrets/db_password",
            "ENV DB_PASSWORD ${DB_PASSWORD}",
            "ENV PASSWORD changeme",
            "setx DB_PASSWORD \"%DB_PASSWORD%\"",
            "<entry key=\"password.min.length\">8</entry>",
            "<entry key=\"db.password\">${db.password}</entry>",
            "<property name=\"password\"><value>${jdbc.password}</value></property>",
            "<pwd></pwd>",
            "MasterUserPassword: !Ref DBPassword",
            "MasterUserPassword: \"!Sub '{{resolve:ssm-secure:/db/password:1}}'\"",
            "RUN echo ENV password is set"])
        {
            Values(line).Should().BeEmpty(line);
        }
    }

    /// <summary>
    /// Letters with cases drawn at random and one digit among them (<c>Sc0ZiCkjr…</c>, base64 of text) after any name:
    /// the random-letters rule wanted letters only, the token rules digits in two places.
    /// </summary>
    [Fact]
    public void Find_RandomCaseLettersWithADigit_IsReported()
    {
        const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var token = Take(Letters, 2) + "0" + Take(Letters, 19);

        Values("noncompliant2:" + token).Should().Equal(token);
        Values("deploy_hook = \"" + token + "\"").Should().Equal(token);
    }

    /// <summary>Names in code with a digit: camel case capitalises one letter a word.</summary>
    [Fact]
    public void Find_NamesWithADigit_StayUnreported()
    {
        foreach (var line in (string[])[
            "handler: getHL7v2StoreMetricsForProject",
            "type: X509SubjectKeyIdentifierExtension",
            "base = Utf8JsonReaderHelperForStrings",
            "codec: Base64UrlEncodedStringConverter"])
        {
            Values(line).Should().BeEmpty(line);
        }
    }

    /// <summary>
    /// The name in a key element or a <c>key:</c> member and the value in the next one (a property list's
    /// <c>&lt;key&gt;APIToken&lt;/key&gt;&lt;string&gt;…&lt;/string&gt;</c>, <c>&lt;key&gt;password&lt;/key&gt;</c> then
    /// <c>&lt;value&gt;…&lt;/value&gt;</c>, YAML <c>- key: password</c> then <c>value: …</c>): the value was not tied to the name.
    /// </summary>
    [Fact]
    public void Find_ValueInTheElementOrMemberAfterItsKey_IsReported()
    {
        var password = Take(Lower, 8) + Take("0123456789", 2);
        var token = Take(Alnum, 32);

        Values("<dict>\n\t<key>APIToken</key>\n\t<string>" + token + "</string>\n</dict>").Should().Equal(token);
        Values("<entry>\n  <key>password</key>\n  <value>" + password + "</value>\n</entry>").Should().Equal(password);
        Values("env:\n  - key: password\n    value: " + password + "\n").Should().Equal(password);
    }

    /// <summary>Other values after a key element or member: numbers, templates, names that only look secret.</summary>
    [Fact]
    public void Find_OtherValuesAfterAKey_StayUnreported()
    {
        foreach (var text in (string[])[
            "<key>PasswordLength</key>\n<integer>12</integer>",
            "<key>password</key><value>${DB_PASSWORD}</value>",
            "<key>token</key><string>{{ token }}</string>",
            "<key>NSAllowsArbitraryLoads</key><true/>",
            "- key: password_min_length\n  value: 12",
            "- key: password\n  value: \"\"",
            "<key>SecretName</key>\n<string>db-credentials</string>"])
        {
            Values(text).Should().BeEmpty(text);
        }
    }

    private List<string> Values(string text) => SecretText.Values(_detector, text);

    private string Take(string alphabet, int count) => SecretText.Take(_random, alphabet, count);
}
