namespace Deconflict.Hub.Tests.Hosting;

/// <summary>The hub on a fresh SQLite file.</summary>
public sealed class SqliteHub : HubHost
{
    public override string StoreName => "sqlite";

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(DataDirectory, "hub.db"));
}
