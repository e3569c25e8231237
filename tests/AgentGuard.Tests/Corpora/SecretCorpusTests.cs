using Xunit.Abstractions;

namespace AgentGuard.Tests.Corpora;

/// <summary>
/// The secret detector on scanners' own labelled sample lines it was never tuned on: the held-out part of
/// <c>secrets.jsonl</c>, per source. A positive with a known secret counts only when what the audit redactor replaces
/// covers all of it; a replacement that overlaps it without covering it is a partial redaction (a fragment would reach
/// the audit file). Target: recall ≥ 95 % at precision ≥ 98 %, no partial redaction.
/// </summary>
public sealed class SecretCorpusTests(ITestOutputHelper output)
{
    private readonly SecretDetector _detector = new();

    [Fact]
    public void HeldOut_SampleLines_HoldTheMeasuredFloor()
    {
        var heldOut = Corpus.Read("secrets.jsonl").Where(s => s.IsHeldOut).ToList();
        var outcome = heldOut.ToDictionary(s => s, Classify);

        // Every figure twice: over all lines, and over the lines that carry their usual context (assignment, header,
        // URL: SecretContext, the population of the target).
        foreach (var source in heldOut.GroupBy(s => s.Source).OrderBy(g => g.Key))
        {
            output.WriteLine($"{source.Key}: all lines {Figures(source.ToList(), outcome)}; with context {Figures([.. source.Where(SecretContext.Carries)], outcome)}");
        }

        output.WriteLine($"held-out, all lines: {Figures(heldOut, outcome)}");
        var withContext = heldOut.Where(SecretContext.Carries).ToList();
        output.WriteLine($"held-out, lines with context: {Figures(withContext, outcome)}");
        output.WriteLine($"held-out, lines with context, placeholder-labelled positives left out: {Figures([.. withContext.Where(s => !s.IsPositive || !PlaceholderLabelled(s))], outcome)}");

        // Held-out misses are not printed: reading them would turn the held-out part into tuning data.

        var positivesAll = heldOut.Where(s => s.IsPositive).ToList();
        var truePositives = positivesAll.Count(s => outcome[s] == Outcome.Found);
        var falsePositives = heldOut.Count(s => !s.IsPositive && outcome[s] != Outcome.None);
        var recall = truePositives / (double)positivesAll.Count;
        var precision = truePositives / (double)(truePositives + falsePositives);
        output.WriteLine($"held-out total: recall {recall:P1} over {positivesAll.Count}, precision {precision:P1}, false positives {falsePositives} of {heldOut.Count - positivesAll.Count} negatives");

        // The same figures with the positives whose labelled secret is a documented placeholder (AKCxxxxxxxxxx,
        // hf_xxxx…, …EXAMPLE, user:pass, sk-AAAA…) left out: AgentGuard does not report those on purpose.
        var realPositives = positivesAll.Where(s => !PlaceholderLabelled(s)).ToList();
        var realTruePositives = realPositives.Count(s => outcome[s] == Outcome.Found);
        var realRecall = realTruePositives / (double)realPositives.Count;
        var realPrecision = realTruePositives / (double)(realTruePositives + falsePositives);
        output.WriteLine($"held-out without placeholder-labelled positives ({positivesAll.Count - realPositives.Count} left out): recall {realRecall:P1} over {realPositives.Count}, precision {realPrecision:P1}");

        // A regression floor at the measured held-out figures (83.5 % recall over 684, 97.4 % precision, 1 partial: one
        // Kingfisher line), not the target (95 % recall at 98 % precision, no partial redaction), which is not met: see
        // docs/history/detection-log.md. Second pass: 83.3 % over 642 (seven sources), 97.3 %, 2 partial; the third pass closed the
        // service-account class (secretlint labels the whole JSON) and added an eighth source (sarif-pattern-matcher).
        // Sixth pass (lean to recall on structural evidence, measured once at the end): 85.5 % over 684 at 97.2 %, 1 partial.
        // Eighth pass: a ninth source (whispers' config fixtures, added before any tuning on it; its held-out part was
        // measured only at the end): 84.9 % over 743 at 96.5 %, 88.7 % without placeholder-labelled positives, 2 partial
        // (the eight earlier sources unchanged). Ninth pass (measured once, at the end): 84.9 % over 743 at 96.8 % (21 of 291
        // negatives flagged, was 23), 88.8 % without placeholder-labelled positives, 2 partial. Tenth pass: 85.1 % over 743
        // at 97.4 % (17 of 291 flagged), 89.0 % without placeholder-labelled positives, 3 partial (one more Nosey Parker
        // line, not read; see docs/history/detection-log.md). Eleventh pass: a tenth source (trivy's scanner test data) added, measured
        // untuned: 84.4 % over 754 at 97.4 %, 88.3 % without placeholder-labelled positives, 4 partial (one trivy line);
        // after the pass (measured once, at the end): 84.6 % (638 / 754) at 97.4 %, 88.6 % without placeholder-labelled
        // positives, 4 partial. Twelfth pass (measured once, at the end): unchanged, 638 / 754 at 97.4 %, 4 partial.
        // Fourteenth pass (redaction of percent-decoded findings and inner assignments; measured once, at the end): unchanged.
        // Twentieth pass (values wrapped over lines and BEGIN/END blocks redacted whole; measured once, at the end): 639 / 754
        // (84.7 %) at 97.4 %, 3 partial (one whispers line from partial to found, not read). Twenty-third pass: an eleventh
        // source (semgrep-rules' secret-rule tests, added before any tuning on it; its held-out part 21 / 23 found, 1 of 13
        // negatives flagged, untuned and after the pass alike): 660 / 777 (84.9 %) at 97.3 %, 88.6 % without
        // placeholder-labelled positives, 3 partial; the ten earlier sources' figures did not move, so the precision floor
        // moves down by the new source's flagged negative only. Twenty-fourth pass: a twelfth source (SonarSource/sonar-text's
        // rule examples, added before any tuning on it; its held-out part untuned 33 / 37 found, 6 / 41 negatives flagged:
        // sonar labels as clean several keys its own rules do not report): 693 / 814 (85.1 %) at 96.7 % untuned; after the
        // pass (measured once, at the end): 694 / 814 (85.3 %) at 96.5 % (25 of 347 flagged), 88.8 % without
        // placeholder-labelled positives, 3 partial; the eleven earlier sources did not move. Twenty-fifth pass: a thirteenth
        // source (praetorian-inc/titus's rule examples, added before any tuning on it; its held-out part untuned 120 / 156
        // found, 3 partial, 3 / 47 negatives flagged): 814 / 970 (83.9 %) at 96.7 %, 6 partial untuned; after the pass
        // (measured at the end): 821 / 970 (84.6 %) at 96.7 % (28 of 394 flagged), 87.7 % without placeholder-labelled
        // positives, 5 partial (titus 127 / 156, 2 partial; the other sources unchanged). Twenty-sixth pass (three general
        // syntaxes, no new source; measured once, at the end): unchanged, every source line for line. Twenty-seventh pass: a
        // fourteenth source (Samsung/CredSweeper's test samples labelled by its asserted report, added before any tuning on
        // it; its held-out part untuned 92 / 143 found, 1 partial, 17 / 231 negatives flagged): 913 / 1113 (82.0 %) at
        // 95.3 %, 6 partial untuned; after the pass (measured once, at the end): 924 / 1113 (83.0 %) at 95.3 % (46 of 625
        // flagged), 85.7 % without placeholder-labelled positives, 6 partial (credsweeper 103 / 143, 18 / 231 flagged; the
        // thirteen earlier sources unchanged) — the floors move down for the new source, see docs/history/detection-log.md.
        // Twenty-eighth pass: a fifteenth source (ZupIT/horusec's rule-test samples, added before any tuning on it; its
        // held-out part untuned 10 / 11 found, 0 / 8 negatives flagged, the same after the pass); after the pass (values in
        // HTML-escaped markup; measured once, at the end): 935 / 1124 (83.2 %) at 95.3 % (46 of 633 flagged), 85.8 % without
        // placeholder-labelled positives, 6 partial (credsweeper 104 / 143, one more; the thirteen other sources unchanged).
        // Twenty-ninth pass: a sixteenth source (advanced-security/secret-scanning-custom-patterns, GitHub's custom-pattern
        // tests, added before any tuning on it; its held-out part untuned 36 / 52 found, 0 partial, 1 / 4 negatives flagged,
        // the same after the pass); after the pass (Together AI keys; measured once, at the end): 971 / 1176 (82.6 %) at
        // 95.4 % (47 of 637 flagged), 85.7 % without placeholder-labelled positives, 6 partial (the fifteen earlier sources
        // unchanged) — the recall floors move down for the new source, see docs/history/detection-log.md. Thirtieth pass
        // (provider tokens after an escape, found by a provider-shape property; no new source; measured once, at the end):
        // unchanged, every source line for line. Thirty-first pass (unquoted values redacted on over separators and quotes,
        // found by a separator property; no new source; measured once, at the end): unchanged (712 / 834 with context, 5 partial).
        // Thirty-second pass: a seventeenth source (octarinesec/secret-detector's detector tests, positives only, added
        // before any tuning on it; its held-out part untuned 8 / 24 found, 2 / 8 with context): 979 / 1200 (81.6 %) at
        // 95.4 % untuned; after the pass (the bare PW shorthand, blank-padded schemes and decoded Basic credentials, indexed
        // key names, templated URL users; measured once, at the end): 996 / 1200 (83.0 %) at 95.4 % (48 of 637 flagged),
        // 86.1 % without placeholder-labelled positives, 6 partial (credsweeper 119 / 143, octarine 9 / 24).
        // Thirty-fourth pass (Key Vault references, code concatenated after a closed literal, paired object keys, '&' before
        // a digit; measured once, at the end): unchanged, every source line for line.
        // Thirty-fifth pass (Alchemy endpoints, Zapier catch hooks, Razorpay key ids, Salesforce consumer keys; measured
        // once, at the end): unchanged, every source line for line.
        // Thirty-ninth pass (short mixed passwords, service-named hex keys, short encoded Basic pairs, a published emulator
        // key, NTLM authenticate messages, short flag tokens, unclosed literals, JWK private members; measured once before
        // and once at the end): 1003 / 1200 (83.6 %) at 95.3 % (49 of 637 flagged, one more credsweeper negative, not read),
        // 86.7 % without placeholder-labelled positives, 6 partial. Forty-first pass (comma-joined tokens redacted whole,
        // PuTTY key files, keys named after a non-secret word, tokens as URL path segments, alternating masks, token shapes
        // inside base64 runs, JWTs with placeholder signatures, a published Swarm token; measured once before and once at
        // the end): 1004 / 1200 (83.7 %) at 95.3 % (49 of 637 flagged), 86.8 % without placeholder-labelled positives,
        // 6 partial (sonar-text 35 → 36 / 37, a line without context; every other source unchanged). Forty-second pass
        // (connection-string values by their own grammar, URL passwords with reserved symbols, tokens joined right after
        // another, quoted curl credentials, values redacted whole after the token that opens them, trailing password
        // symbols, the published AWS example with any ending, versioned names as quoted values; measured once before and
        // once at the end): unchanged, every source line for line. Forty-fourth pass (secrets in a JSON result: decoded and
        // per-value readings, quoted literals redacted whole; measured once before and once at the end): unchanged, every
        // source line for line (as JSON: SecretCorpusAsJsonTests). Sixty-third pass (Slack workflow trigger URLs, Twitter
        // bearer tokens, ConvertTo-SecureString's literal in any parameter order or piped; measured once before and once at
        // the end): 1007 / 1200 (83.9 %) at 95.4 % (49 of 637 flagged), 87.0 % without placeholder-labelled positives,
        // 6 partial (titus 127 → 130 / 156: three Slack trigger URLs of the rule whose fourth example is a tuning row).
        positivesAll.Should().HaveCountGreaterThan(1195);
        recall.Should().BeGreaterThanOrEqualTo(0.838);
        precision.Should().BeGreaterThanOrEqualTo(0.953);
        realRecall.Should().BeGreaterThanOrEqualTo(0.869);
        heldOut.Count(s => outcome[s] == Outcome.Partial).Should().BeLessThanOrEqualTo(6);

        // The population, lines with context (fourth pass, before and after its classes: 392 / 463 = 84.7 % at
        // 98.2 %, 7 of 113 negatives flagged; sixth pass: 406 / 463 = 87.7 % at 97.8 %, 9 of 113 flagged; eighth pass with
        // the ninth source: 452 / 518 = 87.3 % at 96.8 %, 15 of 171 flagged; ninth pass: 452 / 518 at 97.2 %, 13 of 171 flagged;
        // tenth pass: 452 / 518 at 98.0 %, 9 of 171 flagged; eleventh pass with trivy added, untuned: 455 / 526 = 86.5 % at
        // 98.1 %, and after the pass the same: 455 / 526 at 98.1 %, 9 of 171 flagged; twelfth and fourteenth passes: the same again;
        // twentieth pass: 456 / 526 = 86.7 % at 98.1 %, 9 of 171 flagged; twenty-third pass with semgrep added: 470 / 541 =
        // 86.9 % at 98.1 %, 9 of 178 flagged, the same before and after its tuning; twenty-fourth pass with sonar-text added,
        // untuned: 499 / 573 = 87.1 % at 97.1 %, 15 of 218 flagged; after the pass: 500 / 573 = 87.3 % at 96.9 %, 16 of 218
        // flagged — the precision floor moves below 98 % for the new source's negatives, see docs/history/detection-log.md; twenty-fifth
        // pass with titus added, untuned: 606 / 696 = 87.1 % at 97.0 %, 19 of 251 flagged; after the pass: 607 / 696 =
        // 87.2 % at 97.0 %, 19 of 251 flagged; twenty-seventh pass with credsweeper added, untuned and after the pass alike:
        // 668 / 782 = 85.4 % at 96.0 %, 28 of 343 flagged; twenty-eighth pass with horusec added (untuned 10 / 11, 0 / 8
        // flagged) and the escaped-markup class: 679 / 793 = 85.6 % at 96.0 %, 28 of 351 flagged, 5 partial; twenty-ninth
        // pass with github-custom-patterns added (untuned 33 / 41, 1 / 2 flagged, the same after the pass): 712 / 834 =
        // 85.4 % at 96.1 %, 29 of 353 flagged, 5 partial, the fifteen earlier sources unchanged; thirty-second pass with
        // octarine-secret-detector added, untuned: 714 / 842 = 84.8 % at 96.1 %; after the pass: 731 / 842 = 86.8 % at
        // 96.1 %, 30 of 353 flagged, 5 partial — credsweeper 77 / 86, octarine 3 / 8; thirty-ninth pass: 738 / 842 = 87.6 % at
        // 96.0 % (95.97), 31 of 353 flagged, 5 partial — credsweeper 79 / 86 with 11 of 92 flagged, github-custom-patterns
        // 35 / 41, kingfisher 196 / 213, octarine 5 / 8; the precision floor moves down by that one flagged negative;
        // forty-first, forty-second and forty-fourth passes: unchanged line for line, 738 / 842 at 96.0 %, 31 of 353 flagged,
        // 5 partial; sixty-third pass: 741 / 842 = 88.0 % at 96.0 %, 31 of 353 flagged, 5 partial — titus 110 / 123).
        var contextPositives = withContext.Where(s => s.IsPositive).ToList();
        var contextFound = contextPositives.Count(s => outcome[s] == Outcome.Found);
        var contextFlagged = withContext.Count(s => !s.IsPositive && outcome[s] != Outcome.None);
        (contextFound / (double)contextPositives.Count).Should().BeGreaterThanOrEqualTo(0.880);
        (contextFound / (double)(contextFound + contextFlagged)).Should().BeGreaterThanOrEqualTo(0.959);
    }

