using AgentGuard.Tests.Corpora;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// A secret in a tool's JSON result: the line that holds it is a string of a JSON object as System.Text.Json writes it
/// (a quote as <c>\u0022</c>, <c>' &lt; &gt; &amp; +</c> as <c>\u0027 \u003C \u003E \u0026 \u002B</c>) or as Python's
/// <c>json.dumps</c> does (<c>\"</c>), once or serialized again. The escapes hid the key's quotes and cut values at the
/// <c>+</c>, so the secret was missed or a fragment of it reached the audit file. Each is found and covered whole as the
/// encoder wrote it; look-alikes (placeholders, hashes, identifiers, prose about keys) stay clean as JSON as they do as
/// text, and a value that holds an escaped quote is covered whole or not at all.
/// </summary>
public sealed class SecretJsonResultTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string, string> Lines()
    {
        string[] encoders = ["dotnet", "python"];
        (string Line, string Secret)[] lines =
        [
            ("db_password = \"Vq7#Lm2xTz9Rk4\"", "Vq7#Lm2xTz9Rk4"),
            ("<apiKey>Hq4Rb+N3sRt8Xk9q2wLm7vPz</apiKey>", "Hq4Rb+N3sRt8Xk9q2wLm7vPz"),
            ("SMTP_PASS='r8Kd!2pQz&Lm7w'", "r8Kd!2pQz&Lm7w"),
            ("{\"client_secret\": \"Tz8Qk2+Lm9/Xv4Rw7Np3Hs==\"}", "Tz8Qk2+Lm9/Xv4Rw7Np3Hs=="),
            ("export API_TOKEN=\"Xb7Kq2Lp9Vz4Rt8Wm3N\"\n./deploy.sh", "Xb7Kq2Lp9Vz4Rt8Wm3N"),
            ("connect(host=\"db\", password=\"p4Ss+w0rD&9xQ\", port=5432)", "p4Ss+w0rD&9xQ"),
        ];
        var data = new TheoryData<string, string, string>();
        foreach (var encoder in encoders)
        {
            foreach (var (line, secret) in lines)
            {
                data.Add(line, secret, encoder);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void SecretInAJsonResult_IsRedactedWholeAsWritten(string line, string secret, string encoder)
    {
        var text = InjectionCorpusAsJsonTests.AsJson(line, encoder);
        Covered(text, Escaped(secret, encoder)).Should().Be("whole", text);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void SecretInAJsonResultSerializedTwice_IsRedactedWholeAsWritten(string line, string secret, string encoder)
    {
        var text = InjectionCorpusAsJsonTests.AsJson(InjectionCorpusAsJsonTests.AsJson(line, encoder), encoder);
        Covered(text, Escaped(Escaped(secret, encoder), encoder)).Should().Be("whole", text);
    }

    /// <summary>
    /// A tool's output whose line opens with a name that is no secret word (a provider's name, a flag): as the text of
    /// a JSON string it opened after <c>{"body":"</c>, not at a line's start, and was missed with no escape at all.
    /// </summary>
    [Theory]
    [InlineData("assemblyai = 3c9e1f7a2b8d4e6f0a1c5b9d7e3f2a4b", "3c9e1f7a2b8d4e6f0a1c5b9d7e3f2a4b")]
    [InlineData("railway = 'c41e7a90-5b2d-4f86-9e13-7a0d2c5b8f64'", "c41e7a90-5b2d-4f86-9e13-7a0d2c5b8f64")]
    [InlineData("--token Qm7rLx2Kd9Vw4Tz", "Qm7rLx2Kd9Vw4Tz")]
    public void LineOpeningAJsonStringValue_IsReadAsTheLineIs(string line, string secret)
    {
        foreach (var encoder in new[] { "dotnet", "python" })
        {
            var findings = new List<SecretFinding>();
            _detector.Find(line, findings);
            findings.Should().NotBeEmpty("as text");
            Covered(InjectionCorpusAsJsonTests.AsJson(line, encoder), Escaped(secret, encoder)).Should().Be("whole", encoder);
            var twice = InjectionCorpusAsJsonTests.AsJson(InjectionCorpusAsJsonTests.AsJson(line, encoder), encoder);
            Covered(twice, Escaped(Escaped(secret, encoder), encoder)).Should().Be("whole", encoder + " twice");
        }
    }

    /// <summary>A secret in JSON serialized into a string is redacted as itself, not with the whole serialized value around it.</summary>
    [Fact]
    public void SecretInJsonSerializedIntoAString_IsRedactedAlone()
    {
        var text = InjectionCorpusAsJsonTests.AsJson(InjectionCorpusAsJsonTests.AsJson("--token Qm7rLx2Kd9Vw4Tz", "dotnet"), "dotnet");
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        var span = ArgumentRedactor.RedactionSpans(text, findings).Should().ContainSingle().Which;
        span.Start.Should().Be(text.IndexOf("Qm7rLx2Kd9Vw4Tz", StringComparison.Ordinal));
        text.Substring(span.Start, span.Length).Should().NotContain("token");
    }

    [Theory]
    [InlineData("password = \"${DB_PASSWORD}\"")]
    [InlineData("api_key = \"<your-api-key>\"")]
    [InlineData("sha256 = \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"")]
    [InlineData("{\"id\": \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\", \"name\": \"deploy\"}")]
    [InlineData("Set the API key on the settings page (\"Keys\" tab), then restart the agent.")]
    [InlineData("token = \"\"\npassword: \"changeme\"")]
    public void LookAlikeInAJsonResult_StaysClean(string line)
    {
        foreach (var encoder in new[] { "dotnet", "python" })
        {
            var findings = new List<SecretFinding>();
            _detector.Find(InjectionCorpusAsJsonTests.AsJson(line, encoder), findings);
            findings.Should().BeEmpty(encoder);
        }
    }

    /// <summary>A value that holds an escaped quote is one value as written and two decoded: covered whole or not at all.</summary>
    [Theory]
    [InlineData("{\"password\": \"Ab3\\\"kQ9zLm2x7Rt!w\", \"user\": \"app\"}", "Ab3\\\"kQ9zLm2x7Rt!w")]
    [InlineData("{\"password\": \"x\\\"wkFq9bBsi1HUZm8DSMib\\\"y\"}", "x\\\"wkFq9bBsi1HUZm8DSMib\\\"y")]
    [InlineData("{\"api_key\": \"Qz7 Lm2\\\",Xv9Rt4Kw8Zs3Nb\"}", "Qz7 Lm2\\\",Xv9Rt4Kw8Zs3Nb")]
    [InlineData("{\"body\": \"secret=\\\"Pq7Lm2\\\\\\\"Xv9Rt4Kw8Zs3Nb\\\" user=\\\"app\\\"\"}", "Pq7Lm2\\\\\\\"Xv9Rt4Kw8Zs3Nb")]
    public void ValueHoldingAnEscapedQuote_IsRedactedWholeOrNotAtAll(string text, string written)
        => Covered(text, written).Should().BeOneOf("whole", "none");

    private string Covered(string text, string written) => JsonWrittenSecrets.Covered(_detector, text, written);

    private static string Escaped(string value, string encoder) => JsonWrittenSecrets.Escaped(value, encoder);
}
