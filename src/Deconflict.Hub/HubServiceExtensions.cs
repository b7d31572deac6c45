using Deconflict.Core.Audit;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Cluster;
using Deconflict.Hub.Demo;
using Deconflict.Hub.Dss;
using Deconflict.Hub.Errors;
using Deconflict.Hub.Events;
using Deconflict.Hub.Ground;
using Deconflict.Hub.Hotline;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Json;
using Deconflict.Hub.OpenApi;
using Deconflict.Hub.Storage;
using Deconflict.Hub.Tracks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Deconflict.Hub;

/// <summary>Registers the hub's services: options, store (SQLite or PostgreSQL), audit, auth, visibility, events, JSON, problems, OpenAPI.</summary>
public static class HubServiceExtensions
{
    public static IHostApplicationBuilder AddHubServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<HubOptions>().BindConfiguration("Hub").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        builder.AddEventServices();
        services.AddSingleton<AgreementBook>();
        services.AddSingleton<ProposalExpiry>();
        services.AddSingleton<NeedToKnow>();
        services.AddSingleton<AdminKey>();
        services.AddSingleton<KeyRevocations>();
        services.AddSingleton(sp => AuditSigner.LoadOrCreate(DataDirectory(sp)));
        services.AddSingleton(sp => new AuditChain(sp.GetRequiredService<AuditSigner>()));
        services.AddSingleton<AuditTrail>();
        services.AddSingleton(sp =>
        {
            var db = sp.GetRequiredService<IOptions<HubOptions>>().Value.Database;
            return PostgresHubStore.IsPostgres(db)
                ? PostgresHubStore.CreateDataSource(db!)
                : null!;
        });
        services.AddSingleton<IHubStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<HubOptions>>().Value;
            PrivateFiles.SecureDirectory(o.DataDirectory);
            var events = sp.GetRequiredService<HubEvents>();
            var audit = sp.GetRequiredService<AuditTrail>();
            var clock = sp.GetRequiredService<TimeProvider>();
            return PostgresHubStore.IsPostgres(o.Database)
                ? new PostgresHubStore(sp.GetRequiredService<NpgsqlDataSource>(), events, audit, clock)
                : new SqliteHubStore(SqlitePath(o), events, audit, clock);
        });
        services.AddOptions<DisclosureOptions>().BindConfiguration("Disclosure").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AlternativeOptions>().BindConfiguration("Alternatives").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ProbeGuard>();
        services.AddSingleton<IntentDesk>();
        // Before the start-up steps: a cluster node's first step makes the store follow the other nodes.
        builder.AddClusterServices();
        services.AddSingleton<HubStartup.Step>((sp, ct) =>
            ConflictIdentityBackfill.RunAsync(sp.GetRequiredService<IHubStore>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConflictIdentityBackfill)), ct));
        services.AddSingleton<HubStartup.Step>(EventServices.LoadOpenConflictsAsync);
        services.AddSingleton<HubStartup.Step>((sp, ct) => sp.GetRequiredService<IntentDesk>().LoadAsync(ct));
        services.AddSingleton<DemoScenario>();
        services.AddSingleton<HubStartup.Step>((sp, ct) =>
            sp.GetRequiredService<IOptions<HubOptions>>().Value.Demo ? sp.GetRequiredService<DemoScenario>().SeedAsync(ct) : Task.CompletedTask);
        services.AddHostedService<HubStartup>();
        services.AddEventPruning();
        services.AddHostedService<DemoTraffic>();
        services.AddSingleton<HubBanner>();
        services.AddHostedService(sp => sp.GetRequiredService<HubBanner>());
        builder.AddSurveillanceServices();
        builder.AddHotlineServices();
        builder.AddGroundServices();
        builder.AddDssServices();
        // Last: the silo starts after the start-up step that migrates its tables.
        builder.AddClusterHosting();

        services.ConfigureHttpJsonOptions(o => HubJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<HubExceptionHandler>();
        services.AddHubOpenApi();
        var maxBody = builder.Configuration.GetValue<long?>("Hub:MaxBodyBytes") ?? new HubOptions().MaxBodyBytes;
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = maxBody + 1);
        return builder;
    }

    /// <summary>The SQLite file: <c>Hub:Database</c> when it is a path, else <c>&lt;data&gt;/hub.db</c>.</summary>
    public static string SqlitePath(HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var db = options.Database;
        if (string.IsNullOrWhiteSpace(db))
        {
            return Path.GetFullPath(Path.Combine(options.DataDirectory, "hub.db"));
        }
        return db.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase) ? Path.GetFullPath(db["Data Source=".Length..].TrimEnd(';')) : Path.GetFullPath(db);
    }

    private static string DataDirectory(IServiceProvider sp)
    {
        var dir = PrivateFiles.SecureDirectory(sp.GetRequiredService<IOptions<HubOptions>>().Value.DataDirectory);
        PrivateFiles.SecureFiles(Path.Combine(dir, "admin.key"));
        return dir;
    }
}
