using System.Collections.Frozen;

namespace AgentGuard.Data;

/// <summary>Server functions whose call is itself a risk, by what they reach (matched on the function's last name part, any case).</summary>
internal static class SqlFunctions
{
    private static readonly FrozenDictionary<string, string> Flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // PostgreSQL: server files (also adminpack) and large-object import/export.
        ["pg_read_file"] = DataTags.FileAccess,
        ["pg_read_binary_file"] = DataTags.FileAccess,
        ["pg_ls_dir"] = DataTags.FileAccess,
        ["pg_stat_file"] = DataTags.FileAccess,
        ["pg_ls_logdir"] = DataTags.FileAccess,
        ["pg_ls_waldir"] = DataTags.FileAccess,
        ["pg_ls_tmpdir"] = DataTags.FileAccess,
        ["pg_ls_archive_statusdir"] = DataTags.FileAccess,
        ["pg_ls_logicalsnapdir"] = DataTags.FileAccess,
        ["pg_ls_logicalmapdir"] = DataTags.FileAccess,
        ["pg_ls_replslotdir"] = DataTags.FileAccess,
        ["pg_file_write"] = DataTags.FileAccess,
        ["pg_file_rename"] = DataTags.FileAccess,
        ["pg_file_unlink"] = DataTags.FileAccess,
        ["pg_file_sync"] = DataTags.FileAccess,
        ["pg_logdir_ls"] = DataTags.FileAccess,
        ["lo_import"] = DataTags.FileAccess,
        ["lo_export"] = DataTags.FileAccess,

        // PostgreSQL: connections to other servers.
        ["dblink"] = DataTags.Network,
        ["dblink_exec"] = DataTags.Network,
        ["dblink_connect"] = DataTags.Network,
        ["dblink_connect_u"] = DataTags.Network,
        ["dblink_send_query"] = DataTags.Network,
        ["dblink_open"] = DataTags.Network,

        // SQLite: the shell's fileio functions, extensions; MySQL's LOAD_FILE seen through any dialect.
        ["readfile"] = DataTags.FileAccess,
        ["writefile"] = DataTags.FileAccess,
        ["edit"] = DataTags.ProgramExecution,
        ["load_extension"] = DataTags.ProgramExecution,
        ["load_file"] = DataTags.FileAccess,
        ["sys_exec"] = DataTags.ProgramExecution,
        ["sys_eval"] = DataTags.ProgramExecution,

        // Functions that run SQL given to them as text: what they run cannot be seen.
        ["query_to_xml"] = DataTags.Opaque,
        ["query_to_xmlschema"] = DataTags.Opaque,
        ["query_to_xml_and_xmlschema"] = DataTags.Opaque,
        ["table_to_xml"] = DataTags.Opaque,
        ["table_to_xmlschema"] = DataTags.Opaque,
        ["table_to_xml_and_xmlschema"] = DataTags.Opaque,
        ["cursor_to_xml"] = DataTags.Opaque,
        ["schema_to_xml"] = DataTags.Opaque,
        ["database_to_xml"] = DataTags.Opaque,
        ["ts_stat"] = DataTags.Opaque,
        ["ts_rewrite"] = DataTags.Opaque,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds what calling <paramref name="name"/> means to <paramref name="builder"/>.</summary>
    public static void Check(string name, SqlAnalysisBuilder builder)
    {
        if (!Flags.TryGetValue(name, out var flag))
        {
            return;
        }

        if (flag == DataTags.Opaque)
        {
            builder.Opaque($"the function {name} runs SQL given as text");
        }
        else
        {
            builder.Tag(flag);
        }
    }
}
