using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Deconflict.Hub.Tests.WebConsole;

/// <summary>The hub serves the built console at <c>/</c> without swallowing API paths.</summary>
public sealed partial class ConsoleFilesTests
{
    [Fact]
    public async Task Root_and_deep_links_serve_the_console_page_with_a_strict_content_policy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = await ConsoleHub.StartAsync(ct);
        using var client = hub.Client();
        foreach (var path in new[] { "/", "/conflicts/C-1", "/inbox" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", path);
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
            response.Headers.CacheControl!.NoCache.ShouldBeTrue(path);
            (await response.Content.ReadAsStringAsync(ct)).ShouldContain("id=\"map\"");
        }
    }

    [Fact]
    public async Task Scripts_and_the_map_worker_are_served_as_javascript()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = await ConsoleHub.StartAsync(ct);
        using var client = hub.Client();
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        var script = ScriptSource().Match(page);
        script.Success.ShouldBeTrue(page);
        var worker = Path.GetFileName(Directory.GetFiles(Path.Combine(ConsoleHub.ConsoleDirectory, "assets"), "maplibre-gl-worker*.mjs").Single());
        foreach (var path in new[] { script.Groups[1].Value, "/assets/" + worker })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript", path);
        }
    }

    [Fact]
    public async Task Unknown_api_paths_stay_problem_json_not_the_console_page()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = await ConsoleHub.StartAsync(ct);
        var (_, key, _) = await hub.CreatePartyAsync("observer-1", "observer", ct);
        using var client = hub.Client(key);
        using var response = await client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative), ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        // A known API path with the wrong method keeps its 405: the console's deep-link handling never answers for /api.
        using var wrongMethod = await client.DeleteAsync(new Uri("/api/v1/me", UriKind.Relative), ct);
        wrongMethod.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
        health.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task Me_names_the_party_that_holds_the_key_and_needs_a_key()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = await ConsoleHub.StartAsync(ct);
        var (id, key, _) = await hub.CreatePartyAsync("relief-org", "humanitarian", ct);
        using var client = hub.Client(key);
        using var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/me", UriKind.Relative), ct));
        me.RootElement.GetProperty("id").GetString().ShouldBe(id);
        me.RootElement.GetProperty("name").GetString().ShouldBe("relief-org");
        me.RootElement.GetProperty("kind").GetString().ShouldBe("humanitarian");
        using var anonymous = hub.Client();
        using var denied = await anonymous.GetAsync(new Uri("/api/v1/me", UriKind.Relative), ct);
        denied.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [GeneratedRegex("<script[^>]+src=\"(/assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptSource();
}
