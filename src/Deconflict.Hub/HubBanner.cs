using Deconflict.Hub.Auth;
using Deconflict.Hub.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub;

/// <summary>Tells the operator where the hub listens, where its data and admin key are, and (with --demo) the parties' keys.</summary>
public sealed class HubBanner(IServer server, IHostApplicationLifetime lifetime, IOptions<HubOptions> options, AdminKey admin, IHubStore store) : IHostedService
{
    private readonly List<string> _lines = [];

    /// <summary>Lines to print after the address (the demo adds its keys here).</summary>
    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Banner)
        {
            return Task.CompletedTask;
        }
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.FirstOrDefault() ?? HubApplication.DefaultUrls;
            var o = options.Value;
            Console.WriteLine($"Deconflict hub listening on {string.Join(", ", addresses)}");
            Console.WriteLine($"  storage:   {(store.Dialect == StoreDialect.Sqlite ? HubServiceExtensions.SqlitePath(o) : "PostgreSQL")}");
            Console.WriteLine($"  data:      {Path.GetFullPath(o.DataDirectory)}");
            Console.WriteLine($"  admin key: {(admin.FilePath is null ? "from " + admin.Source : admin.FilePath + " (0600)")}");
            Console.WriteLine($"  console:   {url}/");
            Console.WriteLine($"  API docs:  {url}/docs   OpenAPI: {url}/openapi/v1.json");
            lock (_lines)
            {
                foreach (var line in _lines)
                {
                    Console.WriteLine(line.Replace("{url}", url, StringComparison.Ordinal));
                }
            }
            Console.WriteLine($"Stop the hub with Ctrl+C (or: kill {Environment.ProcessId}); every accepted write is on disk and is there at the next start.");
            Console.Out.Flush();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
