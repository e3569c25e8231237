using System.Buffers;
using System.Collections;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AgentGuard.Infrastructure;

namespace AgentGuard.Data;

/// <summary>
/// Turns a command about to run into the engine's <see cref="ToolCallEvent"/>: the statement's analysis (kinds,
/// tables, columns, flags), the data tags of the tables and columns it touches, and its parameters (sensitive ones
/// as <c>***</c>). Never throws: what cannot be described makes the event <c>opaque</c>.
/// </summary>
internal sealed class SqlEventFactory(Func<DataTableMap> tables, Func<ToolArgumentLimits> limits)
{
    /// <summary>The statement text in the arguments is cut here (the analysis reads all of it).</summary>
    public const int MaxStatementChars = 4096;

    /// <summary>A parameter's text value in the arguments is cut here.</summary>
    private const int MaxValueChars = 16 * 1024;

    /// <summary>Analyses are immutable and statements repeat: the same text is analysed once.</summary>
    private const int MaxCached = 1024;

    private readonly ClearingCache<(SqlDialect, string), Cached> _cache = new(MaxCached);
    private readonly string _idPrefix = "sql-" + Guid.NewGuid().ToString("N")[..8] + "-";
    private long _nextId;

    public SqlStatement Create(DbCommand command, DatabaseSource source)
    {
        var map = tables();
        var options = map.Options;
        string text;
        CommandType type;
        try
        {
            text = command.CommandText ?? string.Empty;
            type = command.CommandType;
        }
#pragma warning disable CA1031 // A command that cannot even say what it runs is opaque, not a crash in the agent.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Opaque(source, "the command's text could not be read: " + ex.GetType().Name);
        }

        var cached = Analyze(text, type, source.Dialect, map);
        var tags = new List<string>(cached.Analysis.Tags.Count + cached.DataTags.Count + 1);
        tags.AddRange(cached.Analysis.Tags);
        foreach (var tag in cached.DataTags)
        {
            if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }

