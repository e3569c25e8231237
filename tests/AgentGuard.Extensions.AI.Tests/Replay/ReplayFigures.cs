using System.Globalization;
using System.Text;

namespace AgentGuard.Extensions.AI.Tests.Replay;

/// <summary>Stopped / interrupted per scenario family, for one policy.</summary>
internal sealed record FamilyFigures(string Family, int Attacks, int Stopped, int Benign, int Interrupted)
{
    public double StoppedRate => Attacks == 0 ? 1 : (double)Stopped / Attacks;

    public double InterruptedRate => Benign == 0 ? 0 : (double)Interrupted / Benign;

    public static IReadOnlyList<FamilyFigures> Of(IEnumerable<ReplayOutcome> outcomes)
    {
        var list = outcomes.ToList();
        var families = list.GroupBy(o => o.Scenario.Family, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => From(g.Key, g))
            .ToList();
        families.Add(From("all", list));
        return families;
    }

    public static string Table(string title, IReadOnlyList<FamilyFigures> zero, IReadOnlyList<FamilyFigures> written)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}");
        text.AppendLine("| family | attacks | zero-config stopped | written stopped | benign | zero-config interrupted | written interrupted |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var z in zero)
        {
            var w = written.Single(f => f.Family == z.Family);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {z.Family} | {z.Attacks} | {z.Stopped} ({z.StoppedRate:P0}) | {w.Stopped} ({w.StoppedRate:P0}) | {z.Benign} | {z.Interrupted} ({z.InterruptedRate:P0}) | {w.Interrupted} ({w.InterruptedRate:P0}) |");
        }

        return text.ToString();
    }

    private static FamilyFigures From(string family, IEnumerable<ReplayOutcome> outcomes)
    {
        var list = outcomes.ToList();
        var attacks = list.Where(o => o.Scenario.IsAttack).ToList();
        var benign = list.Where(o => !o.Scenario.IsAttack).ToList();
        return new FamilyFigures(family, attacks.Count, attacks.Count(o => o.Stopped), benign.Count, benign.Count(o => o.Interrupted));
    }
}
