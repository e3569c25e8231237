namespace AgentGuard.Tests.Detection;

/// <summary>
/// Classes the twelfth pass of issue 14 closed from tuning misses (trivy, Kingfisher, Nosey Parker), each with the
/// ordinary text beside it that must stay clean.
/// </summary>
public sealed class SecretDetectorTwelfthPassTests
{
    private readonly SecretDetector _detector = new();

    /// <summary>
    /// A Kubernetes secret of type <c>kubernetes.io/dockerconfigjson</c> (or the older <c>dockercfg</c>) holds the
    /// registry credentials as base64 under the key <c>.dockerconfigjson</c> (<c>.dockercfg</c>): the key names the
    /// value, whatever its length.
    /// </summary>
    [Theory]
    [InlineData("  .dockerconfigjson: eyE1x2a3MpLe", "eyE1x2a3MpLe")]
    [InlineData("  .dockercfg: ewE1x2a3MpLe", "ewE1x2a3MpLe")]
    [InlineData("{\"data\": {\".dockerconfigjson\": \"eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlLmNvbSI6eyJhdXRoIjoiZFhObGNqcHdZWE56In19fQ==\"}}", "eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlLmNvbSI6eyJhdXRoIjoiZFhObGNqcHdZWE56In19fQ==")]
    [InlineData("data:\n  .dockerconfigjson: 'ewogICJhdXRocyI6IHsKICAgICJnaGNyLmlvIjogewogICAgICAiYXV0aCI6ICJkWE5sY2pwd1lYTnoiCiAgICB9CiAgfQp9'", "ewogICJhdXRocyI6IHsKICAgICJnaGNyLmlvIjogewogICAgICAiYXV0aCI6ICJkWE5sY2pwd1lYTnoiCiAgICB9CiAgfQp9")]
    public void Find_DockerConfigUnderItsKubernetesKey_IsReportedWhole(string text, string secret)
        => SecretText.Covered(text, SecretText.Find(_detector, text)).Should().Be(secret);

    [Theory]
    [InlineData("type: kubernetes.io/dockerconfigjson")]
    [InlineData("kubectl create secret generic regcred --from-file=.dockerconfigjson=/home/me/.docker/config.json --type=kubernetes.io/dockerconfigjson")]
    [InlineData("kubectl get secret regcred --output=\"jsonpath={.data.\\.dockerconfigjson}\" | base64 --decode")]
    [InlineData("  .dockerconfigjson: {{ .Values.imagePullSecret }}")]
    [InlineData("  .dockerconfigjson: \"\"")]
    [InlineData("  .dockerconfigjson: ${DOCKER_CONFIG_JSON}")]
    [InlineData("  .dockercfg: xxxxxxxxxxxxxxxx")]
    [InlineData("Copy your .dockercfg file into the build context.")]
    public void Find_DockerConfigKeyWithoutAValue_IsNotReported(string text)
        => SecretText.Find(_detector, text).Should().BeEmpty();

    /// <summary>
    /// An XML element's content is a literal as a quoted string is: a name of words in camel case there
    /// (<c>&lt;password&gt;  plainSecret  &lt;/password&gt;</c>) is a weak password written in words, as a quoted
    /// <c>"MyPassword"</c> is; names with separators stay names (<c>mysql.root.password</c>, <c>db_password</c>).
    /// </summary>
    [Theory]
    [InlineData("<password>  plainSecret  </password>", "plainSecret")]
    [InlineData("<password>plainSecret</password>", "plainSecret")]
    [InlineData("<server><id>repo</id><password>deployPassword</password></server>", "deployPassword")]
    public void Find_CamelCaseWordsInASecretElement_IsReported(string text, string secret)
        => SecretText.Covered(text, SecretText.Find(_detector, text)).Should().Be(secret);

    [Theory]
    [InlineData("<password>mysql.root.password</password>")]
    [InlineData("<password>db_password</password>")]
    [InlineData("<password>${dbPassword}</password>")]
    [InlineData("<password>ENV['DB_PASSWORD']</password>")]
    [InlineData("<password>settings.dbPassword</password>")]
    [InlineData("<passwordRef>dbPassword</passwordRef>")]
    public void Find_NameOrReferenceInASecretElement_IsNotReported(string text)
        => SecretText.Find(_detector, text).Should().BeEmpty();

