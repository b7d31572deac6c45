using Deconflict.Hub.Tests.Tracks;
using Deconflict.Hub.Tests.WebConsole;

namespace Deconflict.Hub.Tests.Docs;

/// <summary>The interactive API docs at <c>/docs</c> in a real browser: everything comes from the hub itself.</summary>
public sealed class OfflineDocsTests
{
    [Fact]
    public async Task Docs_render_from_the_hub_alone_without_buttons_that_need_online_services()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var hub = await LiveHub.StartAsync();
        await using var browser = await HeadlessChromium.StartAsync(1400, 900, ct);
        await browser.RecordRequestsAsync(ct);

        await browser.NavigateAsync(new Uri(hub.BaseAddress, "/docs/"), ct);
        // Rendered: the document's introduction, the request examples' client block and the groups in the sidebar.
        await browser.WaitForAsync("['Download OpenAPI Document', 'Client Libraries', 'Tracks', 'Hotline'].every(t => document.body.innerText.includes(t))",
            TimeSpan.FromSeconds(60), ct);
        await browser.WaitForAsync("document.fonts.status === 'loaded'", TimeSpan.FromSeconds(30), ct);

        var requests = browser.Requests;
        requests.ShouldContain(u => u.EndsWith("/docs/scalar.js", StringComparison.Ordinal));
        requests.ShouldContain(u => u.Contains("/openapi/v1.json", StringComparison.Ordinal));
        var origin = hub.BaseAddress.GetLeftPart(UriPartial.Authority);
        requests.Where(u => !u.StartsWith(origin, StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith("blob:", StringComparison.Ordinal))
            .ShouldBeEmpty("the docs asked another host");

        var text = (await browser.EvaluateAsync("document.body.innerText", ct)).GetString()!;
        foreach (var online in new[] { "Ask AI", "Deploy", "Generate SDK", "Open API Client" })
        {
            text.ShouldNotContain(online, Case.Insensitive);
        }
    }
}
