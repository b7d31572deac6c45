using Deconflict.Hub;

var app = HubApplication.Build(args);
await app.RunAsync();

/// <summary>Entry point, public so that integration tests can host the hub.</summary>
public partial class Program;
