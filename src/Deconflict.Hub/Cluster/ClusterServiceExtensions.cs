using System.Net;
using System.Net.Sockets;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Cluster.Grains;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Deconflict.Hub.Cluster;

/// <summary>
/// A hub alone (<see cref="SingleHub"/>), or a node of a cluster: a Microsoft Orleans silo in the hub's process with
/// ADO.NET clustering and grain storage on the hub's PostgreSQL database (schema in migration 0600), the cluster's
/// shared secrets, and the following of the other nodes' writes.
/// </summary>
public static class ClusterServiceExtensions
{
    /// <summary>Options, the cluster seam and, for a node, the shared keys and the first start-up step (before anything is loaded).</summary>
    public static IHostApplicationBuilder AddClusterServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<HubClusterOptions>().BindConfiguration("Cluster").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClusterTraffic>();
        if (!IsNode(builder.Configuration))
        {
            services.AddSingleton<IHubCluster, SingleHub>();
            return builder;
        }
        if (!PostgresHubStore.IsPostgres(builder.Configuration["Hub:Database"]))
        {
            throw new OptionsValidationException("Cluster", typeof(HubClusterOptions), ["A cluster node needs a PostgreSQL database (Hub:Database, --db)."]);
        }
        services.AddSingleton(sp => ClusterSecrets.AuditSigner(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new AdminKey(sp.GetRequiredService<IOptions<HubOptions>>(), () => ClusterSecrets.Admin(sp.GetRequiredService<NpgsqlDataSource>())));
        services.AddHostedService(sp => sp.GetRequiredService<ClusterTraffic>());
        services.AddSingleton<PictureReceiver>();
        services.AddSingleton<ClusterCatchUp>();
        services.AddSingleton<OrleansHub>();
        services.AddSingleton<IHubCluster>(sp => sp.GetRequiredService<OrleansHub>());
        services.AddSingleton<HubStartup.Step>(ShareAsync);
        return builder;
    }

    /// <summary>The silo and the node's loops; registered after the hub's start-up, which migrates the tables Orleans needs.</summary>
    public static IHostApplicationBuilder AddClusterHosting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsNode(builder.Configuration))
        {
            return builder;
        }
        var o = builder.Configuration.GetSection("Cluster").Get<HubClusterOptions>() ?? new HubClusterOptions();
        var connection = PostgresHubStore.ToConnectionString(builder.Configuration["Hub:Database"]!);
        var address = AddressOf(o, builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"]);
        // Orleans and its retry pipelines report every step at Information; a node's log keeps their warnings.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(c =>
            {
                c.ClusterId = o.ClusterId;
                c.ServiceId = "deconflict-hub";
            });
            silo.UseAdoNetClustering(c =>
            {
                c.Invariant = "Npgsql";
                c.ConnectionString = connection;
            });
            silo.AddAdoNetGrainStorage(LeaseGrain.Storage, c =>
            {
                c.Invariant = "Npgsql";
                c.ConnectionString = connection;
            });
            silo.ConfigureEndpoints(address, o.SiloPort, o.GatewayPort, listenOnAnyHostAddress: false);
            // A node lost with kill -9 is declared dead within seconds, so its grains move and its lease runs out.
            silo.Configure<ClusterMembershipOptions>(m =>
            {
                m.ProbeTimeout = TimeSpan.FromSeconds(1);
                m.NumMissedProbesLimit = 2;
                m.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            });
            silo.Configure<SiloMessagingOptions>(m => m.ResponseTimeout = TimeSpan.FromSeconds(5));
        });
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OrleansHub>());
        builder.Services.AddHostedService<ClusterSync>();
        return builder;
    }

    private static bool IsNode(IConfiguration configuration) => configuration.GetValue<bool>("Cluster:Enabled");

    /// <summary>
    /// First start-up step of a node: from here on the store follows the other nodes' writes, so nothing they commit
    /// while this node loads its memory is missed (what the loading reads as well is applied twice, which changes nothing).
    /// </summary>
    private static async Task ShareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = (SqlHubStore)services.GetRequiredService<IHubStore>();
        await store.ShareWithOtherHubsAsync(services.GetRequiredService<ClusterCatchUp>(), cancellationToken).ConfigureAwait(false);
        // The agreements were loaded before this step: read again now that nothing written after this can be missed.
        services.GetRequiredService<AgreementBook>().Load(await store.ListAgreementsAsync(null, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Where the other nodes reach this one: the configured address, the <c>--urls</c> host when it is one, else this machine's first.</summary>
    internal static IPAddress AddressOf(HubClusterOptions options, string? urls)
    {
        if (options.Address is { Length: > 0 } configured)
        {
            return IPAddress.TryParse(configured, out var given) ? given
                : throw new OptionsValidationException("Cluster", typeof(HubClusterOptions), [$"Cluster:Address '{configured}' is not an IP address."]);
        }
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip)
                && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any))
            {
                return ip;
            }
        }
        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
