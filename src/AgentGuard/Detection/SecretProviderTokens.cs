using System.Buffers;

namespace AgentGuard;

/// <summary>
/// Provider tokens recognised by their prefix (Hugging Face <c>hf_</c>, Notion <c>ntn_</c>, Sourcegraph <c>sgp_</c>,
/// Shopify <c>shpat_</c>, Tailscale <c>tskey-</c>, 1Password <c>ops_</c>, age <c>AGE-SECRET-KEY-1</c>, Meta <c>EAA…</c>, Amazon MWS
/// <c>amzn.mws.</c>, Kolide <c>k2sk_v1_</c>, Onfido <c>api_live.</c>, Braintree <c>access_token$production$</c>, Docker Swarm
/// <c>SWMTKN-1-</c>, JFrog reference tokens <c>cmVmdGtu</c>, Together AI <c>tgp_v1_</c>, Bitbucket <c>ATBB</c>, Duffel <c>duffel_live_</c>, Rootly <c>rootly_</c>, NTLM authenticate messages <c>TlRMTVNTUAAD</c>…):
/// the prefix, then at least <see cref="Entry.MinBody"/> token characters with letters and digits (or the format's own
/// alphabet). Chat webhook URLs (Discord, Teams, Google Chat, Mattermost) and Infura endpoints are recognised by host and path.
/// </summary>
internal static class SecretProviderTokens
{
    /// <summary>
    /// One catalogue entry: the case-sensitive prefix, the finding kind, the least body length and, where the provider
    /// documents a fixed length, the most (a longer run is another string that merely starts like the token).
    /// </summary>
    internal readonly record struct Entry(string Prefix, string Kind, int MinBody, bool HexOnly = false, int MaxBody = int.MaxValue);

