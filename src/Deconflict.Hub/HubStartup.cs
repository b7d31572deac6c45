using Deconflict.Hub.Agreements;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub;

/// <summary>
/// Runs before the server accepts requests: applies migrations, loads the agreement book and rebuilds
/// the in-memory indexes from the store, then seeds the demo when asked.
/// </summary>
public sealed partial class HubStartup(IServiceProvider services, IHubStore store, AgreementBook book, ILogger<HubStartup> logger) : IHostedService
{
    /// <summary>Extra start-up steps other parts of the hub register (run in registration order after the core).</summary>
    public delegate Task Step(IServiceProvider services, CancellationToken cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        book.Load(await store.ListAgreementsAsync(null, cancellationToken).ConfigureAwait(false));
        foreach (var step in services.GetServices<Step>())
        {
            await step(services, cancellationToken).ConfigureAwait(false);
        }
        LogStarted(logger, store.Dialect.ToString());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub store ready ({Dialect})")]
    private static partial void LogStarted(ILogger logger, string dialect);
}
