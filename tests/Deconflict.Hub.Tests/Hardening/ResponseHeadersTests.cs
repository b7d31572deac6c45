using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hardening;

/// <summary>API replies are never cached or sniffed; the API reference runs only the hub's own scripts (issue 10, finding 12).</summary>
public sealed partial class ResponseHeadersTests(SqliteKestrelHub hub) : IClassFixture<SqliteKestrelHub>
{
    [Fact]
    public async Task Every_api_reply_says_no_store_and_nosniff_including_errors()
    {
        var (_, key) = await hub.CreatePartyAsync("headers");
        using var party = hub.Client(key);
        using var anonymous = hub.Client(null);
        foreach (var response in new[]
        {
            await party.GetAsync("/api/v1/me"),
            await party.GetAsync("/api/v1/intents"),
            await party.GetAsync("/api/v1/intents/none-such"),
            await party.PutIntentAsync("BAD", "{"),
            await anonymous.GetAsync("/api/v1/me"),
        })
        {
            response.Headers.CacheControl?.NoStore.ShouldBeTrue($"{response.RequestMessage!.RequestUri} {(int)response.StatusCode}");
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        }
    }

    [Fact]
    public async Task The_docs_page_has_a_policy_that_allows_only_its_own_scripts()
    {
        using var client = hub.Client(null);
        var page = await client.GetAsync("/docs/");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("default-src 'none'");
        policy.ShouldContain("script-src 'self'");
        policy.ShouldNotContain("http");
        policy.ShouldNotContain("unsafe-eval");
        var html = await page.Content.ReadAsStringAsync();
        // Every inline script is allowed by its hash; every other script comes from the hub itself.
        foreach (Match m in InlineScript().Matches(html))
        {
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)));
            policy.ShouldContain($"'sha256-{hash}'");
        }
        foreach (Match m in ScriptSource().Matches(html))
        {
            var src = m.Groups[1].Value;
            src.ShouldNotContain("//");
            (await client.GetAsync(new Uri(new Uri(hub.BaseAddress, "/docs/"), src))).StatusCode.ShouldBe(HttpStatusCode.OK, src);
        }
        html.ShouldNotContain("fonts.scalar.com");
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<script[^>]*\\bsrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