    internal static readonly Entry[] Catalogue =
    [
        new("hf_", "huggingface-token", 30), new("api_org_", "huggingface-token", 30),
        new("ntn_", "notion-token", 40),
        new("sgp_", "sourcegraph-token", 32), new("lin_api_", "linear-key", 32), new("lin_oauth_", "linear-key", 32),
        new("shpat_", "shopify-token", 32), new("shpss_", "shopify-token", 32), new("shpca_", "shopify-token", 32), new("shppa_", "shopify-token", 32),
        new("xapp-", "slack-token", 20), new("xoxe.", "slack-token", 20), new("xoxe-", "slack-token", 20),
        new("tskey-", "tailscale-key", 20),
        new("vci_", "vercel-token", 24), new("vcr_", "vercel-token", 24), new("vck_", "vercel-token", 24), new("vcp_", "vercel-token", 24), new("vca_", "vercel-token", 24),
        new("dapi", "databricks-token", 32, HexOnly: true, MaxBody: 34), new("dckr_pat_", "docker-token", 24), new("dckr_oat_", "docker-token", 24),
        new("glc_", "grafana-token", 32), new("glsa_", "grafana-token", 32),
        new("hvs.", "vault-token", 80), new("hvb.", "vault-token", 90), new("hvr.", "vault-token", 24),
        new("ops_", "onepassword-token", 40),
        new("cfut_", "cloudflare-token", 32), new("cfat_", "cloudflare-token", 32), new("cfk_", "cloudflare-token", 32),
        new("aio_", "adafruit-key", 24), new("apify_api_", "apify-token", 30), new("shippo_live_", "shippo-token", 32), new("shippo_test_", "shippo-token", 32),
        new("pypi-", "pypi-token", 80), new("AGE-SECRET-KEY-1", "age-secret-key", 50),
        new("EAA", "meta-token", 40),
        new("dop_v1_", "digitalocean-token", 64, HexOnly: true), new("doo_v1_", "digitalocean-token", 64, HexOnly: true), new("dor_v1_", "digitalocean-token", 64, HexOnly: true),
        new("glptt-", "gitlab-token", 40, MaxBody: 40), new("gldt-", "gitlab-token", 20), new("glrt-", "gitlab-token", 20), new("glsoat-", "gitlab-token", 20),
        new("glcbt-", "gitlab-token", 16), new("glimt-", "gitlab-token", 25, MaxBody: 25), new("glagent-", "gitlab-token", 30), new("glft-", "gitlab-token", 16),
        new("glffct-", "gitlab-token", 16), new("GR1348941", "gitlab-token", 20),
        new("sq0atp-", "square-token", 22), new("sq0csp-", "square-token", 40), new("EAAA", "square-token", 60),
        new("PMAK-", "postman-key", 50), new("whsec_", "stripe-webhook-secret", 24), new("gsk_", "groq-key", 40),
        new("xai-", "xai-key", 60), new("pplx-", "perplexity-key", 40), new("r8_", "replicate-token", 32), new("figd_", "figma-token", 32),
        new("lsv2_pt_", "langsmith-key", 32), new("lsv2_sk_", "langsmith-key", 32), new("nvapi-", "nvidia-key", 60),
        new("dp.pt.", "doppler-token", 40), new("dp.st.", "doppler-token", 40), new("dp.sa.", "doppler-token", 40), new("dp.ct.", "doppler-token", 40),
        new("dp.scim.", "doppler-token", 40), new("dp.audit.", "doppler-token", 40),
        new("ATATT", "atlassian-token", 100), new("sntrys_", "sentry-token", 60), new("sntryu_", "sentry-token", 64, HexOnly: true),
        new("phx_", "posthog-key", 40), new("rubygems_", "rubygems-key", 48, HexOnly: true), new("oy2", "nuget-key", 43),
        new("dt0c01.", "dynatrace-token", 60), new("AKCp", "artifactory-key", 60), new("CLOJARS_", "clojars-token", 60, HexOnly: true),
        new("FlyV1 ", "flyio-token", 60), new("fo1_", "flyio-token", 40), new("sk_pr_", "photoroom-key", 32), new("pscale_tkn_", "planetscale-token", 32),
        new("pscale_pw_", "planetscale-password", 32), new("ghs_", "github-token", 36), new("rnd_", "render-key", 30), new("nfp_", "netlify-token", 36),
        new("tvly-", "tavily-key", 32), new("odt_", "dependency-track-key", 32), new("NRAK-", "newrelic-key", 27), new("NRAA-", "newrelic-key", 27),
        new("NRII-", "newrelic-key", 32), new("NRIQ-", "newrelic-key", 32), new("NRJS-", "newrelic-key", 19), new("NRRA-", "newrelic-key", 42),
        new("django-insecure-", "django-secret-key", 40), new("key-", "mailgun-key", 32, HexOnly: true, MaxBody: 32), new("s-s4t2ud-", "intra42-secret", 64, HexOnly: true), new("s-s4t2af-", "intra42-secret", 64, HexOnly: true),
        new("squ_", "sonarqube-token", 40, HexOnly: true), new("sqp_", "sonarqube-token", 40, HexOnly: true), new("sqa_", "sonarqube-token", 40, HexOnly: true),
        new("sbp_", "supabase-token", 40, HexOnly: true), new("sb_secret_", "supabase-key", 24), new("CFPAT-", "contentful-token", 43),
        new("pul-", "pulumi-token", 40, HexOnly: true), new("pnu_", "prefect-key", 36), new("rdme_", "readme-key", 64), new("bkua_", "buildkite-token", 40, HexOnly: true),
        new("HRKU-", "heroku-key", 30), new("tfp_", "typeform-token", 40), new("EZAK", "easypost-key", 50), new("EZTK", "easypost-key", 50),
        new("FLWSECK-", "flutterwave-key", 32), new("FLWSECK_TEST-", "flutterwave-key", 32), new("ico-", "infracost-key", 32), new("fio-u-", "frameio-token", 60), new("eyJrIjoi", "grafana-key", 40),
        new("sl.", "dropbox-token", 130), new("xkeysib-", "brevo-key", 80), new("xsmtpsib-", "brevo-key", 80), new("1000.", "zoho-token", 65, MaxBody: 65),
        new("tkn.v1_", "teamwork-token", 60), new("VF.DM.", "voiceflow-key", 40), new("VF.WS.", "voiceflow-key", 40), new("LTAI", "alibaba-access-key", 12, MaxBody: 30),
        new("shltm_", "flexport-key", 40), new("ion_", "ionic-token", 42), new("slk_", "sourcegraph-token", 64, HexOnly: true),
        new("flb_live_", "fleetbase-key", 20), new("ak_live_", "pagarme-key", 30), new("NF-", "nightfall-key", 32, MaxBody: 32),
        new("mdb_sa_sk_", "mongodb-atlas-key", 36), new("secret_", "notion-token", 43, MaxBody: 43), new("BBFF-", "ubidots-token", 30, MaxBody: 30),
        new("pri_", "besttime-key", 32, HexOnly: true, MaxBody: 32),
        new("amzn.mws.", "amazon-mws-token", 36, MaxBody: 36), new("k2sk_v1_", "kolide-key", 24), new("api_live.", "onfido-token", 44),
        new("api_live_us.", "onfido-token", 44), new("api_live_ca.", "onfido-token", 44), new("access_token$production$", "braintree-token", 49),
        new("SWMTKN-1-", "docker-swarm-token", 70, MaxBody: 80), new("cmVmdGtu", "artifactory-reference-token", 56, MaxBody: 56),
        new("tgp_v1_", "together-key", 43, MaxBody: 43), new("rzp_live_", "razorpay-key", 14, MaxBody: 14), new("rzp_test_", "razorpay-key", 14, MaxBody: 14),
        new("3MVG", "salesforce-consumer-key", 70, MaxBody: 90),
        new("ATBB", "bitbucket-app-password", 24, MaxBody: 80), new("duffel_test_", "duffel-token", 43), new("duffel_live_", "duffel-token", 43),
        new("rootly_", "rootly-key", 64, HexOnly: true, MaxBody: 64),
        // An NTLM AUTHENTICATE message (MS-NLMP: "NTLMSSP\0", message type 3) in base64, as an "Authorization: NTLM" header
        // carries it: it holds the user's challenge response, which can be relayed or cracked. Types 1 and 2 hold none.
        new("TlRMTVNTUAADAAAA", "ntlm-authenticate", 60),
    ];

