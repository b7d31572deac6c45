using Deconflict.Hub.WebConsole;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapConsole();
app.Run();

/// <summary>Entry point, public so that integration tests can host the hub.</summary>
public partial class Program;
