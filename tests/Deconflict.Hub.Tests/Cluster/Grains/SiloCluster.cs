using System.Collections.Concurrent;
using Deconflict.Hub.Cluster.Grains;
using Deconflict.Hub.Tests.Hosting;
using Deconflict.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Deconflict.Hub.Tests.Cluster.Grains;

/// <summary>
/// Orleans' in-process test cluster of three silos with the hub's grains, their grain storage on a new database of the
/// run's real PostgreSQL (the hub's Orleans migration applied, as a node applies it) and one clock the tests move by hand.
/// </summary>
public sealed class SiloCluster : IAsyncLifetime
{
    /// <summary>Each cluster's clock by name: the test cluster builds each silo's services itself, from configuration.</summary>
    private static readonly ConcurrentDictionary<string, OffsetClock> Clocks = new(StringComparer.Ordinal);

    private const string DatabaseKey = "Test:OrleansDatabase";
    private const string ClockKey = "Test:Clock";
    private readonly string _clockName = Guid.NewGuid().ToString("N");

    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The clock this cluster's grains read; a test moves it forward.</summary>
    public OffsetClock Clock => Clocks.GetOrAdd(_clockName, _ => new OffsetClock());

    /// <summary>The cluster's grain storage as a silo sees it, to write behind a grain's back.</summary>
    public IGrainStorage Storage => ((InProcessSiloHandle)(Cluster.Primary ?? throw new InvalidOperationException("no primary silo"))).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(LeaseGrain.Storage);

    public async ValueTask InitializeAsync()
    {
        var database = await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var migrate = connection.CreateCommand();
            migrate.CommandText = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "src", "Deconflict.Hub", "Storage", "Migrations", "postgres", "0600_orleans.sql"));
            await migrate.ExecuteNonQueryAsync();
        }
        var builder = new TestClusterBuilder(3);
        builder.Properties[DatabaseKey] = database;
        builder.Properties[ClockKey] = _clockName;
        _ = Clock;
        builder.AddSiloBuilderConfigurator<Silos>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
        Clocks.TryRemove(_clockName, out _);
    }

    private sealed class Silos : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder
            .AddAdoNetGrainStorage(LeaseGrain.Storage, o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = siloBuilder.Configuration[DatabaseKey];
            })
            .ConfigureServices(services => services.AddSingleton<TimeProvider>(Clocks[siloBuilder.Configuration[ClockKey]!]));
    }
}

/// <summary>The system clock moved forward by hand (Orleans itself keeps running on it, so it is never stopped).</summary>
public sealed class OffsetClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