    /// <summary>
    /// A fine-grained GitHub token has a documented shape (<c>github_pat_</c>, 22 letters and digits, <c>_</c>, 59 more):
    /// with that whole shape it is a token also when glued to a word before it (<c>ourgithub_pat_…</c>), where a shorter
    /// or looser run still needs a boundary.
    /// </summary>
    [Theory]
    [InlineData("our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")]
    [InlineData("token=mygithub_pat_11ABCDEFG0123456789abcde_fGhIjKlMnOpQrStUvWxYz0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ012")]
    public void Find_FineGrainedGitHubTokenGluedToAWord_IsReportedWhole(string text)
    {
        var token = text[text.IndexOf("github_pat_", StringComparison.Ordinal)..];

        SecretText.Covered(text, SecretText.Find(_detector, text)).Should().EndWith(token);
    }

    [Theory]
    [InlineData("ourgithub_pat_configuration_for_the_ci_workflow_and_its_documentation_pages_here")]
    [InlineData("use_github_pat_11BDEDMGI0smHeY1yIHWaD as the variable name")]
    public void Find_GluedGitHubPatPrefixWithoutTheShape_IsNotReported(string text)
        => SecretText.Find(_detector, text).Should().BeEmpty();

    /// <summary>
    /// Slack tokens whose parts are letters and digits (<c>xoxb-853BAAEE-1B2eDb6A4c75-01bB6Da…</c>), not the digits-only
    /// ids of most examples: the prefix, two or three dash-separated parts of 8+ characters with digits, and a last part
    /// of 24 or more.
    /// </summary>
    [Theory]
    [InlineData("xoxb-853BAAEE-1B2eDb6A4c75-01bB6Da1CE3E98f6fED5AeC07Dc3E94C")]
    [InlineData("SLACK_TOKEN=xoxp-5f0a2c9d-77aa31be02c4-Qw3rTy8uIo9pAs7dFg6hJk5lZx")]
    public void Find_SlackTokenWithAlphanumericParts_IsReported(string text)
    {
        var token = text[text.IndexOf("xox", StringComparison.Ordinal)..];

        SecretText.Values(_detector, text).Should().Contain(token);
    }

    [Theory]
    [InlineData("xoxb-your-slack-bot-token-goes-here")]
    [InlineData("export SLACK_BOT_TOKEN=xoxb-not-a-real-token-this-will-not-work")]
    [InlineData("xoxb-abcdefgh-abcdefghijkl-abcdefghijklmnopqrstuvwx")]
    public void Find_SlackPrefixWithWordsOrLetters_IsNotReported(string text)
        => SecretText.Find(_detector, text).Should().BeEmpty();

    /// <summary>
    /// "The password for (the) user X is Y": prose that names the account before the verb; the quoted value after
    /// <c>is</c> is the password, as in "the password is 'Y'".
    /// </summary>
    [Theory]
    [InlineData("The default password for the user \"pyne-user\" is \"pyne\".", "pyne")]
    [InlineData("The password for user 'deploy' is 'Xk9q2wLm7' until rotation.", "Xk9q2wLm7")]
    [InlineData("the password for root is \"t0ps3cr3t!\"", "t0ps3cr3t!")]
    public void Find_PasswordForAUserIsQuotedValue_IsReported(string text, string secret)
        => SecretText.Covered(text, SecretText.Find(_detector, text)).Should().Be(secret);

    [Theory]
    [InlineData("The password for the user \"deploy\" is stored in the vault.")]
    [InlineData("The password for user 'postgres' is 'changeme' by default.")]
    [InlineData("The password for the user is required.")]
    [InlineData("Reset the password for user \"alice\" if it is \"expired\".")]
    public void Find_PasswordForAUserWithoutAQuotedValue_IsNotReported(string text)
        => SecretText.Find(_detector, text).Should().BeEmpty();

    /// <summary>
    /// A URL with a password and no user (<c>redis://:pass@host</c>, Redis's and some brokers' form): the user-info is
    /// <c>:password</c>.
    /// </summary>
    [Theory]
    [InlineData("REDIS_URL=redis://:Xk9q2wLm7pQ@cache.internal:6379/0", "Xk9q2wLm7pQ")]
    [InlineData("broker_url = 'rediss://:s3cr3t-P4ss@redis.example.com:6380/1'", "s3cr3t-P4ss")]
    public void Find_UrlPasswordWithoutUser_IsReported(string text, string secret)
        => SecretText.Covered(text, SecretText.Find(_detector, text)).Should().Contain(secret).And.NotContain("cache.internal").And.NotContain("redis.example.com");

