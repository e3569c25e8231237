using Microsoft.Extensions.Options;

namespace AgentGuard.Data;

/// <summary>Checks <c>AgentGuard:Data</c> at start and on reload, listing every problem with its path.</summary>
internal sealed class AgentGuardDataOptionsValidator : IValidateOptions<AgentGuardDataOptions>
{
    private const string Section = "AgentGuard:Data";

    public ValidateOptionsResult Validate(string? name, AgentGuardDataOptions options)
    {
        var problems = new List<string>();
        foreach (var (table, config) in options.Tables)
        {
            var path = $"{Section}:Tables:{table}";
            if (!DataTableMap.IsValidTableName(table))
            {
                problems.Add($"{path}: '{table}' is not a table name (use \"schema.table\" or \"table\", without spaces or wildcards).");
            }

            if (config is null)
            {
                problems.Add($"{path} is empty (give it Tags or Columns).");
                continue;
            }

            CheckTags(config.Tags, path, problems);
            foreach (var (column, columnConfig) in config.Columns)
            {
                var columnPath = $"{path}:Columns:{column}";
                if (string.IsNullOrWhiteSpace(column) || column.Contains('.', StringComparison.Ordinal) || column.Contains('*', StringComparison.Ordinal))
                {
                    problems.Add($"{columnPath}: '{column}' is not a column name.");
                }

                if (columnConfig is null || (columnConfig.Tags.Count == 0 && !columnConfig.Sensitive))
                {
                    problems.Add($"{columnPath} has neither Tags nor Sensitive: true.");
                    continue;
                }

                CheckTags(columnConfig.Tags, columnPath, problems);
            }
        }

        if (options.MaxStatementLength < 1 || options.MaxStatements < 1 || options.MaxParameters < 0 || options.MaxResultChars < 0)
        {
            problems.Add($"{Section}: MaxStatementLength and MaxStatements must be at least 1, MaxParameters and MaxResultChars not negative.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckTags(List<string> tags, string path, List<string> problems)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(tags[i]))
            {
                problems.Add($"{path}:Tags[{i}] is empty.");
            }
        }
    }
}
