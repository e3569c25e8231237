using CsCheck;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// "A detected secret never leaves a fragment", as a CsCheck property: a generated credential (letters, digits and the
/// symbols generated passwords and tokens draw from, 8 to 500 characters, starting and ending with a letter or digit) written into
/// a syntax that carries it (assignment, quoted member, header, flag, XML element, netrc, connection string), with text
/// before and after it, is either not reported at all, or everything the audit redactor replaces covers all of it:
/// no part of a secret the detector found reaches the audit file. Longer values are not covered: over about 600
/// characters a value that is not recognised as a whole can hold a provider prefix or a key-like run that is
/// (docs/history/detection-log.md, sixth pass). Iterations come from
/// <c>AGENTGUARD_FUZZ_ITERATIONS</c> (default 20,000).
/// </summary>
public sealed class SecretNoFragmentPropertyTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 20_000;

    /// <summary>Syntaxes whose value ends at white space, a quote or the end: {0} is the secret.</summary>
    private static readonly string[] Syntaxes =
    [
        "API_KEY={0}", "export SECRET_TOKEN={0}", "client_secret: {0}", "\"api_key\": \"{0}\"", "token = '{0}'", "password={0}",
        "DB_PASSWORD=\"{0}\"", "Authorization: Bearer {0}", "X-Api-Key: {0}", "--password {0}", "--token={0}", "<password>{0}</password>",
        "machine example.net login deploy password {0}", "Server=db;User Id=app;Password={0}", "secret_key => \"{0}\"", "var apiKey string = \"{0}\"",
    ];

    /// <summary>Generated credentials that do not spell a secret's name themselves (<see cref="GeneratedSecrets"/>; the case where such a value was taken for a reference is fixed and pinned).</summary>
    private static readonly Gen<string> Secret = GeneratedSecrets.Of(6, 498);


    private static readonly Gen<string> Before = Gen.OneOf(Gen.Const(string.Empty), Gen.Const("# settings\n"), Gen.Const("  "), Gen.Const("config:\n  "), Gen.Const("{\"x\": 1}\n"));

    private static readonly Gen<string> After = Gen.OneOf(Gen.Const(string.Empty), Gen.Const("\n"), Gen.Const("\r\nnext=1"), Gen.Const(" # rotated"), Gen.Const("\nuser: app"));

    [Fact]
    public void DetectedSecret_InAnySyntax_IsRedactedWhole()
    {
        var detector = new SecretDetector();
        Gen.Select(Secret, Gen.Int[0, Syntaxes.Length - 1], Before, After).Sample((secret, syntax, before, after) =>
        {
            var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, Syntaxes[syntax], secret);
            return RedactionCoverage.UnreportedOrRedactedWhole(detector, before + line + after, secret);
        }, iter: Iterations);
    }

    /// <summary>
    /// A case the property found (seed apOXmI662UI3): a generated value that spells a secret's name followed by '='
    /// (<c>…LGksTokeNmVF3h6hM4C=%n79…</c>). The whole value was taken for a reference to a secret and skipped, and the
    /// inner "assignment" alone was reported: the first 69 characters of the password reached the audit file.
    /// </summary>
    [Fact]
    public void GeneratedValueSpellingAnAssignedSecretName_IsRedactedWhole()
    {
        const string secret = "bWm_m!JfGM0/:Q:oav^t?kz7+AihJzA2FmkBp1p.Srlk=5$_%LGksTokeNmVF3h6hM4C=%n79#x1m=!tS/J#=7@qh6nQpkE7Xl#9Vn9#gPMZHvb-1*C*_5AOWU*r%tVk9v9O^-sxZqG__hIQmTlvnWE._+vll";
        ReportedWholeIn("config:\n  DB_PASSWORD=\"" + secret + "\" # rotated", "DB_PASSWORD=\"" + secret + "\"", secret, "the whole value is the password");
    }

    /// <summary>
    /// A case the property found in CI (seed fYTj90bhE7d4): a 381-character bearer token holding '/' and "Pw:" inside
    /// (<c>…Pr~y_Pw:mrNQt@@Am…</c>). The whole token was taken for a path naming a secret and skipped, while the inner
    /// "Pw:" was read as an assignment and reported alone: 341 characters of the token reached the audit file. A name
    /// followed by ':' inside the value is an assignment as much as one followed by '='.
    /// </summary>
    [Fact]
    public void GeneratedTokenSpellingASecretNameWithAColon_IsRedactedWhole()
    {
        const string secret = "Bklc+468VJOhaU11G8v/XMSM*yDNrnWLHiTmWAfOx0eV@PEaAUMGJ4o-d2?Lk+rcLAn9UARTD+JN_eu-bh%LEv%FHrP:py3ds@Ug58nO2zs#Jt34X0A~w6LE0Pwps*dfhZ:S:uvn%m78UNJg6YI?-TmRZE^Dw^5CLN_xXy*rKo=@vuimbjA0uF%gSIf6h_/IBJBKAKio8nm@h#3mvuV#Xuq.6Yjt.2gxCd2Q?gMBJ_*pQ3e~k*NxM7S9t~93fT5BQ.zEil_/%XQvn9n90V-KDuN5%QlCkD2=RJFC#PI7ObzbPple?A4ICya@I-n3KIt4cF*GV^/FGwNEqPr~y_Pw:mrNQt@@Am+%Y8JD-W5?!Dtk@U-%ppPdF7nvbUi.k";
        ReportedWholeIn("Authorization: Bearer " + secret + " # rotated", "Authorization: Bearer " + secret, secret, "the whole value is the token");
    }

    /// <summary>
    /// A case the property found (seed cCqxPpXCDh91, 200,000 iterations): a key of letters and one '=' in a header
    /// (<c>X-Api-Key: ppV=VNGVkrGt…</c>). The whole value is not a token by the key reader (no digit, a symbol), and the
    /// assigned-token reader took <c>ppV</c> for a name standing after white space and reported only what followed its
    /// '=': <c>ppV=</c> reached the audit file. A "name" that is the value of a secret-named key is the start of that value.
    /// </summary>
    [Theory]
    [InlineData("X-Api-Key: {0}\nuser: app", "ppV=VNGVkrGtLYvyIkNzGXnihqcE")]
    [InlineData("  api_token: {0}", "ppV=VNGVkrGtLYvyIkNzGXnihqcE")]
    [InlineData("Secret: {0} # rotated", "xK=Hq7Lm2Xv9Rt4Kw8Zs3NbPq")]
    public void KeyWhoseStartReadsAsAnAssignment_IsRedactedWhole(string syntax, string secret)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, syntax, secret);
        RedactionCoverage.UnreportedOrRedactedWhole(new SecretDetector(), text, secret).Should().BeTrue(text);
    }

    /// <summary>A pinned case: <paramref name="secret"/> leaves no fragment in <paramref name="carrier"/>, and <paramref name="bare"/> reports it as one finding of its whole length.</summary>
    private static void ReportedWholeIn(string carrier, string bare, string secret, string because)
    {
        var detector = new SecretDetector();
        RedactionCoverage.UnreportedOrRedactedWhole(detector, carrier, secret).Should().BeTrue();
        var findings = new List<SecretFinding>();
        detector.Find(bare, findings);
        findings.Should().ContainSingle().Which.Length.Should().Be(secret.Length, because);
    }
}
