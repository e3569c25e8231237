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
}
