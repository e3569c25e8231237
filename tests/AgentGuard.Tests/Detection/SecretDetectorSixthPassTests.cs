namespace AgentGuard.Tests.Detection;

/// <summary>
/// The secret classes of the sixth pass of issue 14, decided from tuning lines only under the lead's policy for
/// redaction (a miss leaks a secret, a false alarm only masks a harmless value): structural evidence is enough. First
/// how a credential got past the detector, then the ordinary text that looks like it. Values are generated from a
/// seeded <see cref="Random"/>: no credential-shaped literal sits in the repository.
/// </summary>
public sealed class SecretDetectorSixthPassTests
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string LowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly SecretDetector _detector = new();
    private readonly Random _random = new(1406);

    /// <summary>
    /// A generated token assigned to a service's name with no key word (<c>apiMetrics := "…"</c>, <c>pyowm = '…'</c>,
    /// <c>telnyx = KEY…</c>) went to the audit file verbatim: an assignment is a credential position.
    /// </summary>
    [Fact]
    public void Find_GeneratedTokenAssignedToAServiceName_IsReported()
    {
        var mixed = Mixed(32);
        var lower = LowerToken(32);

        Values("apiMetrics := \"" + mixed + "\"").Should().Equal(mixed);
        Values("asana: '" + mixed + "'").Should().Equal(mixed);
        Values("telnyx = " + mixed + "\nregion = eu").Should().Equal(mixed);
        Values("{\"mailjet\": \"" + mixed + "\", \"region\": \"eu\"}").Should().Equal(mixed);
        Values("pyowm = '" + lower + "'").Should().Equal(lower);
        Values("cloudmersive: \"" + lower[..20] + "-" + lower[20..] + "\"").Should().Equal(lower[..20] + "-" + lower[20..]);
    }

    /// <summary>What stands after a name in everyday code, schemas and config: ids, hashes, versions, identifiers, alphabets.</summary>
    [Fact]
    public void Find_IdsHashesAndIdentifiersAfterAName_StayUnreported()
    {
        var mixed = Mixed(32);

        Find("requestId: \"" + mixed + "\"").Should().BeEmpty();
        Find("\"id\": \"" + mixed + "\"").Should().BeEmpty();
        Find("commit_sha = " + mixed).Should().BeEmpty();
        Find("<script nonce=\"" + mixed + "\">").Should().BeEmpty();
        Find("state=" + mixed + "&code=abc").Should().BeEmpty();
        Find("commit: 3f2a9c1d0b7e4a5f8c6d2e1b9a0f7c3d5e4b2a1c").Should().BeEmpty();
        Find("uuid = 7c9e6679-7425-40de-944b-e07fc1f90ae7").Should().BeEmpty();
        Find("\"entity\": \"group-00b4903a9740e42c29800f53bd5a9a62a2f96eb3f64a4313a115df3f3a776bf7\"").Should().BeEmpty();
        Find("integrity: sha512-" + mixed + "+" + mixed + "==").Should().BeEmpty();
        Find("var characters = \"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789\";").Should().BeEmpty();
        Find("exports.X509SubjectKeyIDExtension = X509SubjectKeyIDExtension;").Should().BeEmpty();
        Find("response_type='V1beta1ClusterRoleBindingList',").Should().BeEmpty();
        Find("\"shape\":\"sensitiveString0To1000\",").Should().BeEmpty();
        Find("<Project InitialTargets=\"NETStandardCompatError_Microsoft_Extensions_Logging_net8_0\">").Should().BeEmpty();
        Find("'SOABI': 'cpython-311-x86_64-linux-gnu',").Should().BeEmpty();
        Find("method: getHL7v2StoreMetrics").Should().BeEmpty();
    }

    /// <summary>Placeholders and masks after a service name stay unreported as everywhere else.</summary>
    [Fact]
    public void Find_PlaceholderAfterAServiceName_StaysUnreported()
    {
        Find("telnyx = YOUR_TELNYX_API_KEY_GOES_HERE_1234_5678").Should().BeEmpty();
        Find("asana: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'").Should().BeEmpty();
        Find("apiMetrics := \"${APIMETRICS_TOKEN}\"").Should().BeEmpty();
    }

    /// <summary>
    /// A key name with <c>=</c> or <c>:</c> is a credential position: a plain run of letters and digits below the entropy
    /// floors (<c>ipstack_key=abcdef…12</c>, <c>uclassify_key=ABC123DEF456</c>, 15+ digits) was left in the audit file.
    /// </summary>
    [Fact]
    public void Find_PlainValueAssignedToAKeyName_IsReported()
    {
        var sequence = string.Concat(Enumerable.Repeat("abcdef", 5)) + Take("0123456789", 2);
        var shortKey = Take("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3) + Take("0123456789", 3) + Take("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3) + Take("0123456789", 3);
        var digits = "8" + Take("0123456789", 15);
        var letters = Take("abcdefgh", 32);

        Values("ipstack_key=" + sequence).Should().Equal(sequence);
        Values("uclassify_key=" + shortKey).Should().Equal(shortKey);
        Values("asana_key = \"" + digits + "\"").Should().Equal(digits);
        Values("ipapi_secret=" + letters).Should().Equal(letters);
        Values("centralstationcrmTOKEN=" + letters).Should().Equal(letters);
    }

    /// <summary>Words, masks, cursors and short values after a key name stay unreported.</summary>
    [Fact]
    public void Find_WordsMasksAndCursorsAfterAKeyName_StayUnreported()
    {
        Find("api_key=aaaaaaaaaaaaaaaaaaaaaaaa").Should().BeEmpty();
        Find("client_secret=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").Should().BeEmpty();
        Find("sort_key = created_at").Should().BeEmpty();
        Find("api_key=abc123").Should().BeEmpty();
        Find("--page-token=\"ala9glealanal908\"").Should().BeEmpty();
        Find("nextPageToken: \"" + Take(LowerAlnum, 16) + "\"").Should().BeEmpty();
        Find("token: 1700000000000").Should().BeEmpty();
        Find("api_key = getApiKeyFromEnvironment").Should().BeEmpty();
    }

    /// <summary>
    /// A generated token that carries the word EXAMPLE (<c>dckr_pat_Example…</c>, <c>lin_api_…EXAMPLE</c>) was taken for a
    /// documentation placeholder and left in the audit file; without the word it still has a real token's shape.
    /// </summary>
    [Fact]
    public void Find_TokenCarryingTheWordExample_IsReported()
    {
        var docker = "dckr_pat_Example" + Take(Alnum, 20);
        var linear = "lin_api_" + Take(Alnum, 33) + "EXAMPLE";

        Values("DOCKER_TOKEN=" + docker).Should().Equal(docker);
        Values(linear).Should().Equal(linear);
    }

    /// <summary>The documented AWS examples and words around the marker stay placeholders.</summary>
    [Fact]
    public void Find_DocumentedExamples_StayUnreported()
    {
        Find("aws_access_key_id = AKIAIOSFODNN7EXAMPLE").Should().BeEmpty();
        Find("aws_secret_access_key = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"").Should().BeEmpty();
        Find("api_key = \"example-api-key-for-docs\"").Should().BeEmpty();
        Find("gsutil acl ch -p owners-example-project-123:R gs://example-bucket").Should().BeEmpty();
        Find("token: hvs.example").Should().BeEmpty();
    }

    /// <summary>
    /// A URL password that starts with the word "password" but goes on for twelve or more characters
    /// (<c>https://user:password8901…@host</c>) and an appSettings value under a name ending in "Pat"
    /// (<c>&lt;add key="GitHubLegacyPat" value="…"/&gt;</c>) reached the audit file.
    /// </summary>
    [Fact]
    public void Find_LongUrlPasswordAndPatSetting_AreReported()
    {
        var tail = Take(Alnum, 16);
        var hex = Take("0123456789abcdef", 40);

        Values("https://username2:password" + tail + "@host22.cloudant.com").Should().Equal("password" + tail);
        Values("  <add key=\"GitHubLegacyPat\" value=\"" + hex + "\" />").Should().Equal(hex);
    }

    /// <summary>Toy URL credentials stay unreported: the word alone or with a short suffix.</summary>
    [Fact]
    public void Find_ToyUrlPasswords_StayUnreported()
    {
        Find("amqp://user:password@host/db").Should().BeEmpty();
        Find("postgresql://app:MyPassword123@localhost/db").Should().BeEmpty();
        Find("<add key=\"pat\" value=\"true\" />").Should().BeEmpty();
    }

    /// <summary>
    /// Found by the no-fragment property (<c>SecretNoFragmentPropertyTests</c>): an unquoted 600-character token was cut
    /// at 512 and its tail after a symbol reached the audit file; a flag at the start of a line was not a flag; a long
    /// token that holds <c>%s</c> or <c>://</c> by chance was taken for a template or a URL, and a key-like run inside it
    /// was redacted alone.
    /// </summary>
    [Fact]
    public void Redact_LongTokensAndLineStartFlags_LeaveNoFragment()
    {
        var longToken = Take(Alnum, 520) + "!" + Take(Alnum, 80);
        var withFormat = Take(Alnum, 30) + "%s" + Take(Alnum, 30) + "$" + Take(Alnum, 10);
        var withUrlMark = Take(Alnum, 30) + "://" + Take(Alnum, 30);
        var password = Take(Alnum, 6) + "=" + Take(Alnum, 20);

        SecretText.Covered("API_KEY=" + longToken, Find("API_KEY=" + longToken)).Should().Be(longToken);
        Values("# deploy\n--password " + password).Should().Equal(password);
        Values("client_secret: \"" + withFormat + "\"").Should().Equal(withFormat);
        Values("client_secret: \"" + withUrlMark + "\"").Should().Equal(withUrlMark);
    }

    /// <summary>
    /// Found by the same property in CI (seed <c>bjrN6vUCg6A5</c>): a generated token holding <c>%S</c> by chance. The
    /// marker was found ignoring case but its position was looked up case-sensitively, so the token was taken for a
    /// template, and a key-like run inside it (<c>…KeyS:9QMeJf…</c>) was redacted alone.
    /// </summary>
    [Fact]
    public void Redact_TemplateMarkerInAnotherCase_ByChance_LeavesNoFragment()
    {
        foreach (var marker in new[] { "%S", "%s", "$(", "{{" })
        {
            var token = Take(Alnum, 40) + marker + Take(Alnum, 20) + "/" + Take(Alnum, 8) + "KeyS:" + Take(Alnum, 40);
            var line = "var apiKey string = \"" + token + "\"";
            var spans = ArgumentRedactor.RedactionSpans(line, Find(line));
            var start = line.IndexOf(token, StringComparison.Ordinal);
            spans.Should().NotBeEmpty();
            Enumerable.Range(start, token.Length).Should().OnlyContain(
                i => spans.Any(span => span.Start <= i && i < span.Start + span.Length),
                $"a token holding {marker} by chance is redacted whole, not a run inside it");
        }
    }

    /// <summary>Templates and URLs after key names stay what they are.</summary>
    [Fact]
    public void Find_TemplatesAndUrlsAfterKeyNames_StayUnreported()
    {
        Find("api_key = \"%s\"").Should().BeEmpty();
        Find("api_key = \"%S\"").Should().BeEmpty();
        Find("token: \"Bearer ${ACCESS_TOKEN}\"").Should().BeEmpty();
        Find("token_url: \"https://auth.example.com/oauth2/token\"").Should().BeEmpty();
    }

    private List<SecretFinding> Find(string text) => SecretText.Find(_detector, text);

    private List<string> Values(string text) => SecretText.Values(_detector, text);

    private string Take(string alphabet, int count) => SecretText.Take(_random, alphabet, count);

    /// <summary>A token of letters of both cases and digits spread over it, as a service generates one.</summary>
    private string Mixed(int length)
    {
        while (true)
        {
            var value = Take(Alnum, length);
            if (value.Count(char.IsAsciiDigit) >= 4 && value.Count(char.IsAsciiLetterUpper) >= 4 && value.Count(char.IsAsciiLetterLower) >= 4 && !AgentGuard.SecretText.LooksLikeIdentifier(value))
            {
                return value;
            }
        }
    }

    /// <summary>A lower-case token with digits spread over it and letters beyond hex.</summary>
    private string LowerToken(int length)
    {
        while (true)
        {
            var value = Take(LowerAlnum, length);
            if (value.Count(char.IsAsciiDigit) >= 8 && value.Any(c => c > 'f'))
            {
                return value;
            }
        }
    }
}
