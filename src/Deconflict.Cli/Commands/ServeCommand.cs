using System.CommandLine;
using Deconflict.Hub;
using Microsoft.Extensions.Hosting;

namespace Deconflict.Cli.Commands;

/// <summary><c>deconflict serve</c>: runs the hub (embedded SQLite by default, PostgreSQL with <c>--db</c>).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db")
        {
            Description = "SQLite file path, or PostgreSQL as \"Host=...;Database=...\" or postgres://user@host:port/db (default: <data>/hub.db).",
        };
        var urls = new Option<string>("--urls") { Description = "Address(es) to listen on.", DefaultValueFactory = _ => HubApplication.DefaultUrls };
        var data = new Option<string?>("--data") { Description = "Data directory (default: $DECONFLICT_DATA or ./.data)." };
        var demo = new Option<bool>("--demo") { Description = "Seed the demo scenario (idempotent) and print each party's key." };
        var sbs = new Option<string?>("--sbs") { Description = "Connect to an SBS-1 (BaseStation) feed at HOST:PORT, e.g. dump1090's port 30003.", HelpName = "HOST:PORT" };
        var sbsParty = new Option<string?>("--sbs-party") { Description = "Id of the party the SBS feed's aircraft belong to (a party's name is accepted too).", HelpName = "PARTY-ID" };
        var asterix = new Option<string[]>("--asterix")
        {
            Description = "Listen to an ASTERIX CAT021/CAT062/CAT048 source over UDP (repeatable): udp://GROUP-OR-ADDRESS:PORT[?iface=IP&party=ID&name=NAME].",
            HelpName = "URL",
            AllowMultipleArgumentsPerToken = false,
        };
        var asterixParty = new Option<string?>("--asterix-party") { Description = "Party of the ASTERIX sources that name none with party=.", HelpName = "PARTY-ID" };
        var radar = new Option<string[]>("--radar") { Description = "Radar position for CAT048 plots (repeatable).", HelpName = "SAC/SIC=LAT,LON[,HEIGHT_FT]" };
        var cluster = new Option<bool>("--cluster")
        {
            Description = "Run as a node of a cluster: every node started with the same PostgreSQL --db joins it (see README, \"Cluster\").",
        };
        var siloPort = new Option<int?>("--silo-port") { Description = "With --cluster: port this node talks to the other nodes on (default 11111).", HelpName = "PORT" };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "With --cluster: port of this node's Orleans gateway (default 30000).", HelpName = "PORT" };
        var command = new Command("serve", "Run the hub.") { db, urls, data, demo, sbs, sbsParty, asterix, asterixParty, radar, cluster, siloPort, gatewayPort };
        command.SetAction(async (parse, ct) =>
        {
            var args = new List<string> { $"--urls={parse.GetValue(urls)}", "--Hub:Banner=true" };
            if (parse.GetValue(db) is { Length: > 0 } d)
            {
                args.Add($"--Hub:Database={d}");
            }
            if (parse.GetValue(data) is { Length: > 0 } dir)
            {
                args.Add($"--Hub:DataDirectory={Path.GetFullPath(dir)}");
            }
            if (parse.GetValue(demo))
            {
                args.Add("--Hub:Demo=true");
            }
            if (parse.GetValue(sbs) is { Length: > 0 } feed)
            {
                if (!Deconflict.Hub.Tracks.SbsFeedClient.TryParseEndpoint(feed, out _, out _))
                {
                    throw new InputException($"--sbs: '{feed}' is not HOST:PORT");
                }
                if (parse.GetValue(sbsParty) is not { Length: > 0 } owner)
                {
                    throw new InputException("--sbs needs --sbs-party PARTY-ID: the party whose aircraft the feed carries");
                }
                args.Add($"--Surveillance:SbsFeed={feed}");
                args.Add($"--Surveillance:SbsParty={owner}");
            }
            AddAsterix(args, parse.GetValue(asterix) ?? [], parse.GetValue(asterixParty), parse.GetValue(radar) ?? []);
            AddCluster(args, parse.GetValue(cluster), parse.GetValue(db), parse.GetValue(siloPort), parse.GetValue(gatewayPort));
            ListenAddresses.EnsureFree(parse.GetValue(urls)!);
            var app = HubApplication.Build([.. args]);
            try
            {
                await app.StartAsync(ct).ConfigureAwait(false);
            }
            catch (IOException e) when (ListenAddresses.Explain(e, parse.GetValue(urls)!) is { } inUse)
            {
                throw inUse;
            }
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>Checks the cluster options: a node needs PostgreSQL, ports in range, and the ports only with --cluster.</summary>
    private static void AddCluster(List<string> args, bool cluster, string? db, int? siloPort, int? gatewayPort)
    {
        if (!cluster)
        {
            if (siloPort is not null || gatewayPort is not null)
            {
                throw new InputException("--silo-port and --gateway-port need --cluster");
            }
            return;
        }
        if (!Deconflict.Hub.Storage.PostgresHubStore.IsPostgres(db))
        {
            throw new InputException("--cluster needs --db with a PostgreSQL database (\"Host=...;Database=...\" or postgres://user@host:port/db): the nodes share it");
        }
        args.Add("--Cluster:Enabled=true");
        foreach (var (name, port, key) in new[] { ("--silo-port", siloPort, "SiloPort"), ("--gateway-port", gatewayPort, "GatewayPort") })
        {
            if (port is { } p)
            {
                if (p is < 1 or > 65535)
                {
                    throw new InputException($"{name}: {p} is not a port (1-65535)");
                }
                args.Add($"--Cluster:{key}={p}");
            }
        }
        // The hub's own rules for the ports, checked here too so a mistake is a usage error before anything starts.
        var chosen = new Deconflict.Hub.Cluster.HubClusterOptions();
        (chosen.SiloPort, chosen.GatewayPort) = (siloPort ?? chosen.SiloPort, gatewayPort ?? chosen.GatewayPort);
        foreach (var problem in chosen.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(chosen)))
        {
            throw new InputException($"--silo-port, --gateway-port: {problem.ErrorMessage}");
        }
    }

    /// <summary>Checks the ASTERIX options as the hub will read them, so a mistake is a usage error before anything starts.</summary>
    private static void AddAsterix(List<string> args, string[] sources, string? defaultParty, string[] radars)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            if (!Deconflict.Hub.Tracks.AsterixSource.TryParse(sources[i], out var source, out var problem))
            {
                throw new InputException($"option '--asterix': {problem}");
            }
            if (source.Party is null && string.IsNullOrWhiteSpace(defaultParty))
            {
                throw new InputException($"option '--asterix': '{sources[i]}' names no party: add &party=ID or give --asterix-party PARTY-ID");
            }
            args.Add($"--Surveillance:AsterixSources:{i}={sources[i]}");
        }
        if (defaultParty is { Length: > 0 })
        {
            args.Add($"--Surveillance:AsterixParty={defaultParty}");
        }
        AsterixOptions.ParseRadars(radars);
        for (var i = 0; i < radars.Length; i++)
        {
            args.Add($"--Surveillance:AsterixRadars:{i}={radars[i]}");
        }
    }
}
