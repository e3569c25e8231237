using System.Text;
using CsCheck;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// "A detected secret never leaves a fragment" in the carriers <see cref="SecretNoFragmentPropertyTests"/> does not
/// write: inside URLs (percent-encoded, as a URL carries it), JSON written inside a JSON string, a header inside a JSON
/// object, next to punctuation that closes a call, a list or a sentence, written twice in one text (every copy must go),
/// base64-encoded in a <c>Basic</c> header, and private keys with each line ending (LF, CRLF, CR), indented in YAML,
/// escaped in JSON. What the audit redactor replaces (the detector's findings and the encoded secrets it decodes) must
/// cover every copy of the secret as written, or touch none of them. Iterations from <c>AGENTGUARD_FUZZ_ITERATIONS</c>
/// (default 20,000).
/// </summary>
public sealed class SecretNoFragmentCarrierPropertyTests
{
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 20_000;

    /// <summary>
    /// Carriers: {0} the secret as is, {P} percent-encoded (in a URL), {J} escaped for a JSON string, {JJ} escaped twice
    /// (JSON inside a JSON string), {B} base64 of <c>deploy:</c> and the secret.
    /// </summary>
    private static readonly string[] Carriers =
    [
        "https://api.example.com/v1/items?api_key={P}&page=2", "GET /v1/items?access_token={P} HTTP/1.1",
        "postgres://app:{P}@db.internal:5432/app", "git clone https://x-access-token:{P}@github.com/org/repo.git",
        "{\"args\": \"{\\\"password\\\": \\\"{JJ}\\\"}\"}", "{\"headers\": {\"Authorization\": \"Bearer {J}\"}}",
        "(api_key={0})", "[token: {0}]", "api_key={0}.", "token={0},next=1", "TOKEN={0};", "{'password': '{0}'}",
        "password={0}\npassword_confirm={0}", "{\"token\": \"{J}\", \"backup\": \"{J}\"}", "Authorization: Basic {B}",
        "callback?token={P}", "export TOKEN={0}&& ./deploy.sh", "TOKEN={0}|base64 -d", "token={0}\t# rotated",
        "Cookie: session_token={0}; path=/", "curl -H \"X-Api-Key: {0}\" https://api.example.com",
    ];

    private static readonly Gen<string> Secret = GeneratedSecrets.Of(10, 200);

    private static readonly string[] KeyTypes = ["RSA PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "DSA PRIVATE KEY"];

    private static readonly string[] LineEnds = ["\n", "\r\n", "\r"];

    [Fact]
    public void DetectedSecret_InAnyCarrier_IsRedactedWholeEverywhere()
    {
        var detector = new SecretDetector();
        Gen.Select(Secret, Gen.Int[0, Carriers.Length - 1]).Sample((secret, carrier) =>
        {
            var (text, written) = Write(Carriers[carrier], secret);
            return UnreportedOrRedactedWhole(detector, text, written);
        }, iter: Iterations);
    }

    [Fact]
    public void PrivateKey_WithAnyLineEndingAndCarrier_IsRedactedWhole()
    {
        var detector = new SecretDetector();
        var body = Gen.Char[Base64].Array[64, 1600].Select(chars => new string(chars));
        Gen.Select(body, Gen.Int[0, KeyTypes.Length - 1], Gen.Int[0, LineEnds.Length - 1], Gen.Int[0, 4]).Sample((raw, type, end, carrier) =>
        {
            var newline = LineEnds[end];
            var lines = Enumerable.Range(0, (raw.Length + 63) / 64).Select(i => raw.Substring(i * 64, Math.Min(64, raw.Length - (i * 64))));
            var pem = $"-----BEGIN {KeyTypes[type]}-----{newline}{string.Join(newline, lines)}{newline}-----END {KeyTypes[type]}-----";
            var text = carrier switch
            {
                0 => pem,
                1 => "tls:\n  key: |" + newline + "    " + pem.Replace(newline, newline + "    ", StringComparison.Ordinal) + newline + "  cert: ./cert.pem",
                2 => "{\"private_key\": \"" + pem.Replace(newline, "\\n", StringComparison.Ordinal) + "\\n\", \"client_email\": \"ci@example.iam\"}",
                3 => "PRIVATE_KEY=\"" + pem + "\"" + newline + "NEXT=1",
                _ => "# deploy key" + newline + pem + newline + "# end",
            };

            // Every character of the body, as written, is covered: reported (a body of 64+ characters) and whole.
            return BodyCovered(detector, text, lines);
        }, iter: Iterations / 4);
    }

    private static (string Text, string Written) Write(string carrier, string secret)
    {
        var written = carrier switch
        {
            _ when carrier.Contains("{P}", StringComparison.Ordinal) => Uri.EscapeDataString(secret),
            _ when carrier.Contains("{JJ}", StringComparison.Ordinal) => Json(Json(secret)),
            _ when carrier.Contains("{J}", StringComparison.Ordinal) => Json(secret),
            _ when carrier.Contains("{B}", StringComparison.Ordinal) => Convert.ToBase64String(Encoding.UTF8.GetBytes("deploy:" + secret)),
            _ => secret,
        };
        var text = carrier.Replace("{P}", written, StringComparison.Ordinal).Replace("{JJ}", written, StringComparison.Ordinal)
            .Replace("{J}", written, StringComparison.Ordinal).Replace("{B}", written, StringComparison.Ordinal).Replace("{0}", written, StringComparison.Ordinal);
        return (text, written);
    }

    private static string Json(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static bool[] Covered(SecretDetector detector, string text)
    {
        var findings = new List<SecretFinding>();
        detector.Find(text, findings);
        RedactorEncodedSecrets.Find(detector, text, findings);
        var covered = new bool[text.Length];
        foreach (var span in ArgumentRedactor.RedactionSpans(text, findings))
        {
            for (var i = span.Start; i < span.Start + span.Length && i < text.Length; i++)
            {
                covered[i] = true;
            }
        }

        return covered;
    }

    private static bool UnreportedOrRedactedWhole(SecretDetector detector, string text, string written)
    {
        var covered = Covered(detector, text);
        var any = false;
        var all = true;
        for (var at = text.IndexOf(written, StringComparison.Ordinal); at >= 0; at = text.IndexOf(written, at + written.Length, StringComparison.Ordinal))
        {
            for (var i = at; i < at + written.Length; i++)
            {
                any |= covered[i];
                all &= covered[i];
            }
        }

        return !any || all;
    }

    private static bool BodyCovered(SecretDetector detector, string text, IEnumerable<string> lines)
    {
        var covered = Covered(detector, text);
        var from = 0;
        foreach (var line in lines)
        {
            var at = text.IndexOf(line, from, StringComparison.Ordinal);
            for (var i = at; i < at + line.Length; i++)
            {
                if (!covered[i])
                {
                    return false;
                }
            }

            from = at + line.Length;
        }

        return true;
    }
}
