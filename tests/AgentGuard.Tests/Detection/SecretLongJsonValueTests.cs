using System.Text;
using System.Text.Json;
using AgentGuard.Tests.Corpora;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// A secret inside a long string value of a tool's JSON result (a 6 KB message body, a page): the whole result's readings
/// keep only each long value's ends and leave its interior to the value's own reading. A secret in the interior, at an
/// end, right at the line where the interior starts or stops, or in a value nested in a JSON string, is still redacted
/// whole; a long clean page stays clean, and a key named before a long value still reaches the value's first line.
/// </summary>
public sealed class SecretLongJsonValueTests
{
    private static readonly string[] Paragraphs =
    [
        "Please follow the setup instructions in the manual and contact support if anything is unclear about your order.",
        "Invoices are payable within 30 days; the assistant manager reviews refunds weekly and answers within two days.",
        "<div class=\"card\"><a href=\"https://example.com/docs/start\">Getting started</a> — configure users & permissions.</div>",
        "Key features: token-based pricing, a password manager integration and secret sharing between teams.",
    ];

    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string, int, string> Cases()
    {
        (string Line, string Secret)[] lines =
        [
            ("export GITHUB_TOKEN=ghp_Q8vK2mLx7RtZ4nWp9YbC3dHs6JfA1eUoGk5T", "ghp_Q8vK2mLx7RtZ4nWp9YbC3dHs6JfA1eUoGk5T"),
            ("db_password = \"Vq7#Lm2xTz9Rk4\"", "Vq7#Lm2xTz9Rk4"),
            ("postgres://deploy:Zr8+Kq2Lm9xTw4@db.internal:5432/app", "Zr8+Kq2Lm9xTw4"),
            ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDx7Kq2Lm9xTw4Vb8Nc3Rf5Hj6Yp1Zs0Gd2Ue4Wa7QAAAJgAAAAA\n-----END OPENSSH PRIVATE KEY-----", "QyNTUxOQAAACDx7Kq2Lm9xTw4Vb8Nc3Rf5Hj6Yp1Zs0Gd2Ue4Wa7QAAAJgAAAAA"),
        ];
        var data = new TheoryData<string, string, int, string>();
        foreach (var encoder in new[] { "dotnet", "python" })
        {
            foreach (var (line, secret) in lines)
            {
                // At the value's start, deep in its interior, at the lines where the interior starts and stops, at its end.
                foreach (var before in new[] { 0, 3000, SecretJsonInteriors.Edge + 18, 6000 - SecretJsonInteriors.Edge - 88, 6000 })
                {
                    data.Add(line, secret, before, encoder);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SecretInALongValue_IsRedactedWhole(string line, string secret, int before, string encoder)
    {
        var body = Page(before) + (before > 0 ? "\n" : string.Empty) + line + "\n" + Page(6000 - before);
        var text = InjectionCorpusAsJsonTests.AsJson(body, encoder);
        Covered(text, Escaped(secret, encoder)).Should().Be("whole", $"{encoder}, {before} characters before");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SecretInALongValueOfAFiveFieldRecord_IsRedactedWhole(string line, string secret, int before, string encoder)
    {
        var body = Page(before) + (before > 0 ? "\n" : string.Empty) + line + "\n" + Page(6000 - before);
        var text = JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = "r-17", ["title"] = "Deploy notes", ["body"] = body, ["tags"] = "ops, deploy: weekly", ["updated"] = "2026-12-04" });
        Covered(text, Escaped(secret, "dotnet")).Should().Be("whole", $"{encoder}, {before} characters before");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SecretInALongValueNestedInAJsonString_IsRedactedWhole(string line, string secret, int before, string encoder)
    {
        var body = Page(before) + (before > 0 ? "\n" : string.Empty) + line + "\n" + Page(6000 - before);
        var text = InjectionCorpusAsJsonTests.AsJson(InjectionCorpusAsJsonTests.AsJson(body, encoder), encoder);
        Covered(text, Escaped(Escaped(secret, encoder), encoder)).Should().Be("whole", $"{encoder}, {before} characters before");
    }

    [Theory]
    [InlineData("dotnet")]
    [InlineData("python")]
    public void LongCleanPage_StaysClean(string encoder)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(InjectionCorpusAsJsonTests.AsJson(Page(10_000), encoder), findings);
        findings.Should().BeEmpty();
    }

    [Fact]
    public void KeyBeforeALongValue_ReachesItsFirstLine()
    {
        var text = JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = "r-17", ["client_secret"] = "Tz8Qk2Lm9Xv4Rw7Np3Hs\n" + Page(6000) });
        Covered(text, "Tz8Qk2Lm9Xv4Rw7Np3Hs").Should().Be("whole");
    }

    [Theory]
    [InlineData("dotnet")]
    [InlineData("python")]
    public void SecretOnAnyLineOfALongValue_IsRedactedWhole(string encoder)
    {
        // Every line position, 37 characters apart: wherever the interior's cut falls, the secret is read whole once.
        (string Line, string Secret)[] lines =
        [
            ("export GITHUB_TOKEN=ghp_Q8vK2mLx7RtZ4nWp9YbC3dHs6JfA1eUoGk5T", "ghp_Q8vK2mLx7RtZ4nWp9YbC3dHs6JfA1eUoGk5T"),
            ("db_password = \"Vq7#Lm2xTz9Rk4\"", "Vq7#Lm2xTz9Rk4"),
        ];
        foreach (var (line, secret) in lines)
        {
            for (var before = 0; before <= 6000; before += 37)
            {
                var body = Page(before) + (before > 0 ? "\n" : string.Empty) + line + "\n" + Page(6000 - before);
                var text = InjectionCorpusAsJsonTests.AsJson(body, encoder);
                Covered(text, Escaped(secret, encoder)).Should().Be("whole", $"{encoder}, {before} characters before");
            }
        }
    }

    [Theory]
    [InlineData("dotnet", 12)]
    [InlineData("dotnet", 40)]
    [InlineData("python", 40)]
    public void PrivateKeyAtAValuesStart_IsRedactedAsItsBlock(string encoder, int lines)
    {
        // A key longer than the kept head: the head reaches to the block's END line, so the whole text's readings read
        // the block whole, as the value's own reading does, and the redaction stops with it (it ran to the value's end).
        var body = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\n");
        var random = new Random(7);
        const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (var line = 0; line < lines; line++)
        {
            for (var i = 0; i < 64; i++)
            {
                body.Append(Base64[random.Next(Base64.Length)]);
            }

            body.Append('\n');
        }

        body.Append("-----END RSA PRIVATE KEY-----\n");
        var key = body.ToString();
        var atStart = InjectionCorpusAsJsonTests.AsJson(key + "After the key.\n" + Page(6000), encoder);
        var after = atStart.IndexOf("After the key.", StringComparison.Ordinal);
        Spans(atStart).Should().OnlyContain(span => span.Start + span.Length <= after, $"{lines} lines, {encoder}, at the start");
        Covered(atStart, Escaped("-----END RSA PRIVATE KEY-----", encoder)).Should().Be("whole");

        // At the value's end the kept tail may cut the block's BEGIN away: what it reads of the block finds nothing
        // there, and the value's own reading redacts the block alone.
        var atEnd = InjectionCorpusAsJsonTests.AsJson(Page(6000) + "\nBefore the key.\n" + key, encoder);
        var before = atEnd.IndexOf("Before the key.", StringComparison.Ordinal) + "Before the key.".Length;
        Spans(atEnd).Should().OnlyContain(span => span.Start >= before, $"{lines} lines, {encoder}, at the end");
        Covered(atEnd, Escaped("-----BEGIN RSA PRIVATE KEY-----", encoder)).Should().Be("whole");
    }

    private IEnumerable<(int Start, int Length)> Spans(string text)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        return ArgumentRedactor.RedactionSpans(text, findings).Select(span => (span.Start, span.Length));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5400)]
    [InlineData(6000)]
    public void SecretAfterTwoLongValues_IsRedactedWhereItIsWritten(int before)
    {
        // Both values' interiors are cut from the whole text's readings: what those readings find after the second
        // value (a key and its value in the record itself) is mapped back over both cuts.
        const string Line = "export GITHUB_TOKEN=ghp_Q8vK2mLx7RtZ4nWp9YbC3dHs6JfA1eUoGk5T";
        var second = Page(before) + (before > 0 ? "\n" : string.Empty) + Line + "\n" + Page(6000 - before);
        var text = JsonSerializer.Serialize(new Dictionary<string, string> { ["first"] = Page(7000), ["second"] = second, ["api_key"] = "Kq9Lm2Xv8Tz4Rw7Np3Hs6Jd" });
        Covered(text, "ghp_Q8vK2mLx7RtZ4nWp9YbC3dHs6JfA1eUoGk5T").Should().Be("whole", $"{before} characters before");
        Covered(text, "Kq9Lm2Xv8Tz4Rw7Np3Hs6Jd").Should().Be("whole", $"{before} characters before");
    }

    private static string Page(int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < length; i++)
        {
            builder.Append(Paragraphs[i % Paragraphs.Length]).Append('\n');
        }

        return builder.ToString(0, length).TrimEnd('\n');
    }

    private string Covered(string text, string written) => JsonWrittenSecrets.Covered(_detector, text, written);

    private static string Escaped(string value, string encoder) => JsonWrittenSecrets.Escaped(value, encoder);
}