    /// <summary>
    /// A positive whose labelled secret (or line, when the source labels only the line) is a placeholder by the policy
    /// in docs/detection.md: a documented placeholder or template, a word that names a secret, or a mask (a run of 12
    /// or more letters and digits using at most two characters).
    /// </summary>
    private static bool PlaceholderLabelled(CorpusSample sample)
    {
        var value = sample.Secret ?? sample.Text;
        return SecretText.IsPlaceholder(value) || SecretText.IsPlaceholderWord(value) || HasMask(value);
    }

    private static bool HasMask(string value)
    {
        foreach (var run in value.Split((char[])[.. value.Where(c => !char.IsAsciiLetterOrDigit(c)).Distinct()], StringSplitOptions.RemoveEmptyEntries))
        {
            if (run.Length >= 12 && run.Distinct().Count() <= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static string Figures(List<CorpusSample> samples, Dictionary<CorpusSample, Outcome> outcome)
    {
        var positives = samples.Where(s => s.IsPositive).ToList();
        var found = positives.Count(s => outcome[s] == Outcome.Found);
        var flagged = samples.Count(s => !s.IsPositive && outcome[s] != Outcome.None);
        var recall = positives.Count == 0 ? "-" : (found / (double)positives.Count).ToString("P1", System.Globalization.CultureInfo.InvariantCulture);
        var precision = found + flagged == 0 ? "-" : (found / (double)(found + flagged)).ToString("P1", System.Globalization.CultureInfo.InvariantCulture);
        return $"positives {found}/{positives.Count} found ({recall}, {positives.Count(s => outcome[s] == Outcome.Partial)} partial), negatives {flagged}/{samples.Count - positives.Count} flagged (precision {precision})";
    }

    private Outcome Classify(CorpusSample sample)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(sample.Text, findings);
        if (findings.Count == 0)
        {
            return Outcome.None;
        }

        if (sample.Secret is null)
        {
            return Outcome.Found;
        }

        var start = sample.Text.IndexOf(sample.Secret, StringComparison.Ordinal);
        var end = start + sample.Secret.Length;
        var covered = new bool[sample.Secret.Length];
        var overlaps = false;
        foreach (var finding in ArgumentRedactor.RedactionSpans(sample.Text, findings))
        {
            for (var i = Math.Max(start, finding.Start); i < Math.Min(end, finding.Start + finding.Length); i++)
            {
                covered[i - start] = true;
                overlaps = true;
            }
        }

        return covered.All(c => c) ? Outcome.Found : overlaps ? Outcome.Partial : Outcome.Elsewhere;
    }

    private enum Outcome
    {
        None,
        Found,
        Partial,
        Elsewhere,
    }
}
