namespace AgentGuard.Tests.Detection;

/// <summary>
/// The secret classes of the eighth pass of issue 14, decided from tuning lines only (a ninth source, whispers' config
/// fixtures, was added before any tuning). First how a credential got past the detector, then the ordinary text that
/// looks like it. Values are generated from a seeded <see cref="Random"/>: no credential-shaped literal sits in the
/// repository.
/// </summary>
public sealed class SecretDetectorEighthPassTests
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Alnum = Letters + "0123456789";
    private const string Crypt = Alnum + "./";

    private readonly SecretDetector _detector = new();
    private readonly Random _random = new(1408);

    /// <summary>
    /// A generated token of letters only, both cases mixed at random and maybe an underscore
    /// (<c>YXNkZmZmZmZm_HARDcoded</c>, <c>b_ByDfulghxvvmHbArJSF…</c>), passed as a name in code: the identifier test saw
    /// words in its runs of small letters and the token rule wanted digits.
    /// </summary>
    [Fact]
    public void Find_LettersOnlyTokenWithCasesMixedAtRandom_IsReported()
    {
        var token = Take(Letters, 12) + "_" + Take(Letters, 9);
        var longer = "b_" + Take(Letters, 44);

        Values("TRAVEL_API_KEY: " + token).Should().Equal(token);
        Values("ENV DRONE_TOKEN=" + token).Should().Equal(token);
        Values("    <apikey>" + token + "</apikey>").Should().Equal(token);
        Values("export DANGER_GITHUB_API_TOKEN=\"" + token + "\"").Should().Equal(token);
        Values("beamer = " + longer).Should().Equal(longer);
    }

    /// <summary>Names in code under the same key names: camel case, acronyms, constants; a letters-only value made of words.</summary>
    [Fact]
    public void Find_NamesOfLettersUnderKeyNames_StayUnreported()
    {
        foreach (var line in (string[])[
            "apiKey: getAccessTokenFromCacheOrVault",
            "TOKEN_PROVIDER=HttpsClientCertificateTokenProvider",
            "secret: AWS_SecretsManager_RotationLambda",
            "    <tokenHandler>JwtSecurityTokenHandlerWithXMLSupport</tokenHandler>",
            "auth_scheme = OAuthBearerAuthenticationHandler",
            "accessKeyType: IAMUserAccessKeyRotationPolicy",
            "beamer = ClusterRoleBindingForHTTPSProxy_Internal",
            "private_key_format = PKCS_EightPrivateKeyInfoStructure"])
        {
            Values(line).Should().BeEmpty(line);
        }
    }

    /// <summary>Apache's MD5 crypt (<c>$apr1$salt$hash</c>, an .htpasswd entry) was not among the crypt(3) formats.</summary>
    [Fact]
    public void Find_ApacheMd5CryptHash_IsReported()
    {
        var hash = "$apr1$" + Take(Crypt, 8) + "$" + Take(Crypt, 22);

        Values("admin:" + hash).Should().Equal(hash);
        Values("htpasswd_entry: \"deploy:" + hash + "\"").Should().ContainSingle().Which.Should().EndWith(hash);
    }

    /// <summary>The format named in prose, or cut short, is no hash.</summary>
    [Fact]
    public void Find_ApacheMd5CryptMentioned_StaysUnreported()
    {
        Values("Passwords use the $apr1$ format (Apache MD5) by default.").Should().BeEmpty();
        Values("hash: $apr1$abc$short").Should().BeEmpty();
    }

    /// <summary>
    /// curl's <c>--proxy-user user:password</c> on a continuation line of a multi-line command: the <c>curl -u</c> rule
    /// only looked at lines that start the command.
    /// </summary>
    [Fact]
    public void Find_ProxyUserPassword_OnAContinuationLine_IsReported()
    {
        var password = Take(Alnum, 14);

        Values("curl -k -v \\\n    --proxy-user admin:" + password + " \\\n    https://localhost").Should().Equal(password);
        Values("curl --proxy-user 'ops:" + password + "' -x http://proxy:3128 https://example.com").Should().Equal(password);
    }

    /// <summary>A proxy user without a password, or a password from the environment.</summary>
    [Fact]
    public void Find_ProxyUserWithoutPassword_StaysUnreported()
    {
        Values("    --proxy-user admin \\").Should().BeEmpty();
        Values("    --proxy-user \"$PROXY_USER:$PROXY_PASS\" \\").Should().BeEmpty();
        Values("    --proxy-user admin: \\").Should().BeEmpty();
    }

    /// <summary>
    /// A password that starts with <c>$</c> or ends like a call is still a password when it is not a variable or a call:
    /// the false-alarm fixes below must not open these.
    /// </summary>
    [Fact]
    public void Find_PasswordsThatLookLikeReferences_AreStillReported()
    {
        var tail = Take(Alnum, 10);

        Values("<db_password>$" + tail + "!x</db_password>").Should().Equal("$" + tail + "!x");
        Values("variable_password = \"" + tail + "()\"").Should().ContainSingle();
        Values("mysqladmin create db --password=\"$" + tail + "#7\"").Should().ContainSingle();
        Values("<item key=\"" + Take(Alnum, 16) + "\">").Should().ContainSingle();
    }

    /// <summary>
    /// Variables, calls and names in credential positions (whispers' own compliant fixtures): a shell or PHP variable
    /// (<c>$password</c>, <c>$$password</c>, <c>"$DB_PASS"</c>), a member call in quotes, a configuration entry's name.
    /// </summary>
    [Fact]
    public void Find_VariablesCallsAndEntryNames_StayUnreported()
    {
        foreach (var line in (string[])[
            "    <o1_variable_password>$password</o1_variable_password>",
            "    <o2_variable_password>$$password</o2_variable_password>",
            "mysqladmin create $DB_NAME --user=\"$DB_USER\" --password=\"$DB_PASS\"",
            "variable_password8 = \"obj.aFunctionCall()\";",
            "$db_password = \"getenv_password()\";",
            "    <item key=\"ConnectionString1\">",
            "    <add key=\"DefaultConnection2\" value=\"Server=.;Database=app;Integrated Security=true\" />"])
        {
            Values(line).Should().BeEmpty(line);
        }
    }

    /// <summary>
    /// One plain word given to a password name in a YAML or INI line of its own (<c>password: hunter</c>, as in .pypirc)
    /// and a secret word after a name that only starts like a non-secret word (<c>secretarySecret</c>).
    /// </summary>
    [Fact]
    public void Find_PlainWordOnAPasswordLine_AndSecretAfterANonSecretWord_AreReported()
    {
        var word = Take("abcdefghijklmnopqrstuvwxyz", 9);
        var value = Take(Alnum, 10);

        Values("[pypi]\nusername: deploy\npassword: " + word + "\n").Should().Equal(word);
        Values("  - password: " + word).Should().Equal(word);
        Values("  secretarySecret: \"" + value + "\"").Should().Equal(value);
        Values("passengerPassword = \"" + value + "\"").Should().Equal(value);
    }

    /// <summary>
    /// A label in prose, a word inside a sentence, a descriptor word, and names whose secret-like word belongs to the
    /// non-secret one (<c>PublicKeyToken</c> of a .NET assembly name, <c>passwordForPassenger</c>).
    /// </summary>
    [Fact]
    public void Find_PasswordLabelsInProse_AndNonSecretNames_StayUnreported()
    {
        foreach (var line in (string[])[
            "Password: see the admin guide for how to reset it",
            "password: required",
            "    password: Optional",
            "The password: hunter is what the story calls it, then more words follow.",
            "Enter password: [          ]",
            "  pass: number",
            "    password: SecretStr",
            "System.Web.Mvc, Version=5.2.3.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35",
            "  passwordForPassenger: \"" + Take(Alnum, 10) + "\""])
        {
            Values(line).Should().BeEmpty(line);
        }
    }

    /// <summary>
    /// The password argument of PHP's database connections (<c>new PDO(dsn, user, password)</c>,
    /// <c>mysqli_connect(host, user, password, db)</c>) has no name before it.
    /// </summary>
    [Fact]
    public void Find_PasswordArgumentOfPhpDatabaseConnection_IsReported()
    {
        var password = Take(Alnum, 12);

        Values("$db = new PDO(\"mysql:host=localhost;dbname=shop\", \"shop\", \"" + password + "\");").Should().Equal(password);
        Values("$link = mysqli_connect(\"127.0.0.1\", \"app\", '" + password + "', \"appdb\");").Should().Equal(password);
        Values("$conn = new mysqli('localhost', 'root', '" + password + "');").Should().Equal(password);
    }

    /// <summary>Connections given variables, calls, an empty password or no password at all.</summary>
    [Fact]
    public void Find_PhpDatabaseConnectionWithoutALiteralPassword_StaysUnreported()
    {
        foreach (var line in (string[])[
            "$db = new PDO($dsn, $user, $pass);",
            "$db = new PDO(\"sqlite:/var/data/app.sqlite\");",
            "$link = mysqli_connect(\"localhost\", \"root\", \"\");",
            "$db = new PDO($dsn, \"report\", getenv(\"DB_PASS\"));",
            "$conn = new mysqli(DB_HOST, DB_USER, DB_PASSWORD, DB_NAME);"])
        {
            Values(line).Should().BeEmpty(line);
        }
    }

    /// <summary>Alphabets written out as constants stay unreported, base-58 included.</summary>
    [Fact]
    public void Find_AlphabetConstants_StayUnreported()
    {
        foreach (var line in (string[])[
            "ALPHABET = \"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789\"",
            "charset := \"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\"",
            "BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'"])
        {
            Values(line).Should().BeEmpty(line);
        }
    }

    private List<string> Values(string text) => SecretText.Values(_detector, text);

    private string Take(string alphabet, int count) => SecretText.Take(_random, alphabet, count);
}
