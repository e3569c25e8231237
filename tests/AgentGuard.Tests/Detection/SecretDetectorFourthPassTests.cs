namespace AgentGuard.Tests.Detection;

/// <summary>
/// The secret classes of the fourth pass of issue 14, read from tuning lines of the corpora: for each, first how a
/// credential gets past the detector (or leaves a fragment behind), then the ordinary text that looks like it. Values
/// are generated from a seeded <see cref="Random"/>: no credential-shaped literal sits in the repository.
/// </summary>
public sealed class SecretDetectorFourthPassTests
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Hex = "0123456789abcdef";

    private readonly SecretDetector _detector = new();
    private readonly Random _random = new(1404);

    /// <summary>An unquoted value that holds '&amp;' (Django keys draw from <c>!@#$%^&amp;*(-_=+)</c>) was cut at it: the rest reached the audit file.</summary>
    [Fact]
    public void Redact_UnquotedValueWithAmpersands_LeavesNoFragment()
    {
        var key = "wwf*2#86t64!" + Take(Alnum, 8) + "@fy&*gg76q!&%6x_" + Take(Alnum, 10);
        var password = Take(Alnum, 6) + "&" + Take(Alnum, 6) + "!";

        CoveredText("SECRET_KEY=" + key).Should().Contain(key);
        CoveredText("DJANGO_SECRET_KEY: " + key + "\nDEBUG=false").Should().Contain(key);
        CoveredText("DB_PASSWORD=" + password).Should().Contain(password);
    }

    /// <summary>A query parameter, an HTML entity or a shell operator after the value is not part of it.</summary>
    [Fact]
    public void Find_AmpersandThatEndsTheValue_IsNotTakenIntoIt()
    {
        var token = Take(Alnum, 28);

        Values("https://api.example.com/v1/items?api_key=" + token + "&page=2&sort=asc").Should().Equal(token);
        Values("<a href=\"/export?token=" + token + "&amp;format=csv\">").Should().Equal(token);
        Values("API_TOKEN=" + token + "&& make deploy").Should().Equal(token);
        Values("API_TOKEN=" + token + " & disown").Should().Equal(token);
    }

    /// <summary>Container environment lists and .NET appSettings name the secret in one member and hold it in the next.</summary>
    [Fact]
    public void Find_ValueMemberOfASecretName_IsRedacted()
    {
        var password = Take(Alnum, 5) + "@" + Take(Alnum, 4);
        var secret = Take(Alnum, 40);

        CoveredText("{ \"name\": \"RABBITMQ_PASSWORD\", \"value\": \"" + password + "\" },").Should().Contain(password);
        CoveredText("{\"name\":\"API_TOKEN\",\"value\":\"" + secret + "\"}").Should().Contain(secret);
        CoveredText("  <add key=\"AWSSecretAccessKey\" value=\"" + secret + "\" />").Should().Contain(secret);
        CoveredText("- name: DB_PASSWORD\n  value: \"" + password + "\"").Should().Contain(password);
    }

    [Theory]
    [InlineData("{ \"name\": \"RABBITMQ_HOST\", \"value\": \"12.23.45.78\" }")]
    [InlineData("{ \"name\": \"DB_PASSWORD\", \"valueFrom\": { \"secretKeyRef\": { \"name\": \"db\", \"key\": \"password\" } } }")]
    [InlineData("{ \"name\": \"API_TOKEN\", \"value\": \"${API_TOKEN}\" }")]
    [InlineData("<add key=\"PasswordMinLength\" value=\"8\" />")]
    [InlineData("<add key=\"TokenLifetimeMinutes\" value=\"30\" />")]
    [InlineData("{ \"name\": \"secret\", \"value\": \"my-secret-volume\" }")]
    [InlineData("[\"password\", \"value\", \"label\"]")]
    public void Find_ValueMembersThatAreNotSecrets_AreNotReported(string text)
    {
        Find(text).Should().BeEmpty(because: text);
    }

    /// <summary>Terraform Cloud tokens (<c>&lt;14&gt;.atlasv1.&lt;60–70&gt;</c>) and BestTime private keys (<c>pri_</c> + 32 hex) had no name to stand next to.</summary>
    [Fact]
    public void Find_TerraformAndBestTimeTokens_AreRedactedWhole()
    {
        var terraform = Take(Alnum, 14) + ".atlasv1." + Take(Alnum + "_-", 66);
        var besttime = "pri_" + Take(Hex, 32);

        CoveredText("terraform = " + terraform).Should().Contain(terraform);
        CoveredText("credentials \"app.terraform.io\" { token = \"" + terraform + "\" }").Should().Contain(terraform);
        CoveredText("url := \"https://besttime.app/api/v1/keys/" + besttime + "\"").Should().Contain(besttime);
    }

    [Fact]
    public void Find_ShapesNearTerraformAndBestTime_AreNotThoseTokens()
    {
        Find(Take(Alnum, 13) + ".atlasv1." + Take(Alnum, 66)).Should().NotContain(f => f.Kind == "terraform-token");
        Find(Take(Alnum, 14) + ".atlasv1." + Take(Alnum, 40)).Should().NotContain(f => f.Kind == "terraform-token");
        Find("see the .atlasv1. suffix in the docs").Should().BeEmpty();
        Find("pri_" + Take(Hex, 31) + " ").Should().NotContain(f => f.Kind == "besttime-key");
        Find("pri_" + Take(Hex, 40)).Should().NotContain(f => f.Kind == "besttime-key");
        Find("the pri_key column and pri_index").Should().BeEmpty();
    }

    /// <summary>Dropbox long-lived tokens: eleven characters, ten <c>A</c>s, 43 more, with no name or prefix to give them away.</summary>
    [Fact]
    public void Find_DropboxLongLivedToken_IsRedactedWhole()
    {
        var token = Take(Alnum, 11) + "AAAAAAAAAA" + Take(Alnum + "_-", 43);

        CoveredText("dropbox: " + token).Should().Contain(token);
        CoveredText("client = Dropbox(\"" + token + "\")").Should().Contain(token);
    }

    /// <summary>Runs of <c>A</c> inside base64 data (images, keys, zeroed buffers) are not Dropbox tokens.</summary>
    [Fact]
    public void Find_RunsOfAInsideBase64_AreNotDropboxTokens()
    {
        var blob = Take(Alnum + "+/", 120) + "AAAAAAAAAAAAAAAAAAAA" + Take(Alnum + "+/", 120) + "==";

        Find("data:image/png;base64," + blob).Should().NotContain(f => f.Kind == "dropbox-token");
        Find("icon: iVBORw0KGgo" + Take(Alnum, 4) + "AAAAAAAAAA" + Take(Alnum, 43) + "+" + Take(Alnum, 20)).Should().NotContain(f => f.Kind == "dropbox-token");
        Find(Take(Alnum, 11) + "AAAAAAAAAA" + Take(Alnum, 42) + " ").Should().NotContain(f => f.Kind == "dropbox-token");
    }

    private List<SecretFinding> Find(string text) => SecretText.Find(_detector, text);

    private List<string> Values(string text) => SecretText.Values(_detector, text);

    /// <summary>What the audit redactor replaces in <paramref name="text"/>, joined.</summary>
    private string CoveredText(string text) => SecretText.Covered(text, Find(text));

    private string Take(string alphabet, int count) => SecretText.Take(_random, alphabet, count);
}
