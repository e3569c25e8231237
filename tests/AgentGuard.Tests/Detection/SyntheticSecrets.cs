using System.Text;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// Fills <c>{{format}}</c> placeholders in dataset texts with synthetic, random, FAKE credentials of that format,
/// from a seeded <see cref="Random"/>, so no real-looking secret is ever committed.
/// </summary>
internal sealed class SyntheticSecrets(int seed)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private const string Base64 = Alnum + "+/";
    private const string Base64Url = Alnum + "-_";
    private const string Hex = "0123456789abcdef";

    private readonly Random _random = new(seed);

    /// <summary>Replaces every placeholder; returns the text and the span of each generated value.</summary>
    public (string Text, List<(int Start, int Length)> Values) Fill(string template)
    {
        var builder = new StringBuilder();
        var values = new List<(int, int)>();
        var position = 0;
        while (true)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (open < 0 || close < 0 || template.AsSpan(open + 2, close - open - 2).ContainsAny(" $."))
            {
                // "${{ secrets.X }}" and "${API}" are part of the text, not placeholders.
                if (open >= 0 && close >= 0)
                {
                    builder.Append(template, position, close + 2 - position);
                    position = close + 2;
                    continue;
                }

                builder.Append(template, position, template.Length - position);
                return (builder.ToString(), values);
            }

            builder.Append(template, position, open - position);
            var value = Generate(template[(open + 2)..close]);
            values.Add((builder.Length, value.Length));
            builder.Append(value);
            position = close + 2;
        }
    }

    public string Generate(string format) => format switch
    {
        "aws-access-key" => "AKIA" + Take(Upper + "234567", 16),
        "aws-sts-key" => "ASIA" + Take(Upper + "234567", 16),
        "aws-secret-key" => Take(Base64, 40),
        "gcp-api-key" => "AIza" + Take(Base64Url, 35),
        "azure-storage-key" => Take(Base64, 86) + "==",
        "azure-sas" => Take(Base64, 43) + "%3D",
        "azure-shared-key" => Take(Base64, 43) + "=",
        "ghp" or "gho" or "ghs" or "ghu" or "ghr" => format + "_" + Take(Alnum, 36),
        "github-pat" => "github_pat_" + Take(Alnum, 22) + "_" + Take(Alnum, 59),
        "glpat" => "glpat-" + Take(Base64Url, 20),
        "xoxb" => "xoxb-" + Take(Digits, 12) + "-" + Take(Digits, 13) + "-" + Take(Alnum, 24),
        "xoxp" => "xoxp-" + Take(Digits, 11) + "-" + Take(Digits, 11) + "-" + Take(Digits, 12) + "-" + Take(Hex, 32),
        "xoxa" => "xoxa-" + Take(Digits, 12) + "-" + Take(Digits, 12) + "-" + Take(Alnum, 24),
        "slack-webhook" => "hooks.slack.com/services/T" + Take(Upper + Digits, 8) + "/B" + Take(Upper + Digits, 10) + "/" + Take(Alnum, 24),
        "sk_live" or "sk_test" or "rk_live" => format + "_" + Take(Alnum, _random.Next(24, 100)),
        "openai-proj" => "sk-proj-" + Take(Base64Url, 156),
        "openai-legacy" => "sk-" + Take(Alnum, 20) + "T3BlbkFJ" + Take(Alnum, 20),
        "openai-svc" => "sk-svcacct-" + Take(Base64Url, 100),
        "anthropic" => "sk-ant-api03-" + Take(Base64Url, 93) + "AA",
        "anthropic-admin" => "sk-ant-admin01-" + Take(Base64Url, 93) + "AA",
        "gocspx" => "GOCSPX-" + Take(Base64Url, 28),
        "ya29" => "ya29." + Take(Base64Url, 120),
        "npm" => "npm_" + Take(Alnum, 36),
        "sendgrid" => "SG." + Take(Base64Url, 22) + "." + Take(Base64Url, 43),
        "twilio" => "SK" + Take(Hex, 32),
        "pem-rsa" => Pem("RSA PRIVATE KEY", "\n", 12, end: true),
        "pem-openssh" => Pem("OPENSSH PRIVATE KEY", "\n", 6, end: true),
        "pem-ec" => Pem("EC PRIVATE KEY", "\n", 3, end: true),
        "pem-pkcs8-escaped" => Pem("PRIVATE KEY", "\\n", 12, end: true),
        "pem-rsa-truncated" => Pem("RSA PRIVATE KEY", "\n", 3, end: false),
        "pem-pgp" => Pem("PGP PRIVATE KEY BLOCK", "\n", 8, end: true),
        "jwt" => "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + Base64UrlOf("{\"sub\":\"" + Take(Digits, 10) + "\",\"name\":\"Test User\",\"iat\":" + Take(Digits, 10) + "}") + "." + Take(Base64Url, 43),
        "password" => Password(),
        "urlpass" => Take(Alnum, 10) + Take("-_.~!", 1) + Take(Alnum, 5),
        "opaque40" => Take(Alnum, 20) + Take("-_", 1) + Take(Alnum, 19),
        "opaque32" => Take(Alnum, 32),
        "alnum32" => Take(Alnum, 32),
        "alnum40" => Take(Alnum, 40),
        "alnum50" => Take(Alnum, 50),
        "hex6" => Take(Hex, 6),
        "hex8" => Take(Hex, 8),
        "hex16" => Take(Hex, 16),
        "hex32" or "md5" => Take(Hex, 32),
        "hex40" or "git-sha" => Take(Hex, 40),
        "sha256" => Take(Hex, 64),
        "hex-colon" => string.Join(':', Enumerable.Range(0, 16).Select(_ => Take(Hex, 2))),
        "b64-22" => Take(Base64, 22),
        "b64-43" => Take(Base64, 43),
        "b64-44" => Take(Base64, 43) + "=",
        "b64-64" => Take(Base64, 64),
        "b64-88" => Take(Base64, 86) + "==",
        "b64-300" => Take(Base64, 300),
        "b64-lines" => string.Join('\n', Enumerable.Range(0, 6).Select(_ => Take(Base64, 76))),
        "png-base64" => "iVBORw0KGgoAAAANSUhEUgAA" + Take(Base64, 2000) + "=",
        "uuid" => new Guid(Bytes(16)).ToString(),
        "digits10" => Take(Digits, 10),
        "digits12" => Take(Digits, 12),
        "upper16" => Take(Upper + Digits, 16),
        _ => throw new ArgumentException($"unknown synthetic format '{format}'", nameof(format)),
    };

    private string Password()
    {
        // Letters, digits and one symbol inside; never ; " ' , @ / : or a trailing dot (they end values in context).
        return Take(Upper, 1) + Take(Lower, 5) + Take("!#%^*-_+=", 1) + Take(Digits, 3) + Take(Alnum, 4);
    }

    private string Pem(string label, string newline, int lines, bool end)
    {
        var builder = new StringBuilder("-----BEGIN ").Append(label).Append("-----").Append(newline);
        for (var i = 0; i < lines; i++)
        {
            builder.Append(Take(Base64, 64)).Append(newline);
        }

        return end ? builder.Append("-----END ").Append(label).Append("-----").ToString() : builder.ToString().TrimEnd();
    }

    private string Take(string alphabet, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private static string Base64UrlOf(string json)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