    /// <summary>URL prefixes whose path carries the secret: chat webhooks and workflows, Telegram bot API calls, ThingsBoard device tokens, SoftLayer API keys, Infura and Alchemy project keys, Zapier catch hooks.</summary>
    internal static readonly (string Prefix, string Kind)[] Webhooks =
    [
        ("discord.com/api/webhooks/", "discord-webhook"), ("discordapp.com/api/webhooks/", "discord-webhook"),
        ("webhook.office.com/webhookb2/", "teams-webhook"), ("outlook.office.com/webhook/", "teams-webhook"),
        ("chat.googleapis.com/v1/spaces/", "google-chat-webhook"), ("/hooks/", "mattermost-webhook"),
        ("thingsboard.cloud/api/v1/", "thingsboard-token"), ("api.softlayer.com/soap/v3", "softlayer-key"),
        ("hooks.slack.com/workflows/", "slack-webhook"), ("hooks.slack.com/triggers/", "slack-webhook"), ("api.telegram.org/bot", "telegram-bot-token"),
        ("infura.io/v3/", "infura-key"), ("infura.io/ws/v3/", "infura-key"),
        ("alchemyapi.io/v2/", "alchemy-key"), ("alchemy.com/v2/", "alchemy-key"), ("hooks.zapier.com/hooks/catch/", "zapier-webhook"),
    ];

    internal static IEnumerable<string> Anchors => Catalogue.Select(e => e.Prefix).Concat(Webhooks.Select(w => w.Prefix));

    private static readonly Dictionary<char, Entry[]> ByFirst = Catalogue.GroupBy(e => e.Prefix[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Prefix.Length).ToArray());

    private static readonly SearchValues<char> Body = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.+/=");

