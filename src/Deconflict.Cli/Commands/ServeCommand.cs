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
        var command = new Command("serve", "Run the hub.") { db, urls, data, demo };
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
            var app = HubApplication.Build([.. args]);
            await app.StartAsync(ct).ConfigureAwait(false);
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
