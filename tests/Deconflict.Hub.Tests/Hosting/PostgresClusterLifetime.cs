namespace Deconflict.Hub.Tests.Hosting;

/// <summary>Assembly fixture that stops the shared PostgreSQL cluster when the test run ends.</summary>
public sealed class PostgresClusterLifetime : IAsyncDisposable
{
    public ValueTask DisposeAsync() => new(PostgresCluster.StopSharedAsync());
}
