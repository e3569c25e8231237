using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace AgentGuard.Data;

/// <summary>
/// A reader that remembers the values its caller reads, as <c>name=value</c> text (up to a limit; sensitive columns as
/// <c>***</c>), and passes it through the result hook once, when it is closed. It reads nothing the caller does not, so
/// sequential access stays sequential.
/// </summary>
internal sealed class ObservedDataReader(DbDataReader inner, DatabaseGuard guard, DatabaseCall call, int maxChars) : DbDataReader
{
    private readonly StringBuilder _text = new();
    private string?[]? _names;
    private bool _rowStarted;
    private bool _inspected;

    public override int Depth => inner.Depth;

    public override int FieldCount => inner.FieldCount;

    public override bool HasRows => inner.HasRows;

    public override bool IsClosed => inner.IsClosed;

    public override int RecordsAffected => inner.RecordsAffected;

    public override int VisibleFieldCount => inner.VisibleFieldCount;

    public override object this[int ordinal] => Seen(ordinal, inner[ordinal]);

    public override object this[string name] => Seen(inner.GetOrdinal(name), inner[name]);

    public override bool Read()
    {
        NextRow();
        return inner.Read();
    }

    public override async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        NextRow();
        return await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool NextResult()
    {
        NextResultSet();
        return inner.NextResult();
    }

    public override Task<bool> NextResultAsync(CancellationToken cancellationToken)
    {
        NextResultSet();
        return inner.NextResultAsync(cancellationToken);
    }

    public override void Close()
    {
        inner.Close();
        Inspect().AsTask().GetAwaiter().GetResult();
    }

    public override async Task CloseAsync()
    {
        await inner.CloseAsync().ConfigureAwait(false);
        await Inspect().ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await Inspect().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    public override bool GetBoolean(int ordinal) => Seen(ordinal, inner.GetBoolean(ordinal));

    public override byte GetByte(int ordinal) => Seen(ordinal, inner.GetByte(ordinal));

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);

    public override char GetChar(int ordinal) => Seen(ordinal, inner.GetChar(ordinal));

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);

    public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);

    public override DateTime GetDateTime(int ordinal) => Seen(ordinal, inner.GetDateTime(ordinal));

    public override decimal GetDecimal(int ordinal) => Seen(ordinal, inner.GetDecimal(ordinal));

    public override double GetDouble(int ordinal) => Seen(ordinal, inner.GetDouble(ordinal));

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);

    public override T GetFieldValue<T>(int ordinal) => Seen(ordinal, inner.GetFieldValue<T>(ordinal));

    public override async Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) => Seen(ordinal, await inner.GetFieldValueAsync<T>(ordinal, cancellationToken).ConfigureAwait(false));

    public override float GetFloat(int ordinal) => Seen(ordinal, inner.GetFloat(ordinal));

    public override Guid GetGuid(int ordinal) => Seen(ordinal, inner.GetGuid(ordinal));

    public override short GetInt16(int ordinal) => Seen(ordinal, inner.GetInt16(ordinal));

    public override int GetInt32(int ordinal) => Seen(ordinal, inner.GetInt32(ordinal));

    public override long GetInt64(int ordinal) => Seen(ordinal, inner.GetInt64(ordinal));

    public override string GetName(int ordinal) => inner.GetName(ordinal);

    public override int GetOrdinal(string name) => inner.GetOrdinal(name);

    public override Type GetProviderSpecificFieldType(int ordinal) => inner.GetProviderSpecificFieldType(ordinal);

    public override object GetProviderSpecificValue(int ordinal) => Seen(ordinal, inner.GetProviderSpecificValue(ordinal));

    public override int GetProviderSpecificValues(object[] values)
    {
        var count = inner.GetProviderSpecificValues(values);
        for (var i = 0; i < count; i++)
        {
            Seen(i, values[i]);
        }

        return count;
    }

    public override System.Data.DataTable? GetSchemaTable() => inner.GetSchemaTable();

    public override Stream GetStream(int ordinal) => inner.GetStream(ordinal);

    public override string GetString(int ordinal) => Seen(ordinal, inner.GetString(ordinal));

    public override TextReader GetTextReader(int ordinal) => inner.GetTextReader(ordinal);

    public override object GetValue(int ordinal) => Seen(ordinal, inner.GetValue(ordinal));

    public override int GetValues(object[] values)
    {
        var count = inner.GetValues(values);
        for (var i = 0; i < count; i++)
        {
            Seen(i, values[i]);
        }

        return count;
    }

    public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);

    public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => inner.IsDBNullAsync(ordinal, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            Inspect().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    /// <summary>Records a value the caller read as <c>name=value</c> (a sensitive column as <c>***</c>) while under the limit.</summary>
    private T Seen<T>(int ordinal, T value)
    {
        if (_text.Length >= maxChars || ordinal < 0)
        {
            return value;
        }

        _names ??= new string?[inner.FieldCount];
        if (ordinal >= _names.Length)
        {
            return value;
        }

        var name = _names[ordinal] ??= inner.GetName(ordinal);
        _text.Append(_rowStarted ? ", " : string.Empty).Append(name).Append('=');
        _rowStarted = true;
        var sensitive = call.Statement.SensitiveColumns;
        if (sensitive.Count > 0 && sensitive.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            _text.Append("***");
            return value;
        }

        _text.Append(value switch
        {
            null or DBNull => "null",
            byte[] bytes => $"({bytes.Length} bytes)",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        });
        return value;
    }

    private void NextRow()
    {
        if (_rowStarted)
        {
            _text.Append('\n');
            _rowStarted = false;
        }
    }

    private void NextResultSet()
    {
        NextRow();
        _names = null;
    }

    private ValueTask Inspect()
    {
        if (_inspected)
        {
            return ValueTask.CompletedTask;
        }

        _inspected = true;
        var text = _text.Length > maxChars ? _text.ToString(0, maxChars) : _text.ToString();
        return text.Length == 0 ? ValueTask.CompletedTask : guard.InspectAsync(call, text);
    }
}
