using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Deconflict.Hub.Tests.Dss;

/// <summary>A USS on 127.0.0.1 that accepts F3548 notifications (<c>POST /uss/v1/operational_intents</c>) and keeps them in order.</summary>
public sealed class TestUss : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();

    private TestUss(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First() + "/utm";

    public static async Task<TestUss> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var uss = new TestUss(app);
        app.MapPost("/utm/uss/v1/operational_intents", async (HttpRequest request) =>
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            await uss._received.Writer.WriteAsync(doc.RootElement.Clone());
            return Results.NoContent();
        });
        await app.StartAsync();
        return uss;
    }

    /// <summary>The next notification, waiting at most <paramref name="seconds"/>.</summary>
    public async Task<JsonElement> NextAsync(int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
