namespace Deconflict.Hub.Tests.Hosting;

/// <summary>The hub on a fresh database in the shared throwaway PostgreSQL cluster.</summary>
public sealed class PostgresHub : HubHost
{
    public override string StoreName => "postgres";

    protected override async Task<string> CreateDatabaseAsync()
    {
        var cluster = await PostgresCluster.SharedAsync();
        return await cluster.CreateDatabaseAsync();
    }
}