    /// <summary>Django's generated keys draw from letters, digits and <c>!@#$%^&amp;*(-_=+)</c>.</summary>
    private static readonly SearchValues<char> DjangoBody = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)");

    /// <summary>Braintree's production access tokens are <c>access_token$production$</c>, 16 characters, <c>$</c>, 32 characters.</summary>
    private static readonly SearchValues<char> BraintreeBody = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789$");

    /// <summary>A prefix this long (<c>django-insecure-</c>, <c>AGE-SECRET-KEY-1</c>) names its provider even inside a longer token.</summary>
    private const int DistinctivePrefix = 14;

    /// <summary>Examines the anchor at <paramref name="at"/>; returns where scanning may resume.</summary>
    public static int Match(string text, int at, List<SecretFinding> found)
    {
        foreach (var (prefix, kind) in Webhooks)
        {
            if (text.AsSpan(at).StartsWith(prefix, StringComparison.Ordinal))
            {
                return Webhook(text, at, prefix, kind, found);
            }
        }

        if (!ByFirst.TryGetValue(text[at], out var entries))
        {
            return at + 1;
        }

        // A prefix inside a longer token is no token of that provider, unless the prefix is long enough to be the
        // provider's alone: then the token is read whole, and no other scan leaves a fragment of it.
        var bounded = at == 0 || !IsTokenChar(text[at - 1]) || SecretEscapes.Before(text, at) || SecretJoinedTokens.After(text, at);
        foreach (var entry in entries)
        {
            if ((!bounded && entry.Prefix.Length < DistinctivePrefix) || !text.AsSpan(at).StartsWith(entry.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var start = at + entry.Prefix.Length;
            var rest = text.AsSpan(start);
            var length = rest.IndexOfAnyExcept(entry.Kind switch { "django-secret-key" => DjangoBody, "braintree-token" => BraintreeBody, _ => Body });
            length = length < 0 ? rest.Length : length;
            var body = rest[..length].TrimEnd('.');
            // Not this entry's token: a shorter prefix may still read it (EAAA… with a Meta token's length is Meta's EAA).
            if (body.Length < entry.MinBody || body.Length > entry.MaxBody || (entry.Kind != "django-secret-key" && SecretText.IsPlaceholder(body)) || !Plausible(body, entry))
            {
                continue;
            }

            found.Add(new SecretFinding(entry.Kind, at, entry.Prefix.Length + body.Length));
            return start + body.Length;
        }

        return at + 1;
    }

    private static bool Plausible(ReadOnlySpan<char> body, Entry entry)
    {
        if (entry.HexOnly)
        {
            return !body[..entry.MinBody].ContainsAnyExcept("0123456789abcdefABCDEF");
        }

        if (entry.Kind == "django-secret-key")
        {
            return SecretText.Entropy(body) >= 4.0;
        }

        // A word-like run ("secret_santa_list_for_the_office") is an identifier, not a token.
        return SecretText.HasLettersAndDigits(body) || SecretText.Entropy(body) >= 4.0;
    }

    private static int Webhook(string text, int at, string prefix, string kind, List<SecretFinding> found)
    {
        var start = at + prefix.Length;
        var end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '/' or '-' or '_' or '?' or '=' or '&' or '%' or '.' or '@' || (text[end] == ':' && kind == "telegram-bot-token")))
        {
            end++;
        }

        var path = text.AsSpan(start, end - start).TrimEnd('.');
        // A Zapier catch hook is short, "<account number>/<hook id>/": the number and a mixed id of six or more.
        if (kind == "zapier-webhook")
        {
            return ZapierHook(path) ? AddUrl(text, at, start, path.Length, kind, found) : start;
        }

        // A Slack workflow trigger's secret is its last segment, 32 hex digits ("…/triggers/T0…/8157…/f0e1…").
        if (kind == "slack-webhook" && prefix.EndsWith("triggers/", StringComparison.Ordinal) && !HexSecretLast(path))
        {
            return start;
        }

        // The secret part is long and mixed: a Mattermost hook id has 26 characters, a Discord token 60 or more.
        if (path.Length < 20 || !SecretText.HasLettersAndDigits(path) || SecretText.IsPlaceholder(path) || (prefix == "/hooks/" && path.Contains('/')))
        {
            return start;
        }

        return AddUrl(text, at, start, path.Length, kind, found);
    }

    private static bool HexSecretLast(ReadOnlySpan<char> path)
    {
        var last = path.TrimEnd('/');
        last = last[(last.LastIndexOf('/') + 1)..];
        return last.Length >= 32 && !last.ContainsAnyExcept(HexDigits);
    }

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private static bool ZapierHook(ReadOnlySpan<char> path)
    {
        var slash = path.IndexOf('/');
        if (slash < 5 || path[..slash].ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var hook = path[(slash + 1)..].TrimEnd('/');
        return hook.Length is >= 6 and <= 12 && !hook.ContainsAnyExcept(AsciiLettersAndDigits) && SecretText.HasLettersAndDigits(hook) && !SecretText.IsPlaceholder(hook);
    }

    private static readonly SearchValues<char> AsciiLettersAndDigits = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>Reports the URL around a secret path: the whole URL is the credential, pasted whole.</summary>
    private static int AddUrl(string text, int at, int start, int pathLength, string kind, List<SecretFinding> found)
    {
        var path = text.AsSpan(start, pathLength);
        // The whole URL is the credential: scheme and host go with the path, as a webhook URL is pasted whole.
        var urlStart = at;
        // The authority goes with it whole: a port (host:8065) and a user (bot@host) as well as the host.
        while (urlStart > 0 && at - urlStart < 256 && (char.IsAsciiLetterOrDigit(text[urlStart - 1]) || text[urlStart - 1] is '.' or '-' or '_' or '%' or '~' or ':' or '@'))
        {
            urlStart--;
        }

        if (urlStart >= 3 && text.AsSpan(urlStart - 3, 3).SequenceEqual("://"))
        {
            urlStart -= 3;
            while (urlStart > 0 && char.IsAsciiLetter(text[urlStart - 1]))
            {
                urlStart--;
            }
        }
        else
        {
            urlStart = at;
        }

        found.Add(new SecretFinding(kind, urlStart, start + path.Length - urlStart));
        return start + path.Length;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
