using System.Text;

namespace AgentGuard.Redis.Tests;

/// <summary>The stored form of a recorded call: exact UTF-8, and names that cannot forge fields or the stamp.</summary>
public sealed class HistoryEntryTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NamesInAnyScript_RoundTripExactly()
    {
        var bytes = HistoryEntry.Encode("envoyer_résumé_📧", ToolKind.HttpRequest, "srv-日本", ["pii", "données"], DecisionEffect.RequireApproval, Time, "call-1", 0xfeedface12345678, 100);

        var entry = HistoryEntry.Decode(Encoding.UTF8.GetString(bytes))!.Value;

        entry.ToolName.Should().Be("envoyer_résumé_📧");
        entry.Source.Should().Be("srv-日本");
        entry.CallId.Should().Be("call-1");
        entry.Tags.Should().Equal("pii", "données");
        entry.ResultLabels.Should().BeEmpty();
        entry.Effect.Should().Be(DecisionEffect.RequireApproval);
        entry.Kind.Should().Be(ToolKind.HttpRequest);
        entry.TimeMs.Should().Be(Time.ToUnixTimeMilliseconds());
        HistoryEntry.TryStamp(bytes, out var id, out var keeps).Should().BeTrue();
        id.Should().Be(0xfeedface12345678);
        keeps.Should().Be(100);
    }

    [Fact]
    public void SeparatorsInANameOrTag_CannotAddFieldsOrForgeTheStamp()
    {
        // An attacker-chosen tool name that tries to end its field, write labels and a stamp of its own.
        const string forged = "read\u001f\u001f\u001fsecret\u001e\u001f\u001f0000000000000001/1";
        var bytes = HistoryEntry.Encode(forged, ToolKind.Function, forged, [forged, "ok"], DecisionEffect.Allow, Time, forged, 42, 7);

        var entry = HistoryEntry.Decode(Encoding.UTF8.GetString(bytes))!.Value;

        var cleaned = forged.Replace('\u001f', '?').Replace('\u001e', '?');
        entry.ToolName.Should().Be(cleaned);
        entry.Source.Should().Be(cleaned);
        entry.CallId.Should().Be(cleaned);
        entry.Tags.Should().Equal(cleaned, "ok");
        entry.ResultLabels.Should().BeEmpty();
        HistoryEntry.TryStamp(bytes, out var id, out var keeps).Should().BeTrue();
        (id, keeps).Should().Be((42UL, 7));
    }

    [Fact]
    public void LoneSurrogate_IsEncodedAsTheReplacementCharacter_WithoutOverrunningTheEntry()
    {
        var bytes = HistoryEntry.Encode("a\ud800b", ToolKind.Function, null, [], DecisionEffect.Deny, Time, null, 1, 1);

        var entry = HistoryEntry.Decode(Encoding.UTF8.GetString(bytes))!.Value;

        entry.ToolName.Should().Be("a\ufffdb");
        entry.Source.Should().BeNull();
        entry.CallId.Should().BeNull();
        entry.Tags.Should().BeEmpty();
        HistoryEntry.TryStamp(bytes, out _, out var keeps).Should().BeTrue();
        keeps.Should().Be(1);
    }

    [Fact]
    public void ExtremeNumbers_AreWrittenInFull()
    {
        var bytes = HistoryEntry.Encode("t", ToolKind.Function, null, [], DecisionEffect.Allow, DateTimeOffset.MaxValue, null, ulong.MaxValue, int.MaxValue);

        var entry = HistoryEntry.Decode(Encoding.UTF8.GetString(bytes))!.Value;

        entry.TimeMs.Should().Be(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds());
        HistoryEntry.TryStamp(bytes, out var id, out var keeps).Should().BeTrue();
        (id, keeps).Should().Be((ulong.MaxValue, int.MaxValue));
    }

    [Fact]
    public void LongestNumbers_EachKeepTheirOwnDigits()
    {
        // Eleven characters each (sign and ten digits): numbers written side by side must not overwrite each other.
        var bytes = HistoryEntry.Encode("t", (ToolKind)int.MinValue, null, [], (DecisionEffect)int.MinValue, DateTimeOffset.MinValue, null, 0, int.MaxValue);

        var entry = HistoryEntry.Decode(Encoding.UTF8.GetString(bytes))!.Value;

        entry.Effect.Should().Be((DecisionEffect)int.MinValue);
        entry.Kind.Should().Be((ToolKind)int.MinValue);
        entry.TimeMs.Should().Be(DateTimeOffset.MinValue.ToUnixTimeMilliseconds());
        HistoryEntry.TryStamp(bytes, out _, out var keeps).Should().BeTrue();
        keeps.Should().Be(int.MaxValue);
    }

    [Theory]
    [InlineData("1764403200000", "2", "0")]
    [InlineData("-62135596800000", "0", "1")]
    [InlineData(" 1764403200000", "2", "0")]
    [InlineData("+1764403200000", "+2", "0")]
    [InlineData("1764403200000", "99999999999", "0")]
    [InlineData("1764403200000", "2147483648", "0")]
    [InlineData("1764403200000", "-2147483648", "0")]
    [InlineData("99999999999999999999", "2", "0")]
    [InlineData("-", "2", "0")]
    [InlineData("", "2", "0")]
    [InlineData("1e3", "2", "0")]
    [InlineData("1764403200000", "2", "")]
    [InlineData("1764403200000", "2", "1 ")]
    public void HeaderRead_AcceptsAndReadsExactlyTheEntriesDecodeDoes(string time, string effect, string kind)
    {
        // A sequence rule reads headers in place of Decode; an entry another writer left (or a corrupted one) must count
        // or be skipped the same way by both, whatever its numbers look like.
        var entry = string.Join('\u001f', time, effect, kind, "tool", "", "", "a\u001eb", "", "0123456789abcdef/5");
        var decoded = HistoryEntry.Decode(entry);

        var read = HistoryEntry.TryReadHeader(Encoding.UTF8.GetBytes(entry), new NamePool(), out var header);

        read.Should().Be(decoded is not null);
        if (decoded is { } whole)
        {
            header.TimeMs.Should().Be(whole.TimeMs);
            header.Effect.Should().Be(whole.Effect);
            header.ToolName.Should().Be(whole.ToolName);
            header.Tags.Should().Equal(whole.Tags);
        }
    }

    [Fact]
    public void HeaderRead_OfAnEntryWithTooFewFields_IsRejectedAsDecodeRejectsIt()
    {
        var entry = string.Join('\u001f', "1764403200000", "2", "0", "tool", "", "", "a");
        HistoryEntry.Decode(entry).Should().BeNull();
        HistoryEntry.TryReadHeader(Encoding.UTF8.GetBytes(entry), new NamePool(), out _).Should().BeFalse();
    }
}