        string? parameterProblem = null;
        ToolArguments arguments;
        var argumentLimits = limits();
        try
        {
            var parameters = command.Parameters;
            arguments = parameters.Count == 0
                ? cached.ArgumentsWithoutParameters(argumentLimits)
                : cached.ArgumentsWithParameters(WriteWithParameters(cached, parameters, options.MaxParameters, out parameterProblem).WrittenSpan, argumentLimits);
        }
#pragma warning disable CA1031 // A parameter whose value cannot be rendered makes the statement opaque.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            parameterProblem = "a parameter could not be read: " + ex.GetType().Name;
            arguments = cached.ArgumentsWithoutParameters(argumentLimits);
        }

        if (parameterProblem is not null && !tags.Contains(DataTags.Opaque))
        {
            tags.Add(DataTags.Opaque);
        }

        var toolCall = new ToolCallEvent(source.Name, ToolKind.DatabaseQuery)
        {
            Source = source.Name,
            Arguments = arguments,
            Tags = tags,
            Risk = RiskOf(tags),
            CallId = _idPrefix + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture),
            ParentCallId = AgentGuardScope.CurrentCallId,
            Attributes = cached.Attributes,
        };
        return new SqlStatement(toolCall, cached.Analysis, cached.SensitiveColumns, parameterProblem) { ReadTags = cached.ReadTags };
    }

    private SqlStatement Opaque(DatabaseSource source, string reason)
    {
        var builder = new SqlAnalysisBuilder(source.Dialect);
        builder.Opaque(reason);
        var analysis = builder.Build();
        var toolCall = new ToolCallEvent(source.Name, ToolKind.DatabaseQuery)
        {
            Source = source.Name,
            Arguments = ToolArguments.FromPairs([new("opaqueReason", reason)]),
            Tags = [DataTags.Opaque],
            Risk = RiskLevel.High,
            CallId = _idPrefix + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture),
            ParentCallId = AgentGuardScope.CurrentCallId,
        };
        return new SqlStatement(toolCall, analysis, [], reason);
    }

    private Cached Analyze(string text, CommandType type, SqlDialect dialect, DataTableMap map)
    {
        var key = (dialect, type == CommandType.Text ? text : type + ":" + text);
        if (_cache.TryGetValue(key, out var cached) && ReferenceEquals(cached.Map, map))
        {
            return cached;
        }

        var analysis = type switch
        {
            CommandType.StoredProcedure => SqlAnalyzer.Analyze(dialect == SqlDialect.SqlServer ? "EXEC " + text : "CALL " + text + "()", dialect, map.Options.MaxStatementLength, map.Options.MaxStatements),
            CommandType.TableDirect => SqlAnalyzer.Analyze("SELECT * FROM " + text, dialect, map.Options.MaxStatementLength, map.Options.MaxStatements),
            _ => SqlAnalyzer.Analyze(text, dialect, map.Options.MaxStatementLength, map.Options.MaxStatements),
        };
        var (dataTags, sensitive, readTags) = map.Match(analysis);
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["db.system.name"] = dialect switch { SqlDialect.PostgreSql => "postgresql", SqlDialect.Sqlite => "sqlite", SqlDialect.MySql => "mysql", _ => "microsoft.sql_server" },
            ["db.operation.name"] = string.Join(',', analysis.Kinds.Select(k => k.ToString().ToLowerInvariant())),
            ["db.statement_count"] = analysis.StatementCount.ToString(CultureInfo.InvariantCulture),
        };
        cached = new Cached(map, analysis, dataTags, sensitive, readTags, attributes, Prefix(text, dialect, analysis, dataTags));
        _cache.Set(key, cached);
        return cached;
    }

    /// <summary>The arguments up to the parameters, as UTF-8 JSON: an object left open, the same for every run of the statement.</summary>
    private static byte[] Prefix(string text, SqlDialect dialect, SqlAnalysis analysis, List<string> dataTags)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + (Math.Min(text.Length, MaxStatementChars) * 2));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("statement", text.Length > MaxStatementChars ? text[..MaxStatementChars] : text);
            writer.WriteString("dialect", dialect switch { SqlDialect.PostgreSql => "postgresql", SqlDialect.Sqlite => "sqlite", SqlDialect.MySql => "mysql", _ => "sqlserver" });
            writer.WriteNumber("statements", analysis.StatementCount);
            writer.WriteStartArray("kinds");
            foreach (var kind in analysis.Kinds)
            {
                writer.WriteStringValue(kind.ToString().ToLowerInvariant());
            }

            writer.WriteEndArray();
            WriteList(writer, "tables", [.. analysis.Tables]);
            WriteList(writer, "tablesRead", analysis.TablesRead);
            WriteList(writer, "tablesWritten", analysis.TablesWritten);
            WriteList(writer, "columnsRead", analysis.ColumnsRead);
            WriteList(writer, "columnsWritten", analysis.ColumnsWritten);
            WriteList(writer, "flags", analysis.Tags);
            WriteList(writer, "dataTags", dataTags);
            if (analysis.OpaqueReason is not null)
            {
                writer.WriteString("opaqueReason", analysis.OpaqueReason);
            }

            writer.WriteEndObject();
        }

        // Drop the closing brace: the parameters are appended per run.
        return buffer.WrittenSpan[..^1].ToArray();
    }

    private static ArrayBufferWriter<byte> WriteWithParameters(Cached cached, DbParameterCollection parameters, int maxParameters, out string? problem)
    {
        problem = null;
        var buffer = new ArrayBufferWriter<byte>(cached.Prefix.Length + 64 + (parameters.Count * 32));
        buffer.Write(cached.Prefix);
        buffer.Write(","u8);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject("parameters");
            if (parameters.Count > maxParameters)
            {
                problem = $"{parameters.Count} parameters, more than {maxParameters}";
            }
            else
            {
                for (var i = 0; i < parameters.Count; i++)
                {
                    var parameter = parameters[i];
                    var name = Name(parameter.ParameterName, i);
                    writer.WritePropertyName(name);
                    if (cached.SensitiveColumns.Count > 0 && cached.SensitiveColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        writer.WriteStringValue("***");
                        continue;
                    }

                    WriteValue(writer, parameter.Value, depth: 0);
                    problem ??= Mismatch(name, parameter);
                }
            }

            writer.WriteEndObject();
            if (problem is not null && cached.Analysis.OpaqueReason is null)
            {
                writer.WriteString("opaqueReason", problem);
            }
        }

        buffer.Write("}"u8);
        return buffer;
    }

    private static string Name(string? parameterName, int index)
    {
        var name = parameterName?.TrimStart('@', ':', '$', '?') ?? string.Empty;
        return name.Length == 0 ? "$" + (index + 1).ToString(CultureInfo.InvariantCulture) : name;
    }

    /// <summary>A parameter whose declared type its value cannot be: the server would convert or reject it, so it is not what it claims.</summary>
    private static string? Mismatch(string name, DbParameter parameter)
    {
        if (parameter.Value is not string text)
        {
            return null;
        }

        var ok = parameter.DbType switch
        {
            DbType.Int16 or DbType.Int32 or DbType.Int64 or DbType.Byte or DbType.SByte or DbType.UInt16 or DbType.UInt32 or DbType.UInt64
                => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            DbType.Decimal or DbType.Double or DbType.Single or DbType.Currency or DbType.VarNumeric
                => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            DbType.Boolean => bool.TryParse(text, out _) || text is "0" or "1",
            DbType.Guid => Guid.TryParse(text, out _),
            _ => true,
        };
        return ok ? null : $"parameter {name} is declared {parameter.DbType} but holds text that is not one";
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        switch (value)
        {
            case null or DBNull:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s.Length > MaxValueChars ? s[..MaxValueChars] : s);
                break;
            case char c:
                writer.WriteStringValue(c.ToString());
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int or long or short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                writer.WriteNumberValue(u);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case double or float when Convert.ToDouble(value, CultureInfo.InvariantCulture) is var d && double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case byte[] bytes:
                writer.WriteStringValue($"({bytes.Length} bytes)");
                break;
            case Stream or TextReader:
                writer.WriteStringValue("(stream)");
                break;
            case IEnumerable sequence when depth < 2:
                writer.WriteStartArray();
                var count = 0;
                foreach (var item in sequence)
                {
                    if (++count > 100)
                    {
                        break;
                    }

                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                var text = value.ToString() ?? string.Empty;
                writer.WriteStringValue(text.Length > MaxValueChars ? text[..MaxValueChars] : text);
                break;
        }
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static RiskLevel RiskOf(List<string> tags)
    {
        foreach (var tag in tags)
        {
            if (tag is DataTags.Opaque or DataTags.ProgramExecution or DataTags.FileAccess or DataTags.Network or DataTags.MassChange or DataTags.Privilege)
            {
                return RiskLevel.High;
            }
        }

        return tags.Contains(DataTags.Write) || tags.Contains(DataTags.Ddl) ? RiskLevel.Medium : RiskLevel.Low;
    }

    private sealed record Cached(DataTableMap Map, SqlAnalysis Analysis, List<string> DataTags, List<string> SensitiveColumns, List<string> ReadTags, Dictionary<string, string> Attributes, byte[] Prefix)
    {
        private Parsed? _withoutParameters;
        private ParsedJson? _lastWithParameters;

        /// <summary>The arguments of a run without parameters: parsed once per statement and limits.</summary>
        public ToolArguments ArgumentsWithoutParameters(ToolArgumentLimits limits)
        {
            if (_withoutParameters is { } known && known.Limits == limits)
            {
                return known.Arguments;
            }

            ReadOnlySpan<byte> tail = ",\"parameters\":{}}"u8;
            var json = new byte[Prefix.Length + tail.Length];
            Prefix.CopyTo(json, 0);
            tail.CopyTo(json.AsSpan(Prefix.Length));
            var arguments = ToolArguments.FromUtf8Json(json, limits);
            _withoutParameters = new Parsed(limits, arguments);
            return arguments;
        }

        /// <summary>
        /// The arguments of a run with parameters; the last run's are reused when the values are the same (an agent
        /// polling with one query), otherwise the JSON is parsed.
        /// </summary>
        public ToolArguments ArgumentsWithParameters(ReadOnlySpan<byte> json, ToolArgumentLimits limits)
        {
            if (_lastWithParameters is { } last && last.Limits == limits && json.SequenceEqual(last.Json))
            {
                return last.Arguments;
            }

            var arguments = ToolArguments.FromUtf8Json(json, limits);
            _lastWithParameters = new ParsedJson(json.ToArray(), limits, arguments);
            return arguments;
        }

        private sealed record Parsed(ToolArgumentLimits Limits, ToolArguments Arguments);

        private sealed record ParsedJson(byte[] Json, ToolArgumentLimits Limits, ToolArguments Arguments);
    }
}

/// <summary>A command described for the engine: its event, the analysis, and the sensitive columns of the tables it touches.</summary>
internal sealed record SqlStatement(ToolCallEvent Event, SqlAnalysis Analysis, IReadOnlyList<string> SensitiveColumns, string? ParameterProblem)
{
    /// <summary>The data tags of the tables and columns the statement reads: its session is labelled with them once it is allowed.</summary>
    public IReadOnlyList<string> ReadTags { get; init; } = [];
}
