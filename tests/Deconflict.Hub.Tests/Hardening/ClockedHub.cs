using Deconflict.Hub.Tests.Hosting;
using Deconflict.Hub.Tests.Hotline;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Deconflict.Hub.Tests.Hardening;

/// <summary>The hub on a real Kestrel server (127.0.0.1) and a fresh SQLite file, on a clock the test moves.</summary>
public class ClockedHub : KestrelHub
{
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(DataDirectory, "hub.db"));

    protected override IEnumerable<string> ExtraArgs => ["--Hub:Hotline:CheckIntervalMs=20"];

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>The same on PostgreSQL (a new database in the shared throwaway cluster).</summary>
public sealed class ClockedPostgresHub : ClockedHub
{
    protected override async Task<string> CreateDatabaseAsync() => await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
}