    [Theory]
    [InlineData("REDIS_URL=redis://:password@localhost:6379/0")]
    [InlineData("http://:8080/health")]
    [InlineData("see http://[::1]:8080/ and ftp://:@host/")]
    [InlineData("cvs://:pserver:anoncvs@sources.redhat.com:/cvs/src")]
    public void Find_UrlWithoutUserAndWithoutPassword_IsNotReported(string text)
        => SecretText.Find(_detector, text).Should().BeEmpty();

    /// <summary>
    /// Passwords on command lines of clients that take them glued or after a bare <c>-p</c>: MySQL/MariaDB clients
    /// (<c>mysql -uroot -pXk9…</c>; <c>-p</c> alone prompts, <c>-p dbname</c> is not a password) and <c>sshpass -p</c>.
    /// </summary>
    [Theory]
    [InlineData("mysql -uroot -pXk9q2wLm7pQ appdb", "Xk9q2wLm7pQ")]
    [InlineData("mysqldump -h db -u backup -p'Xk9#q2w Lm7' --all-databases > all.sql", "Xk9#q2w Lm7")]
    [InlineData("mariadb -u app -p\"Xk9q2wLm7pQ\" -e 'select 1'", "Xk9q2wLm7pQ")]
    [InlineData("sshpass -p 'Xk9q2wLm7pQ' ssh deploy@host", "Xk9q2wLm7pQ")]
    [InlineData("sshpass -pXk9q2wLm7pQ scp a.txt deploy@host:", "Xk9q2wLm7pQ")]
    public void Find_PasswordOnAClientCommandLine_IsReported(string text, string secret)
        => SecretText.Covered(text, SecretText.Find(_detector, text)).Should().BeOneOf(secret, "-p" + secret); // a glued flag goes with its value

    [Theory]
    [InlineData("mysql -u root -p appdb")]
    [InlineData("mysql -u root -p production_database < dump.sql")]
    [InlineData("mysql -uroot -p$MYSQL_ROOT_PASSWORD appdb")]
    [InlineData("mysql -uroot -p\"${DB_PASS}\" appdb")]
    [InlineData("mysql -h db -P 3306 -u root -p")]
    [InlineData("sshpass -p \"$SSHPASS\" ssh host")]
    [InlineData("sshpass -f ~/.pw ssh host")]
    [InlineData("mysql --protocol=tcp -uroot appdb")]
    public void Find_ClientCommandLineWithoutAPassword_IsNotReported(string text)
        => SecretText.Find(_detector, text).Should().BeEmpty();

    /// <summary>A secret-named XML element with attributes (<c>&lt;password type="plain"&gt;…</c>) holds its value as the bare element does.</summary>
    [Theory]
    [InlineData("<password type=\"plain\">Xk9q2wLm7pQ</password>", "Xk9q2wLm7pQ")]
    [InlineData("<apiKey encrypted=\"false\" env='prod'>5f0a2c9d77aa31be02c4Qw3rTy8uIo9p</apiKey>", "5f0a2c9d77aa31be02c4Qw3rTy8uIo9p")]
    public void Find_SecretElementWithAttributes_IsReported(string text, string secret)
        => SecretText.Covered(text, SecretText.Find(_detector, text)).Should().Be(secret);

    [Theory]
    [InlineData("<password required=\"true\"/>")]
    [InlineData("<password-policy minLength=\"8\">strict</password-policy>")]
    [InlineData("<password xsi:nil=\"true\"></password>")]
    [InlineData("<secret name=\"db\">\n  <key>user</key>\n</secret>")]
    [InlineData("<token type=\"ref\">${API_TOKEN}</token>")]
    public void Find_SecretElementWithAttributesAndNoValue_IsNotReported(string text)
        => SecretText.Find(_detector, text).Should().BeEmpty();

