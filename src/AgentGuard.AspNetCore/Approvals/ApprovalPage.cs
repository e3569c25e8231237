using System.Text;
using System.Text.Encodings.Web;

namespace AgentGuard.AspNetCore;

/// <summary>
/// The approval page: a self-contained HTML list of the calls waiting for the signed-in approver, each with its exact
/// tool, redacted arguments, rule and reason, and approve/reject buttons that post the call's fingerprint. Every value
/// is HTML-encoded: arguments come from the model and may carry markup.
/// </summary>
internal static class ApprovalPage
{
    public static string Render(string approver, IReadOnlyList<PendingApproval> pending, string apiBase)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder(4096);
        page.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>AgentGuard approvals</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}
            .call{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}
            pre{background:#f6f6f6;padding:.5rem;white-space:pre-wrap;word-break:break-all}
            dt{font-weight:600}dd{margin:0 0 .5rem 0}
            button{margin-right:.5rem;padding:.4rem 1rem}
            .status{font-weight:600}
            </style></head><body>
            """);
        page.Append("<h1>Calls waiting for approval</h1><p>Signed in as <strong id=\"approver\">").Append(html.Encode(approver)).Append("</strong></p>");
        page.Append("<p class=\"status\" id=\"status\" role=\"status\"></p>");
        if (pending.Count == 0)
        {
            page.Append("<p id=\"empty\">Nothing is waiting for you.</p>");
        }

        foreach (var call in pending)
        {
            page.Append("<section class=\"call\" data-id=\"").Append(html.Encode(call.Id))
                .Append("\" data-fingerprint=\"").Append(html.Encode(call.Fingerprint)).Append("\">");
            page.Append("<h2 class=\"tool\">").Append(html.Encode(call.ToolName)).Append("</h2><dl>");
            Item(page, html, "Arguments", "<pre class=\"arguments\">" + html.Encode(call.Arguments) + "</pre>", encoded: true);
            Item(page, html, "Rule", string.Join(", ", call.Rules));
            Item(page, html, "Reason", call.Reason ?? string.Empty);
            Item(page, html, "Requested by", call.RequestedBy ?? "(unknown)");
            Item(page, html, "Agent", call.AgentId ?? "(unknown)");
            Item(page, html, "Session", call.SessionId ?? "(none)");
            Item(page, html, "Requested at", call.RequestedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
            Item(page, html, "Fingerprint", call.Fingerprint);
            page.Append("</dl><label>Reason <input class=\"reason\" size=\"60\"></label><p>")
                .Append("<button class=\"approve\">Approve</button><button class=\"reject\">Reject</button></p></section>");
        }

        page.Append("<script>const api=\"").Append(JavaScriptEncoder.Default.Encode(apiBase)).Append("\";").Append("""
            for (const section of document.querySelectorAll('section.call')) {
              for (const verb of ['approve', 'reject']) {
                section.querySelector('button.' + verb).addEventListener('click', async () => {
                  const response = await fetch(api + '/' + encodeURIComponent(section.dataset.id) + '/' + verb, {
                    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
                    body: JSON.stringify({ fingerprint: section.dataset.fingerprint, reason: section.querySelector('input.reason').value })
                  });
                  const result = await response.json().catch(() => ({ message: response.statusText }));
                  document.getElementById('status').textContent = result.message;
                  if (response.ok) { section.remove(); }
                });
              }
            }
            </script></body></html>
            """);
        return page.ToString();
    }

    private static void Item(StringBuilder page, HtmlEncoder html, string term, string value, bool encoded = false)
        => page.Append("<dt>").Append(term).Append("</dt><dd>").Append(encoded ? value : html.Encode(value)).Append("</dd>");
}