    /// <summary>
    /// YAML puts a long value on the line after its name (a plain scalar continued, or a block scalar <c>|</c>/<c>&gt;-</c>
    /// holding one line): that line is the value. A mapping, a list or several lines below the name are not one value.
    /// </summary>
    [Theory]
    [InlineData("db:\n  password:\n    Xk9q2wLm7pQ\n  user: app", "Xk9q2wLm7pQ")]
    [InlineData("token: >-\n  5f0a2c9d77aa31be02c4Qw3rTy8uIo9p\n", "5f0a2c9d77aa31be02c4Qw3rTy8uIo9p")]
    [InlineData("client_secret: |\n  Xk9#q2w-Lm7pQ", "Xk9#q2w-Lm7pQ")]
    public void Find_YamlValueOnTheNextLine_IsReported(string text, string secret)
        => SecretText.Covered(text, SecretText.Find(_detector, text)).Should().Be(secret);

    [Theory]
    [InlineData("password:\n  secretKeyRef:\n    name: db\n    key: password")]
    [InlineData("tokens:\n  - first\n  - second")]
    [InlineData("password:\n# set it in the vault\nuser: app")]
    [InlineData("password:\nuser: app")]
    [InlineData("password: |\n  {{ .Values.db.password }}")]
    [InlineData("The password:\n  Enter it twice.")]
    public void Find_YamlNameWithoutAOneLineValueBelow_IsNotReported(string text)
        => SecretText.Find(_detector, text).Should().BeEmpty();

    /// <summary>A block scalar of several lines under a secret name is redacted whole or not at all: never only its first line.</summary>
    [Fact]
    public void Find_MultiLineBlockUnderASecretName_LeavesNoLineBehind()
    {
        const string Text = "password: |\n  Xk9q2wLm7pQ\n  second-line-7Hq2\nuser: app";

        var covered = SecretText.Covered(Text, SecretText.Find(_detector, Text));

        (covered.Contains("Xk9q2wLm7pQ", StringComparison.Ordinal) == covered.Contains("second-line-7Hq2", StringComparison.Ordinal)).Should().BeTrue(covered);
    }

    /// <summary>
    /// Fragments the new carrier property found (seeds <c>fRPC_AXICu12</c>, <c>ekhrxeYB3Jh2</c>): a secret wrapped by a
    /// shell line continuation inside the word, and a single-quoted shell literal holding <c>'\''</c> (an escaped quote).
    /// Both pieces go, or neither.
    /// </summary>
    [Theory]
    [InlineData("export API_TOKEN=2l1~g=hqXCJS=%?q\\\nBPEIt-dWX7pu~Vah\n./deploy.sh", "2l1~g=hqXCJS=%?q", "BPEIt-dWX7pu~Vah")]
    [InlineData("sshpass -p 'bwrwL_BRcQbHk<'\\''sS'\\''.jf.uRL/MLr1 vtZ' ssh deploy@host", "bwrwL_BRcQbHk<", ".jf.uRL/MLr1 vtZ")]
    [InlineData("PASSWORD='Xk9q2w'\\''Lm7pQ#4'", "Xk9q2w", "Lm7pQ#4")]
    public void Find_SecretSplitByShellSyntax_IsRedactedInBothPieces(string text, string first, string second)
    {
        var covered = SecretText.Covered(text, SecretText.Find(_detector, text));

        covered.Should().Contain(first).And.Contain(second);
    }

    /// <summary>
    /// A Markdown table row names the value in its first cell (<c>| api_key | F8=JI5R… |</c>): the next cell is the value,
    /// to the cell's end. Before, a value holding <c>=</c> there was read as an assignment inside it and only its tail was
    /// redacted (seed <c>1IDBSOBOF2M2</c> of the carrier property).
    /// </summary>
    [Theory]
    [InlineData("| name | value |\n|---|---|\n| api_key | F8=JI5RZkVhJf4CJnwAiRP7 |", "F8=JI5RZkVhJf4CJnwAiRP7")]
    [InlineData("| password | Xk9q2w#Lm7pQ |", "Xk9q2w#Lm7pQ")]
    [InlineData("| password | Xk9#q2w horse battery |", "Xk9#q2w horse battery")]
    public void Find_ValueInAMarkdownTableRow_IsRedactedToTheCellEnd(string text, string secret)
        => SecretText.Covered(text, SecretText.Find(_detector, text)).Should().Be(secret);

    [Theory]
    [InlineData("| password | The user's login password. |")]
    [InlineData("| Setting | password | token |")]
    [InlineData("| token | string | Yes | The API token. |")]
    public void Find_MarkdownTableOfSettingDescriptions_IsNotReported(string text)
        => SecretText.Find(_detector, text).Should().BeEmpty();
}
